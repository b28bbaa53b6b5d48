package io.github.qtogglemqtt.core.filter;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.DeviceEvent;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.DeviceUpdate;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.FullUpdate;
import io.github.qtogglemqtt.core.model.PortAdd;
import io.github.qtogglemqtt.core.model.PortEvent;
import io.github.qtogglemqtt.core.model.PortRemove;
import io.github.qtogglemqtt.core.model.PortUpdate;
import io.github.qtogglemqtt.core.model.SlaveDeviceAdd;
import io.github.qtogglemqtt.core.model.SlaveDeviceRemove;
import io.github.qtogglemqtt.core.model.SlaveDeviceUpdate;
import io.github.qtogglemqtt.core.model.SlaveEvent;
import io.github.qtogglemqtt.core.model.ValueChange;
import io.github.qtogglemqtt.core.model.Values;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One handler's copy of the device state (spec 3.1): device attributes, port values, port
 * attributes and flattened slave attributes, all insertion-ordered. Updated for every event
 * <em>before</em> the filter runs (spec 3.2), and replaced by every snapshot.
 *
 * <p>Not thread-safe: a handler touches it from its own thread only. The maps it returns are
 * unmodifiable views or fresh copies, as each method says.
 */
public final class DeviceState {
  private static final Set<String> NOT_PORT_ATTRIBUTES =
      Set.of("value", "pending_value", "definitions");

  private Map<String, @Nullable Object> deviceAttrs = Map.of();
  private final LinkedHashMap<String, @Nullable Object> portValues = new LinkedHashMap<>();
  private final LinkedHashMap<String, Map<String, @Nullable Object>> portAttrs =
      new LinkedHashMap<>();
  private final LinkedHashMap<String, Map<String, @Nullable Object>> slaveAttrs =
      new LinkedHashMap<>();
  private long deviceVersion;
  private long portAttrsVersion;

  /**
   * Replaces the state with a snapshot (spec 2.10 item 1). An empty {@code device} map (a non-admin
   * source cannot read it) keeps the stored device attributes.
   */
  public void sync(DeviceSnapshot snapshot) {
    requireNonNull(snapshot, "snapshot is null");
    deviceVersion++;
    portAttrsVersion++;
    if (!snapshot.device().isEmpty()) {
      deviceAttrs = freeze(snapshot.device());
    }
    portValues.clear();
    portAttrs.clear();
    for (Map<String, @Nullable Object> port : snapshot.ports()) {
      if (port.get("id") instanceof String id) {
        portValues.put(id, port.get("value"));
        portAttrs.put(id, portAttributes(port));
      }
    }
    slaveAttrs.clear();
    for (Map<String, @Nullable Object> slave : snapshot.slaves()) {
      if (slave.get("name") instanceof String name) {
        slaveAttrs.put(name, flatten(slave));
      }
    }
  }

  /** Updates the state with one event and returns what it computed (spec 3.2). */
  public EventDelta apply(Event event) {
    requireNonNull(event, "event is null");
    if (event instanceof PortEvent && !(event instanceof ValueChange)) {
      portAttrsVersion++;
    } else if (!(event instanceof PortEvent)) {
      deviceVersion++;
    }
    return switch (event) {
      case PortEvent port -> applyPort(port);
      case DeviceEvent device -> applyDevice(device);
      case SlaveEvent slave -> applySlave(slave);
    };
  }

  private EventDelta applyPort(PortEvent event) {
    String id = event.portId();
    boolean known = portValues.containsKey(id);
    Object stored = portValues.get(id);
    Map<String, @Nullable Object> storedAttrs = portAttrs.getOrDefault(id, Map.of());
    return switch (event) {
      case ValueChange vc -> {
        Object old = known ? stored : vc.params().get("old_value");
        Object value = vc.params().get("value");
        portValues.put(id, value);
        yield delta(event, old, value, storedAttrs, storedAttrs, Map.of(), Map.of(), Map.of());
      }
      case PortAdd add -> applyPortObject(event, stored, storedAttrs, add.params());
      case PortUpdate update -> applyPortObject(event, stored, storedAttrs, update.params());
      case PortRemove remove -> {
        portValues.remove(id);
        portAttrs.remove(id);
        yield delta(
            remove, stored, stored, storedAttrs, storedAttrs, Map.of(), Map.of(), storedAttrs);
      }
    };
  }

  private EventDelta applyPortObject(
      PortEvent event,
      @Nullable Object stored,
      Map<String, @Nullable Object> storedAttrs,
      Map<String, @Nullable Object> params) {
    Object value = params.get("value");
    Map<String, @Nullable Object> newAttrs = portAttributes(params);
    portValues.put(event.portId(), value);
    portAttrs.put(event.portId(), newAttrs);
    return diffDelta(event, stored, value, storedAttrs, newAttrs);
  }

  private EventDelta applyDevice(DeviceEvent event) {
    Map<String, @Nullable Object> old = deviceAttrs;
    Map<String, @Nullable Object> now =
        switch (event) {
          case DeviceUpdate update -> freeze(update.params());
          // the source resynced the state just before delivering full-update (spec 2.10 item 5)
          case FullUpdate full -> deviceAttrs;
        };
    deviceAttrs = now;
    return diffDelta(event, null, null, old, now);
  }

  private EventDelta applySlave(SlaveEvent event) {
    String name = event.slaveName();
    Map<String, @Nullable Object> stored = slaveAttrs.getOrDefault(name, Map.of());
    return switch (event) {
      case SlaveDeviceAdd add -> applySlaveObject(event, stored, add.params());
      case SlaveDeviceUpdate update -> applySlaveObject(event, stored, update.params());
      case SlaveDeviceRemove remove -> {
        slaveAttrs.remove(name);
        yield delta(remove, null, null, stored, stored, Map.of(), Map.of(), stored);
      }
    };
  }

  private EventDelta applySlaveObject(
      SlaveEvent event,
      Map<String, @Nullable Object> stored,
      Map<String, @Nullable Object> params) {
    Map<String, @Nullable Object> flat = flatten(params);
    slaveAttrs.put(event.slaveName(), flat);
    return diffDelta(event, null, null, stored, flat);
  }

  private static EventDelta diffDelta(
      Event event,
      @Nullable Object oldValue,
      @Nullable Object newValue,
      Map<String, @Nullable Object> old,
      Map<String, @Nullable Object> now) {
    LinkedHashMap<String, @Nullable Object> changed = new LinkedHashMap<>();
    LinkedHashMap<String, @Nullable Object> added = new LinkedHashMap<>();
    LinkedHashMap<String, @Nullable Object> removed = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> entry : now.entrySet()) {
      diffOne(entry.getKey(), old.get(entry.getKey()), entry.getValue(), changed, added, removed);
    }
    for (Map.Entry<String, @Nullable Object> entry : old.entrySet()) {
      if (!now.containsKey(entry.getKey())) {
        diffOne(entry.getKey(), entry.getValue(), null, changed, added, removed);
      }
    }
    return delta(
        event,
        oldValue,
        newValue,
        old,
        now,
        Collections.unmodifiableMap(changed),
        Collections.unmodifiableMap(added),
        Collections.unmodifiableMap(removed));
  }

  private static void diffOne(
      String key,
      @Nullable Object old,
      @Nullable Object now,
      Map<String, @Nullable Object> changed,
      Map<String, @Nullable Object> added,
      Map<String, @Nullable Object> removed) {
    if (Values.pyEquals(old, now)) {
      return;
    }
    if (old == null) {
      added.put(key, now);
    } else if (now == null) {
      removed.put(key, old);
    } else {
      changed.put(key, Collections.unmodifiableList(Arrays.asList(old, now)));
    }
  }

  private static EventDelta delta(
      Event event,
      @Nullable Object oldValue,
      @Nullable Object newValue,
      Map<String, @Nullable Object> oldAttrs,
      Map<String, @Nullable Object> newAttrs,
      Map<String, @Nullable Object> changed,
      Map<String, @Nullable Object> added,
      Map<String, @Nullable Object> removed) {
    return new EventDelta(event, oldValue, newValue, oldAttrs, newAttrs, changed, added, removed);
  }

  /** The port object minus {@code value}, {@code pending_value} and {@code definitions}. */
  static Map<String, @Nullable Object> portAttributes(Map<String, @Nullable Object> port) {
    LinkedHashMap<String, @Nullable Object> attrs = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> entry : port.entrySet()) {
      if (!NOT_PORT_ATTRIBUTES.contains(entry.getKey())) {
        attrs.put(entry.getKey(), entry.getValue());
      }
    }
    return Collections.unmodifiableMap(attrs);
  }

  /**
   * Flattens a slave object (spec 3.4): the object without {@code attrs}, then every entry of
   * {@code attrs}; an existing key keeps its position and takes the {@code attrs} value.
   */
  public static Map<String, @Nullable Object> flatten(Map<String, @Nullable Object> slave) {
    LinkedHashMap<String, @Nullable Object> flat = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> entry : slave.entrySet()) {
      if (!entry.getKey().equals("attrs")) {
        flat.put(entry.getKey(), entry.getValue());
      }
    }
    if (slave.get("attrs") instanceof Map<?, ?> attrs) {
      for (Map.Entry<?, ?> entry : attrs.entrySet()) {
        flat.put(String.valueOf(entry.getKey()), entry.getValue());
      }
    }
    return Collections.unmodifiableMap(flat);
  }

  private static Map<String, @Nullable Object> freeze(Map<String, @Nullable Object> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** The stored main-device attributes, unmerged (unmodifiable). */
  public Map<String, @Nullable Object> deviceAttrs() {
    return deviceAttrs;
  }

  /**
   * A fresh merged copy (spec 3.4): the device attributes followed by {@code <slave>:<key>} for
   * every flattened slave attribute.
   */
  public Map<String, @Nullable Object> mergedDeviceAttrs() {
    LinkedHashMap<String, @Nullable Object> merged = new LinkedHashMap<>(deviceAttrs);
    for (Map.Entry<String, Map<String, @Nullable Object>> slave : slaveAttrs.entrySet()) {
      for (Map.Entry<String, @Nullable Object> entry : slave.getValue().entrySet()) {
        merged.put(slave.getKey() + ":" + entry.getKey(), entry.getValue());
      }
    }
    return merged;
  }

  /** The port values (an unmodifiable live view; copy it to keep it). */
  public Map<String, @Nullable Object> portValues() {
    return Collections.unmodifiableMap(portValues);
  }

  /** The port attributes by port id (an unmodifiable live view; copy it to keep it). */
  public Map<String, Map<String, @Nullable Object>> portAttrs() {
    return Collections.unmodifiableMap(portAttrs);
  }

  /** The flattened slave attributes by slave name (an unmodifiable live view). */
  public Map<String, Map<String, @Nullable Object>> slaveAttrs() {
    return Collections.unmodifiableMap(slaveAttrs);
  }

  /**
   * A number that changes whenever the device or slave attributes (so the merged device attributes)
   * may have changed: equal versions mean equal {@link #mergedDeviceAttrs()}.
   */
  public long deviceVersion() {
    return deviceVersion;
  }

  /** A number that changes whenever {@link #portAttrs()} may have changed. */
  public long portAttrsVersion() {
    return portAttrsVersion;
  }

  /** Whether the port is known (has a stored value or attributes). */
  public boolean portKnown(String id) {
    return portValues.containsKey(id) || portAttrs.containsKey(id);
  }

  /** Whether the port's stored {@code enabled} attribute is truthy. */
  public boolean portEnabled(String id) {
    Map<String, @Nullable Object> attrs = portAttrs.get(id);
    return attrs != null && Values.truthy(attrs.get("enabled"));
  }
}
