package io.github.qtogglemqtt.app.lifecycle;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.port.in.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts what the source delivers and logs it at DEBUG, then hands it on. */
public final class MonitoredSink implements EventSink {
  private static final Logger log = LoggerFactory.getLogger(MonitoredSink.class);

  private final EventSink next;
  private final Monitoring monitoring;

  public MonitoredSink(EventSink next, Monitoring monitoring) {
    this.next = requireNonNull(next, "next is null");
    this.monitoring = requireNonNull(monitoring, "monitoring is null");
  }

  @Override
  public void snapshot(DeviceSnapshot snapshot) {
    log.debug(
        "Snapshot: {} device attributes, {} ports, {} slaves",
        snapshot.device().size(),
        snapshot.ports().size(),
        snapshot.slaves().size());
    monitoring.received();
    next.snapshot(snapshot);
  }

  @Override
  public void event(Event event) {
    log.debug("Event: {}", event.getClass().getSimpleName());
    monitoring.received();
    next.event(event);
  }
}
