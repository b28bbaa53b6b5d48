package io.github.qtogglemqtt.core.handler;

import static io.github.qtogglemqtt.core.handler.HandlerFixture.event;
import static io.github.qtogglemqtt.core.handler.HandlerFixture.idle;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.testing.FakeBrokerPublisher;
import io.github.qtogglemqtt.core.testing.Poll;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every handler gets every event; a stuck handler does not hold up the others (D14). */
@Timeout(30)
class EventDispatcherTest {
  private final HandlerFixture fixture = new HandlerFixture();

  @Test
  void event_twoHandlers_bothPublishEveryEventInOrder() {
    EventHandler a =
        fixture.dryRun(
            "{\"name\": \"a\", \"skip_startup\": false, \"topic\": \"a\", \"template\": \"{{type}}\"}");
    EventHandler b =
        fixture.dryRun(
            "{\"name\": \"b\", \"skip_startup\": false, \"topic\": \"b\", \"template\": \"{{type}}\"}");
    EventDispatcher dispatcher = new EventDispatcher(List.of(a, b));

    dispatcher.event(event("{\"type\": \"full-update\", \"params\": {}}"));
    dispatcher.event(event("{\"type\": \"port-remove\", \"params\": {\"id\": \"x\"}}"));
    idle(a);
    idle(b);
    a.close();
    b.close();

    assertThat(fixture.observer.recorded())
        .filteredOn(r -> r.outcome() instanceof HandlingOutcome.Published)
        .extracting(
            r ->
                r.handler()
                    + ":"
                    + ((HandlingOutcome.Published) r.outcome()).message().payloadText())
        .containsSubsequence("a:full-update", "a:port-remove")
        .containsSubsequence("b:full-update", "b:port-remove")
        .hasSize(4);
  }

  @Test
  void event_oneHandlersBrokerStalls_theOtherHandlerStillPublishes() {
    FakeBrokerPublisher stalled = FakeBrokerPublisher.connecting();
    stalled.autoComplete(false);
    FakeBrokerPublisher healthy = FakeBrokerPublisher.connecting();
    EventHandler slow =
        fixture.real(
            "{\"name\": \"slow\", \"skip_startup\": false, \"topic\": \"s\", \"qos\": 1}", stalled);
    EventHandler fast =
        fixture.real("{\"name\": \"fast\", \"skip_startup\": false, \"topic\": \"f\"}", healthy);
    EventDispatcher dispatcher = new EventDispatcher(List.of(slow, fast));

    for (int i = 0; i < 10; i++) {
      dispatcher.event(event("{\"type\": \"full-update\", \"params\": {}}", 1_718_000_000.0 + i));
    }
    idle(fast);

    assertThat(healthy.messages()).hasSize(10);
    Poll.until(
        "the stalled handler has its messages in flight", () -> stalled.pendingCount() == 10);
    assertThat(stalled.messages()).isEmpty();
    while (stalled.completeNext()) {
      // release the stalled broker
    }
    idle(slow);
    slow.close();
    fast.close();
    assertThat(stalled.messages()).hasSize(10);
  }
}
