package io.github.qtogglemqtt.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private final List<String> calls = new ArrayList<>();

  private Lifecycle.Component component(String name, boolean failsToStart) {
    return new Lifecycle.Component() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void start() {
        calls.add("start " + name);
        if (failsToStart) {
          throw new IllegalStateException(name + " cannot start");
        }
      }

      @Override
      public void close() {
        calls.add("close " + name);
      }
    };
  }

  private Lifecycle lifecycle(Lifecycle.Component... components) {
    return new Lifecycle(
        List.of(components), List.of(), () -> CompletableFuture.completedStage(null));
  }

  @Test
  void start_thenClose_startsInOrderAndClosesInReverse() {
    Lifecycle lifecycle =
        lifecycle(component("a", false), component("b", false), component("c", false));

    lifecycle.start();
    lifecycle.close();

    assertThat(calls)
        .containsExactly("start a", "start b", "start c", "close c", "close b", "close a");
  }

  @Test
  void start_whenOneFails_closesWhatWasStartedAndRethrows() {
    Lifecycle lifecycle =
        lifecycle(
            component("a", false),
            component("b", false),
            component("c", true),
            component("d", false));

    assertThatThrownBy(lifecycle::start).hasMessage("c cannot start");

    assertThat(calls).containsExactly("start a", "start b", "start c", "close b", "close a");
  }

  @Test
  void close_twice_closesOnce() {
    Lifecycle lifecycle = lifecycle(component("a", false));
    lifecycle.start();

    lifecycle.close();
    lifecycle.close();

    assertThat(calls).containsExactly("start a", "close a");
  }

  @Test
  void close_whenACloseFails_stillClosesTheOthers() {
    Lifecycle.Component failing =
        new Lifecycle.Component() {
          @Override
          public String name() {
            return "bad";
          }

          @Override
          public void start() {}

          @Override
          public void close() {
            calls.add("close bad");
            throw new IllegalStateException("boom");
          }
        };
    Lifecycle lifecycle = lifecycle(component("a", false), failing, component("c", false));
    lifecycle.start();

    lifecycle.close();

    assertThat(calls).containsExactly("start a", "start c", "close c", "close bad", "close a");
  }

  @Test
  void start_afterClose_isRefused() {
    Lifecycle lifecycle = lifecycle(component("a", false));
    lifecycle.close();

    assertThatThrownBy(lifecycle::start).isInstanceOf(IllegalStateException.class);
  }
}
