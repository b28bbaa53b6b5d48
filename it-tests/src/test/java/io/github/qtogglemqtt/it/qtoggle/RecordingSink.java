package io.github.qtogglemqtt.it.qtoggle;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.PortEvent;
import io.github.qtogglemqtt.core.model.SlaveEvent;
import io.github.qtogglemqtt.core.port.in.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records what a source delivers, snapshots and events in one ordered list, and checks the sink's
 * contract: one caller at a time.
 */
final class RecordingSink implements EventSink {
  private final List<Object> received = new ArrayList<>();
  private final AtomicInteger callers = new AtomicInteger();
  private volatile boolean concurrentCall;

  @Override
  public void snapshot(DeviceSnapshot snapshot) {
    record(snapshot);
  }

  @Override
  public void event(Event event) {
    record(event);
  }

  private void record(Object item) {
    if (callers.incrementAndGet() > 1) {
      concurrentCall = true;
    }
    synchronized (received) {
      received.add(item);
    }
    callers.decrementAndGet();
  }

  List<Object> received() {
    synchronized (received) {
      return new ArrayList<>(received);
    }
  }

  List<Event> events() {
    return received().stream().filter(Event.class::isInstance).map(Event.class::cast).toList();
  }

  List<DeviceSnapshot> snapshots() {
    return received().stream()
        .filter(DeviceSnapshot.class::isInstance)
        .map(DeviceSnapshot.class::cast)
        .toList();
  }

  /** Wire names of the events, with the port id or slave name where there is one. */
  List<String> eventSummaries() {
    return events().stream()
        .map(
            e -> {
              Object id =
                  switch (e) {
                    case PortEvent p -> p.portId();
                    case SlaveEvent s -> e.params().get("name");
                    default -> null;
                  };
              return id == null ? e.type().wireName() : e.type().wireName() + " " + id;
            })
        .toList();
  }

  boolean sawConcurrentCalls() {
    return concurrentCall;
  }
}
