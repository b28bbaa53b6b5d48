package io.github.qtogglemqtt.adapter.source.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The simulated device's state and its seeded random walk. Deterministic: the same seed gives the
 * same sequence of changes. Not thread-safe (the source drives it from one thread).
 */
final class SimulatedDevice {
  static final String MODE = "mode";
  static final String RELAY = "relay";
  static final String TEMPERATURE = "temperature";
  private static final int MODE_CHOICES = 3;

  private final String name;
  private final SplittableRandom random;
  private boolean relay;
  private long mode = 1;
  private double temperature = 21.5;
  private long uptimeMillis;

  SimulatedDevice(String name, long seed) {
    this.name = name;
    this.random = new SplittableRandom(seed);
  }

  /** A value that changed in one step. */
  record Change(String portId, Object oldValue, Object newValue) {}

  /**
   * One step of the walk, {@code elapsedMillis} after the previous one: the temperature moves by up
   * to 0.5 °C (one decimal), the relay toggles now and then, the mode changes more rarely.
   */
  List<Change> step(long elapsedMillis) {
    uptimeMillis += elapsedMillis;
    List<Change> changes = new ArrayList<>();
    double delta = Math.round((random.nextDouble() - 0.5) * 10) / 10.0;
    double next = Math.min(35.0, Math.max(10.0, Math.round((temperature + delta) * 10) / 10.0));
    if (next != temperature) {
      changes.add(new Change(TEMPERATURE, temperature, next));
      temperature = next;
    }
    if (random.nextInt(5) == 0) {
      changes.add(new Change(RELAY, relay, !relay));
      relay = !relay;
    }
    if (random.nextInt(10) == 0) {
      long nextMode = (mode + 1 + random.nextInt(MODE_CHOICES - 1)) % MODE_CHOICES;
      changes.add(new Change(MODE, mode, nextMode));
      mode = nextMode;
    }
    return changes;
  }

  /**
   * Writes a port value, as {@code PATCH /api/ports/<id>/value} would.
   *
   * @return the change, or null when the port had that value already
   * @throws IllegalArgumentException for an unknown or read-only port, or a value it does not take
   */
  @Nullable Change set(String portId, Object value) {
    switch (portId) {
      case RELAY -> {
        if (!(value instanceof Boolean b)) {
          throw new IllegalArgumentException("port relay takes true or false");
        }
        if (b == relay) {
          return null;
        }
        Change change = new Change(RELAY, relay, b);
        relay = b;
        return change;
      }
      case MODE -> {
        if (!(value instanceof Long l) || l < 0 || l >= MODE_CHOICES) {
          throw new IllegalArgumentException(
              "port mode takes a whole number from 0 to %d".formatted(MODE_CHOICES - 1));
        }
        if (l == mode) {
          return null;
        }
        Change change = new Change(MODE, mode, l);
        mode = l;
        return change;
      }
      default -> throw new IllegalArgumentException("port %s is not writable".formatted(portId));
    }
  }

  /** The device attributes, as {@code GET /api/device} returns them. */
  Map<String, @Nullable Object> deviceAttributes() {
    Map<String, @Nullable Object> attrs = new LinkedHashMap<>();
    attrs.put("name", name);
    attrs.put("display_name", "Simulated device");
    attrs.put("version", "0.1.0");
    attrs.put("api_version", "1.3");
    attrs.put("vendor", "qtoggle-mqtt");
    attrs.put("admin_password", "");
    attrs.put("normal_password", "");
    attrs.put("viewonly_password", "");
    attrs.put("flags", new ArrayList<>(List.of("listen")));
    attrs.put("virtual_ports", 0L);
    attrs.put("uptime", uptimeMillis / 1000);
    attrs.put("cpu_usage", 2L + uptimeMillis / 1000 % 3);
    attrs.put("mem_usage", 30L);
    attrs.put("definitions", new LinkedHashMap<String, @Nullable Object>());
    return attrs;
  }

  /** The ports, sorted by id, as {@code GET /api/ports} returns them. */
  List<Map<String, @Nullable Object>> ports() {
    return new ArrayList<>(List.of(modePort(), relayPort(), temperaturePort()));
  }

  private Map<String, @Nullable Object> modePort() {
    Map<String, @Nullable Object> port = new LinkedHashMap<>();
    port.put("id", MODE);
    port.put("display_name", "Mode");
    port.put("type", "number");
    port.put("unit", "");
    port.put("writable", true);
    port.put("enabled", true);
    port.put("min", 0L);
    port.put("max", (long) MODE_CHOICES - 1);
    port.put("integer", true);
    List<Object> choices = new ArrayList<>();
    String[] labels = {"Off", "Eco", "Comfort"};
    for (int i = 0; i < MODE_CHOICES; i++) {
      Map<String, @Nullable Object> choice = new LinkedHashMap<>();
      choice.put("value", (long) i);
      choice.put("display_name", labels[i]);
      choices.add(choice);
    }
    port.put("choices", choices);
    writableTail(port);
    return withValue(port, mode);
  }

  private Map<String, @Nullable Object> relayPort() {
    Map<String, @Nullable Object> port = new LinkedHashMap<>();
    port.put("id", RELAY);
    port.put("display_name", "Relay");
    port.put("type", "boolean");
    port.put("writable", true);
    port.put("enabled", true);
    writableTail(port);
    return withValue(port, relay);
  }

  private Map<String, @Nullable Object> temperaturePort() {
    Map<String, @Nullable Object> port = new LinkedHashMap<>();
    port.put("id", TEMPERATURE);
    port.put("display_name", "Temperature");
    port.put("type", "number");
    port.put("unit", "°C");
    port.put("writable", false);
    port.put("enabled", true);
    port.put("min", -40.0);
    port.put("max", 125.0);
    port.put("tag", "");
    port.put("transform_read", "");
    port.put("internal", false);
    return withValue(port, temperature);
  }

  private static void writableTail(Map<String, @Nullable Object> port) {
    port.put("tag", "");
    port.put("expression", "");
    port.put("transform_read", "");
    port.put("transform_write", "");
    port.put("internal", false);
  }

  private static Map<String, @Nullable Object> withValue(
      Map<String, @Nullable Object> port, Object value) {
    port.put("value", value);
    port.put("pending_value", null);
    port.put("definitions", new LinkedHashMap<String, @Nullable Object>());
    return port;
  }
}
