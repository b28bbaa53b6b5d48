package io.github.qtogglemqtt.app.lifecycle;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.handler.EventHandler;
import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.port.out.PortWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the assembled application in dependency order (the handlers, so that their publishers
 * connect and their queues take events, then the source) and closes it in reverse (the source stops
 * delivering, then each handler flushes and disconnects). When a start fails, what was started is
 * closed before the failure is rethrown (Airlift's "initialization failure stops started
 * instances"). Guice does not close anything; this does.
 */
public final class Lifecycle implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

  private final List<Component> components;
  private final List<EventHandler> handlers;
  private final Supplier<CompletionStage<Void>> sourceCompletion;
  private final Deque<Component> started = new ArrayDeque<>();
  private boolean closed;

  /** One startable, closeable part of the application. */
  interface Component {
    String name();

    void start();

    void close();
  }

  Lifecycle(
      List<Component> components,
      List<EventHandler> handlers,
      Supplier<CompletionStage<Void>> sourceCompletion) {
    this.components = List.copyOf(components);
    this.handlers = List.copyOf(handlers);
    this.sourceCompletion = requireNonNull(sourceCompletion, "sourceCompletion is null");
  }

  /**
   * The lifecycle of handlers fed by one source: the health and metrics endpoint (when configured)
   * first, then the handlers, then the source; closed in reverse.
   */
  public static Lifecycle of(
      List<EventHandler> handlers,
      String sourceName,
      EventSource source,
      Monitoring monitoring,
      Optional<HttpEndpoint> http) {
    requireNonNull(source, "source is null");
    requireNonNull(monitoring, "monitoring is null");
    if (source instanceof PortWriter writer) {
      // Home Assistant commands (issue 9): handlers with homeassistant.commands write through it
      handlers.forEach(handler -> handler.commandsTo(writer));
    }
    List<Component> components = new ArrayList<>();
    http.ifPresent(
        endpoint ->
            components.add(component("health and metrics", endpoint::start, endpoint::close)));
    for (EventHandler handler : handlers) {
      components.add(component("handler " + handler.name(), handler::start, handler::close));
    }
    AtomicBoolean closing = new AtomicBoolean();
    components.add(
        component(
            "source " + sourceName,
            () -> {
              source.start();
              source
                  .completion()
                  .whenComplete((done, failure) -> monitoring.sourceEnded(failure, closing.get()));
            },
            () -> {
              closing.set(true);
              source.close();
            }));
    return new Lifecycle(components, handlers, source::completion);
  }

  private static Component component(String name, Runnable start, Runnable close) {
    return new Component() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void start() {
        start.run();
      }

      @Override
      public void close() {
        close.run();
      }
    };
  }

  /**
   * Starts every component in order.
   *
   * @throws RuntimeException the first start failure, after every component started before it was
   *     closed
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("the application was closed; it cannot start again");
    }
    for (Component component : components) {
      log.info("Starting {}", component.name());
      try {
        component.start();
      } catch (RuntimeException e) {
        log.info("Starting {} failed; closing what was started", component.name());
        closeStarted();
        closed = true;
        throw e;
      }
      started.push(component);
    }
    log.info("Started {} component(s)", components.size());
  }

  /** Completes when a finite source has delivered everything (a replay at the end of its input). */
  public CompletionStage<Void> sourceCompletion() {
    return sourceCompletion.get();
  }

  /**
   * Waits until every handler has processed what it received and every message is completed.
   *
   * @return false when the timeout ran out first
   */
  public boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (EventHandler handler : handlers) {
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (!handler.awaitIdle(left)) {
        return false;
      }
    }
    return true;
  }

  /** The number of handlers. */
  public int handlerCount() {
    return handlers.size();
  }

  /** Closes every started component in reverse order. Idempotent; never throws. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeStarted();
    log.info("Stopped");
  }

  private void closeStarted() {
    while (!started.isEmpty()) {
      Component component = started.pop();
      log.info("Stopping {}", component.name());
      try {
        component.close();
      } catch (RuntimeException e) {
        log.warn("Stopping {} failed: {}", component.name(), e.toString());
      }
    }
  }
}
