package io.github.qtogglemqtt.adapter.source.qtoggle;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The state the handlers hold, as this source delivered it (spec 3.1): the last snapshot with every
 * delivered event applied. After a gap it is compared with a fresh snapshot to produce the events
 * that were missed (issue 7, {@code resync_events}). Not thread-safe: the source's one delivery
 * thread owns it.
 */
final class DeviceView {
  private static final Set<String> NOT_ATTRIBUTES = Set.of("value", "pending_value", "definitions");

  private Map<String, @Nullable Object> device = new LinkedHashMap<>();
  private final Map<String, @Nullable Object> values = new LinkedHashMap<>();
  private final Map<String, Map<String, @Nullable Object>> ports = new LinkedHashMap<>();
  private final Map<String, Map<String, @Nullable Object>> slaves = new LinkedHashMap<>();

  /** What to deliver after a gap: a silent snapshot, then events for every difference. */
  record Resync(DeviceSnapshot snapshot, List<Event> events) {}

  /**
   * Whether a {@code device-update} says that the device restarted since the view was taken: its
   * {@code uptime} went back. A restarted device has lost every listen session, silently (spec 2.7
   * item 9), so the source must resynchronise.
   */
  boolean restartedBy(Event deviceUpdate) {
    Object before = device.get("uptime");
    Object after = deviceUpdate.params().get("uptime");
    return Values.isNumber(before)
        && Values.isNumber(after)
        && ((Number) after).doubleValue() < ((Number) before).doubleValue();
  }

  /** Replaces the whole view by a snapshot. */
  void reset(DeviceSnapshot snapshot) {
    if (!snapshot.device().isEmpty()) {
      device = new LinkedHashMap<>(snapshot.device());
    }
    values.clear();
    ports.clear();
    for (Map<String, @Nullable Object> port : snapshot.ports()) {
      if (port.get("id") instanceof String id) {
        values.put(id, port.get("value"));
        ports.put(id, attributes(port));
      }
    }
    slaves.clear();
    for (Map<String, @Nullable Object> slave : snapshot.slaves()) {
      if (slave.get("name") instanceof String name) {
        slaves.put(name, new LinkedHashMap<>(slave));
      }
    }
  }

  /** Applies one delivered event, as a handler's state tracking does (spec 3.2). */
  void apply(Event event) {
    Map<String, @Nullable Object> p = event.params();
    switch (event.type()) {
      case VALUE_CHANGE -> values.put((String) p.get("id"), p.get("value"));
      case PORT_ADD, PORT_UPDATE -> {
        String id = (String) p.get("id");
        values.put(id, p.get("value"));
        ports.put(id, attributes(p));
      }
      case PORT_REMOVE -> {
        values.remove((String) p.get("id"));
        ports.remove((String) p.get("id"));
      }
      case DEVICE_UPDATE -> device = new LinkedHashMap<>(p);
      case FULL_UPDATE -> {}
      case SLAVE_DEVICE_ADD, SLAVE_DEVICE_UPDATE ->
          slaves.put((String) p.get("name"), new LinkedHashMap<>(p));
      case SLAVE_DEVICE_REMOVE -> slaves.remove((String) p.get("name"));
    }
  }

  /**
   * Compares the view with a fresh snapshot. The returned snapshot holds the fresh state where
   * nothing changed and the previous state where something did (so that it syncs nothing the events
   * are about to report); the events then move every changed item to its fresh state: {@code
   * port-remove}, {@code value-change} (before {@code port-update}, so that the update finds the
   * value already current), {@code port-update}, {@code port-add}, {@code device-update}, {@code
   * slave-device-remove}/{@code -update}/{@code -add}. Afterwards the view is the fresh snapshot.
   */
  Resync resync(DeviceSnapshot fresh) {
    double ts = fresh.timestamp();
    List<Event> events = new ArrayList<>();
    Map<String, Map<String, @Nullable Object>> freshPorts = new LinkedHashMap<>();
    for (Map<String, @Nullable Object> port : fresh.ports()) {
      if (port.get("id") instanceof String id) {
        freshPorts.put(id, port);
      }
    }
    List<Map<String, @Nullable Object>> basePorts = new ArrayList<>();
    for (Map.Entry<String, Map<String, @Nullable Object>> entry : ports.entrySet()) {
      String id = entry.getKey();
      if (!freshPorts.containsKey(id)) {
        basePorts.add(portObject(entry.getValue(), values.get(id), null));
        event("port-remove", idParams("id", id), ts, events);
      }
    }
    List<Event> additions = new ArrayList<>();
    for (Map.Entry<String, Map<String, @Nullable Object>> entry : freshPorts.entrySet()) {
      String id = entry.getKey();
      Map<String, @Nullable Object> port = entry.getValue();
      Map<String, @Nullable Object> known = ports.get(id);
      if (known == null) {
        event("port-add", copy(port), ts, additions);
        continue;
      }
      Object oldValue = values.get(id);
      basePorts.add(portObject(known, oldValue, port));
      if (!Values.pyEquals(oldValue, port.get("value"))) {
        Map<String, @Nullable Object> params = new LinkedHashMap<>();
        params.put("id", id);
        params.put("value", port.get("value"));
        params.put("old_value", oldValue);
        event("value-change", params, ts, events);
      }
      if (!Values.pyEquals(known, attributes(port))) {
        event("port-update", copy(port), ts, events);
      }
    }
    events.addAll(additions);

    Map<String, @Nullable Object> baseDevice = fresh.device();
    if (!fresh.device().isEmpty() && !device.isEmpty()) {
      baseDevice = device;
      if (!Values.pyEquals(device, fresh.device())) {
        event("device-update", copy(fresh.device()), ts, events);
      }
    }

    List<Map<String, @Nullable Object>> baseSlaves = new ArrayList<>();
    Map<String, Map<String, @Nullable Object>> freshSlaves = new LinkedHashMap<>();
    for (Map<String, @Nullable Object> slave : fresh.slaves()) {
      if (slave.get("name") instanceof String name) {
        freshSlaves.put(name, slave);
      }
    }
    for (Map.Entry<String, Map<String, @Nullable Object>> entry : slaves.entrySet()) {
      if (!freshSlaves.containsKey(entry.getKey())) {
        baseSlaves.add(entry.getValue());
        event("slave-device-remove", idParams("name", entry.getKey()), ts, events);
      }
    }
    for (Map.Entry<String, Map<String, @Nullable Object>> entry : freshSlaves.entrySet()) {
      Map<String, @Nullable Object> known = slaves.get(entry.getKey());
      if (known == null) {
        event("slave-device-add", copy(entry.getValue()), ts, events);
      } else {
        baseSlaves.add(known);
        if (!Values.pyEquals(known, entry.getValue())) {
          event("slave-device-update", copy(entry.getValue()), ts, events);
        }
      }
    }
    DeviceSnapshot base = new DeviceSnapshot(copy(baseDevice), basePorts, baseSlaves, ts);
    reset(fresh);
    return new Resync(base, events);
  }

  private static Map<String, @Nullable Object> attributes(Map<String, @Nullable Object> port) {
    Map<String, @Nullable Object> attrs = new LinkedHashMap<>(port);
    attrs.keySet().removeAll(NOT_ATTRIBUTES);
    return attrs;
  }

  /** A port object from known attributes and value; the extra keys from {@code fresh}, if any. */
  private static Map<String, @Nullable Object> portObject(
      Map<String, @Nullable Object> attrs,
      @Nullable Object value,
      @Nullable Map<String, @Nullable Object> fresh) {
    Map<String, @Nullable Object> port = new LinkedHashMap<>(attrs);
    port.put("value", value);
    port.put("pending_value", fresh == null ? null : fresh.get("pending_value"));
    port.put(
        "definitions",
        fresh != null && fresh.get("definitions") != null
            ? fresh.get("definitions")
            : new LinkedHashMap<String, @Nullable Object>());
    return port;
  }

  private static Map<String, @Nullable Object> idParams(String key, String value) {
    Map<String, @Nullable Object> params = new LinkedHashMap<>();
    params.put(key, value);
    return params;
  }

  private static Map<String, @Nullable Object> copy(Map<String, @Nullable Object> map) {
    return new LinkedHashMap<>(map);
  }

  private static void event(
      String type, Map<String, @Nullable Object> params, double ts, List<Event> into) {
    Event.fromWire(type, params, ts).ifPresent(into::add);
  }
}
