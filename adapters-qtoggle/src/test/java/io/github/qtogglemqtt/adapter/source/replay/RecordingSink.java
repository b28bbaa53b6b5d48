package io.github.qtogglemqtt.adapter.source.replay;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.port.in.EventSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a source delivers, snapshots and events in one ordered list. */
final class RecordingSink implements EventSink {
  final List<Object> received = new CopyOnWriteArrayList<>();

  @Override
  public void snapshot(DeviceSnapshot snapshot) {
    received.add(snapshot);
  }

  @Override
  public void event(Event event) {
    received.add(event);
  }

  List<Event> events() {
    return received.stream().filter(Event.class::isInstance).map(Event.class::cast).toList();
  }
}
