package io.github.qtogglemqtt.app.lifecycle;

import io.github.qtogglemqtt.core.handler.EventHandler;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.port.in.EventSink;
import java.time.Duration;
import java.util.List;

/**
 * Hands each snapshot and event to one handler at a time and waits until it is done before the
 * next: a dry run's messages then come out in a fixed order (input order, then handler order)
 * whatever the threads do. Not for live publishing, where handlers work in parallel.
 */
public final class SequentialSink implements EventSink {
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

  private final List<EventHandler> handlers;

  public SequentialSink(List<EventHandler> handlers) {
    this.handlers = List.copyOf(handlers);
  }

  @Override
  public void snapshot(DeviceSnapshot snapshot) {
    for (EventHandler handler : handlers) {
      handler.snapshot(snapshot);
      handler.awaitIdle(STEP_TIMEOUT);
    }
  }

  @Override
  public void event(Event event) {
    for (EventHandler handler : handlers) {
      handler.event(event);
      handler.awaitIdle(STEP_TIMEOUT);
    }
  }
}
