package io.github.qtogglemqtt.core.handler;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.port.in.EventSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands every snapshot and event to every handler, in order: the sink a source feeds. Each handler
 * queues what it gets and processes it on its own thread, so a slow handler never holds up the
 * others or the source.
 */
public final class EventDispatcher implements EventSink {
  private final List<EventHandler> handlers;

  public EventDispatcher(List<EventHandler> handlers) {
    requireNonNull(handlers, "handlers is null");
    this.handlers = List.copyOf(handlers);
  }

  /** The handlers, in configuration order. */
  public List<EventHandler> handlers() {
    return handlers;
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

  /**
   * The client ids that more than one handler renders now (D19), each with the names of those
   * handlers: the broker would drop one connection whenever the other connects. A handler whose
   * template fails to render is left out. Call it after the first snapshot for the real names.
   */
  public Map<String, List<String>> duplicateClientIds() {
    Map<String, List<String>> byId = new LinkedHashMap<>();
    for (EventHandler handler : handlers) {
      String id;
      try {
        id = handler.clientId();
      } catch (RuntimeException e) {
        continue;
      }
      byId.computeIfAbsent(id, k -> new ArrayList<>()).add(handler.name());
    }
    Map<String, List<String>> duplicates = new LinkedHashMap<>();
    byId.forEach(
        (id, names) -> {
          if (names.size() > 1) {
            duplicates.put(id, List.copyOf(names));
          }
        });
    return duplicates;
  }
}
