package io.github.qtogglemqtt.core.handler;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.port.in.EventSink;
import java.util.List;

/** Hands every snapshot and event to every handler, in order. The sink a source feeds. */
public final class EventDispatcher implements EventSink {
  private final List<EventHandler> handlers;

  public EventDispatcher(List<EventHandler> handlers) {
    this.handlers = List.copyOf(handlers);
  }

  @Override
  public void snapshot(DeviceSnapshot snapshot) {
    for (EventHandler handler : handlers) {
      handler.snapshot(snapshot);
    }
  }

  @Override
  public void event(Event event) {
    for (EventHandler handler : handlers) {
      handler.event(event);
    }
  }
}
