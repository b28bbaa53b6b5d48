package io.github.qtogglemqtt.adapter.source.replay;

import io.github.qtogglemqtt.core.error.InvalidEventException;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.Values;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one line of a replay file holds (issue 2, "the replay format"): a device snapshot, an event,
 * nothing (a blank line, an event type the core does not handle), or a problem to report.
 */
final class ReplayLine {
  private ReplayLine() {}

  /** What a line holds. */
  sealed interface Parsed permits Snapshot, WireEvent, Blank, Ignored, Invalid {}

  /** A {@code {"type": "snapshot", ...}} line. */
  record Snapshot(DeviceSnapshot snapshot) implements Parsed {}

  /** An event in wire form. */
  record WireEvent(Event event) implements Parsed {}

  /** A blank line. */
  record Blank() implements Parsed {}

  /** An event of a type outside the nine (spec 1.5): ignored. */
  record Ignored(String type) implements Parsed {}

  /** A line that is not valid; {@code reason} says why, without the line number. */
  record Invalid(String reason) implements Parsed {}

  /**
   * Parses one line; the timestamp is the line's {@code "timestamp"} or else the clock's now. Never
   * throws.
   */
  @SuppressWarnings("unchecked")
  static Parsed parse(String line, Clock clock) {
    if (line.isBlank()) {
      return new Blank();
    }
    Object value;
    try {
      value = JsonValueReader.parse(line);
    } catch (IOException e) {
      return new Invalid("not valid JSON (%s)".formatted(firstLine(e.getMessage())));
    }
    if (!(value instanceof Map<?, ?> raw)) {
      return new Invalid("not a JSON object (got %s)".formatted(Values.typeName(value)));
    }
    Map<String, @Nullable Object> object = (Map<String, @Nullable Object>) raw;
    Object type = object.get("type");
    if (type == null) {
      return new Invalid("no \"type\"");
    }
    if (!(type instanceof String typeName)) {
      return new Invalid("\"type\" is not a string (got %s)".formatted(Values.typeName(type)));
    }
    double timestamp;
    Object ts = object.get("timestamp");
    if (ts == null) {
      timestamp = now(clock);
    } else if (Values.isNumber(ts)) {
      timestamp = ((Number) ts).doubleValue();
    } else {
      return new Invalid("\"timestamp\" is not a number (got %s)".formatted(Values.typeName(ts)));
    }
    if (typeName.equals("snapshot")) {
      return snapshot(object, timestamp);
    }
    Object params = object.getOrDefault("params", null);
    if (params == null && !object.containsKey("params")) {
      params = new java.util.LinkedHashMap<String, @Nullable Object>();
    }
    if (!(params instanceof Map<?, ?> paramsMap)) {
      return new Invalid(
          "%s event whose \"params\" is not an object (got %s)"
              .formatted(typeName, Values.typeName(params)));
    }
    try {
      Optional<Event> event =
          Event.fromWire(typeName, (Map<String, @Nullable Object>) paramsMap, timestamp);
      return event.<Parsed>map(WireEvent::new).orElseGet(() -> new Ignored(typeName));
    } catch (InvalidEventException e) {
      return new Invalid(e.getMessage());
    }
  }

  private static Parsed snapshot(Map<String, @Nullable Object> object, double timestamp) {
    Object device = object.get("device");
    if (device != null && !(device instanceof Map<?, ?>)) {
      return new Invalid(
          "snapshot whose \"device\" is not an object (got %s)".formatted(Values.typeName(device)));
    }
    List<Map<String, @Nullable Object>> ports;
    List<Map<String, @Nullable Object>> slaves;
    try {
      ports = objects(object.get("ports"), "ports");
      slaves = objects(object.get("slaves"), "slaves");
    } catch (IllegalArgumentException e) {
      return new Invalid(e.getMessage());
    }
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> deviceMap =
        device == null ? new java.util.LinkedHashMap<>() : (Map<String, @Nullable Object>) device;
    return new Snapshot(new DeviceSnapshot(deviceMap, ports, slaves, timestamp));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, @Nullable Object>> objects(@Nullable Object value, String key) {
    List<Map<String, @Nullable Object>> result = new ArrayList<>();
    if (value == null) {
      return result;
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(
          "snapshot whose \"%s\" is not an array (got %s)".formatted(key, Values.typeName(value)));
    }
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> m)) {
        throw new IllegalArgumentException(
            "snapshot whose \"%s[%d]\" is not an object (got %s)"
                .formatted(key, i, Values.typeName(list.get(i))));
      }
      result.add((Map<String, @Nullable Object>) m);
    }
    return result;
  }

  private static double now(Clock clock) {
    var instant = clock.instant();
    return instant.getEpochSecond() + instant.getNano() / 1e9;
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
