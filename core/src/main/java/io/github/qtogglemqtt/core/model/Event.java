package io.github.qtogglemqtt.core.model;

import io.github.qtogglemqtt.core.error.InvalidEventException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One qToggle event as received from a source (spec 1). A sealed hierarchy: port events, device
 * events and slave events, nine types in all; a switch over it needs no {@code default}.
 *
 * <p>{@link #params()} is the event's wire {@code params} object as a JSON value (see {@link
 * Values}): an insertion-ordered, unmodifiable map. It is not deep-copied: the source hands over a
 * map it no longer touches. {@link #timestamp()} is the receive time in seconds since the epoch
 * (fraction included), or 0 when the clock is not real (spec 1.1).
 *
 * @since 0.1
 */
public sealed interface Event permits PortEvent, DeviceEvent, SlaveEvent {

  /** The event type. */
  EventType type();

  /** The wire params, unmodifiable and insertion-ordered. */
  Map<String, @Nullable Object> params();

  /** Receive time in seconds since the epoch, or 0 when the clock is not real. */
  double timestamp();

  /**
   * Builds an event from its wire form.
   *
   * @param type the wire {@code type}
   * @param params the wire {@code params} object (a JSON value map); taken over, not copied
   * @param timestamp receive time in seconds since the epoch
   * @return the event, or empty when the type is not one of the nine (spec 1.5: ignored)
   * @throws InvalidEventException when a field the type requires ({@code id}, {@code name}) is
   *     missing or not a string; the message names the type and the field
   */
  static Optional<Event> fromWire(
      String type, Map<String, @Nullable Object> params, double timestamp) {
    Optional<EventType> known = EventType.fromWireName(type);
    if (known.isEmpty()) {
      return Optional.empty();
    }
    Map<String, @Nullable Object> p = Collections.unmodifiableMap(params);
    return Optional.of(
        switch (known.get()) {
          case VALUE_CHANGE -> new ValueChange(requireString(type, p, "id"), p, timestamp);
          case PORT_UPDATE -> new PortUpdate(requireString(type, p, "id"), p, timestamp);
          case PORT_ADD -> new PortAdd(requireString(type, p, "id"), p, timestamp);
          case PORT_REMOVE -> new PortRemove(requireString(type, p, "id"), p, timestamp);
          case DEVICE_UPDATE -> new DeviceUpdate(p, timestamp);
          case FULL_UPDATE -> new FullUpdate(p, timestamp);
          case SLAVE_DEVICE_UPDATE ->
              new SlaveDeviceUpdate(requireString(type, p, "name"), p, timestamp);
          case SLAVE_DEVICE_ADD -> new SlaveDeviceAdd(requireString(type, p, "name"), p, timestamp);
          case SLAVE_DEVICE_REMOVE ->
              new SlaveDeviceRemove(requireString(type, p, "name"), p, timestamp);
        });
  }

  /** An empty, unmodifiable params map, for building events in code. */
  static Map<String, @Nullable Object> noParams() {
    return Collections.unmodifiableMap(new LinkedHashMap<>());
  }

  private static String requireString(
      String type, Map<String, @Nullable Object> params, String key) {
    Object value = params.get(key);
    if (value instanceof String s && !s.isEmpty()) {
      return s;
    }
    throw new InvalidEventException(
        value == null
            ? "%s event without params.%s".formatted(type, key)
            : "%s event with a params.%s that is not a non-empty string (got %s)"
                .formatted(type, key, Values.typeName(value)));
  }
}
