package io.github.qtogglemqtt.core.handler;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * One configured MQTT handler: state, filter, context, payload, topic, outbox, publisher (the path
 * of one event, DESIGN.md). Events are processed strictly in order on the handler's own thread.
 */
public final class EventHandler implements EventSink, AutoCloseable {
  private final HandlerSettings settings;

  public EventHandler(
      HandlerSettings settings,
      GlobalSettings global,
      BrokerPublisher publisher,
      JsonEncoder json,
      HandlerObserver observer,
      Clock clock,
      ZoneId zone) {
    this.settings = requireNonNull(settings, "settings is null");
    requireNonNull(global, "global is null");
    requireNonNull(publisher, "publisher is null");
    requireNonNull(json, "json is null");
    requireNonNull(observer, "observer is null");
    requireNonNull(clock, "clock is null");
    requireNonNull(zone, "zone is null");
  }

  /**
   * A handler whose outbox has no publisher: every accepted message is reported at once, in order,
   * as {@code HandlingOutcome.Published(message, 0)} (the app's {@code render}). Placeholder in the
   * app branch until the core handler lands; its real body comes from the core-handler branch.
   */
  public static EventHandler dryRun(
      HandlerSettings settings,
      GlobalSettings global,
      JsonEncoder json,
      HandlerObserver observer,
      Clock clock,
      ZoneId zone) {
    throw new UnsupportedOperationException("EventHandler.dryRun lands with the core handler");
  }

  /** The handler's name. */
  public String name() {
    return settings.name();
  }

  /** Starts the handler's thread and its publisher's connection loop. */
  public void start() {}

  @Override
  public void snapshot(DeviceSnapshot snapshot) {}

  @Override
  public void event(Event event) {}

  /**
   * Waits until every event handed in so far is processed and every message it produced is
   * published (sent at QoS 0, acknowledged at QoS ≥ 1) or dropped.
   *
   * @return false when the timeout ran out first
   */
  public boolean awaitIdle(Duration timeout) {
    requireNonNull(timeout, "timeout is null");
    return true;
  }

  /** Stops taking events, flushes the outbox within the shutdown timeout, closes the publisher. */
  @Override
  public void close() {}
}
