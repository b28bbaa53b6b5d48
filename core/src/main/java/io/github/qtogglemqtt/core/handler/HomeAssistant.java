package io.github.qtogglemqtt.core.handler;

import io.github.qtogglemqtt.core.filter.DeviceState;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.model.ValueChange;
import io.github.qtogglemqtt.core.model.Values;
import io.github.qtogglemqtt.core.port.out.Availability;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Home Assistant MQTT discovery for one handler (issue 9): from the handler's device state, one
 * retained discovery config per enabled port on {@code <prefix>/<component>/<node>/<port>/config}
 * and one retained state message per port on {@code <state_base>/<port>/state}. Remembers what it
 * announced, so that a changed port refreshes its config and a removed or disabled one gets an
 * empty retained config (Home Assistant deletes the entity) and its retained state cleared.
 *
 * <p>Used from the handler's worker thread only.
 */
final class HomeAssistant {
  static final String ORIGIN_NAME = "qtoggle-mqtt";
  static final String DEFAULT_NODE = "qtoggle";
  private static final byte[] EMPTY = new byte[0];

  /** What was announced for one port. */
  private record Entity(
      String configTopic, String configPayload, String stateTopic, @Nullable String commandTopic) {}

  /** A command that passed validation, or the reason it did not. */
  sealed interface Command {
    /** A value to write to the port. */
    record Write(String portId, Object value) implements Command {}

    /** Rejected, with the reason in words. */
    record Rejected(String reason) implements Command {}
  }

  private final HomeAssistantSettings settings;
  private final int qos;
  private final JsonEncoder json;
  private final Supplier<@Nullable Availability> availability;
  private final Map<String, Entity> announced = new LinkedHashMap<>();
  private final Map<String, String> lastState = new HashMap<>();

  HomeAssistant(
      HomeAssistantSettings settings,
      int qos,
      JsonEncoder json,
      Supplier<@Nullable Availability> availability) {
    this.settings = settings;
    this.qos = qos;
    this.json = json;
    this.availability = availability;
  }

  /** Replaces every character outside {@code [a-zA-Z0-9_-]} with {@code _}. */
  static String sanitise(String id) {
    StringBuilder out = new StringBuilder(id.length());
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      out.append(ok ? c : '_');
    }
    return out.toString();
  }

  /** The messages an event calls for, after the state has applied it. */
  List<OutboundMessage> after(Event event, DeviceState state) {
    if (event instanceof ValueChange change) {
      Entity entity = announced.get(change.portId());
      if (entity == null) {
        return List.of();
      }
      List<OutboundMessage> out = new ArrayList<>(1);
      publishState(out, change.portId(), entity, state, false);
      return out;
    }
    return reconcile(state, false);
  }

  /**
   * Brings the broker in line with the state: new or changed configs published, vanished ones
   * cleared, states published where they changed. With {@code force}, every config and state is
   * published again (Home Assistant came online).
   */
  List<OutboundMessage> reconcile(DeviceState state, boolean force) {
    List<OutboundMessage> configs = new ArrayList<>();
    List<OutboundMessage> states = new ArrayList<>();
    Map<String, Entity> wanted = new LinkedHashMap<>();
    String node = nodeId(state);
    String base = stateBase(state);
    Map<String, @Nullable Object> device = deviceBlock(state, node);
    Availability avail = availability.get();
    for (Map.Entry<String, Map<String, @Nullable Object>> port : state.portAttrs().entrySet()) {
      Map<String, @Nullable Object> attrs = port.getValue();
      Object enabled = attrs.get("enabled");
      if (enabled != null && !Values.truthy(enabled)) {
        continue;
      }
      wanted.put(port.getKey(), entity(port.getKey(), attrs, node, base, device, avail));
    }
    for (Map.Entry<String, Entity> old : new ArrayList<>(announced.entrySet())) {
      Entity now = wanted.get(old.getKey());
      Entity was = old.getValue();
      if (now == null) {
        configs.add(clear(was.configTopic()));
        states.add(clear(was.stateTopic()));
        announced.remove(old.getKey());
        lastState.remove(old.getKey());
        continue;
      }
      if (!now.configTopic().equals(was.configTopic())) {
        configs.add(clear(was.configTopic()));
      }
      if (!now.stateTopic().equals(was.stateTopic())) {
        states.add(clear(was.stateTopic()));
        lastState.remove(old.getKey());
      }
    }
    for (Map.Entry<String, Entity> e : wanted.entrySet()) {
      Entity now = e.getValue();
      Entity was = announced.put(e.getKey(), now);
      if (force || !now.equals(was)) {
        configs.add(message(now.configTopic(), now.configPayload()));
      }
      publishState(states, e.getKey(), now, state, force);
    }
    configs.addAll(states);
    return configs;
  }

  private void publishState(
      List<OutboundMessage> out, String portId, Entity entity, DeviceState state, boolean force) {
    String payload = statePayload(state.portValues().get(portId));
    String last = lastState.put(portId, payload);
    if (force || !payload.equals(last)) {
      out.add(message(entity.stateTopic(), payload));
    }
  }

  /** ON/OFF for booleans, Python number text for numbers, None for no value. */
  static String statePayload(@Nullable Object value) {
    if (value instanceof Boolean b) {
      return b ? "ON" : "OFF";
    }
    return Values.pyStr(value);
  }

  private String nodeId(DeviceState state) {
    if (settings.nodeId() != null) {
      return settings.nodeId();
    }
    return deviceName(state);
  }

  private String stateBase(DeviceState state) {
    if (settings.stateBase() != null) {
      return settings.stateBase();
    }
    return deviceName(state);
  }

  private static String deviceName(DeviceState state) {
    if (state.deviceAttrs().get("name") instanceof String name && !name.isEmpty()) {
      return sanitise(name);
    }
    return DEFAULT_NODE;
  }

  private static Map<String, @Nullable Object> deviceBlock(DeviceState state, String node) {
    Map<String, @Nullable Object> attrs = state.deviceAttrs();
    Map<String, @Nullable Object> device = new LinkedHashMap<>();
    device.put("identifiers", List.of("qtoggle_" + node));
    device.put("name", firstText(attrs, "display_name", "name", node));
    device.put("manufacturer", firstText(attrs, "vendor", "vendor", "qToggle"));
    if (attrs.get("model") instanceof String model && !model.isEmpty()) {
      device.put("model", model);
    }
    if (attrs.get("version") instanceof String version && !version.isEmpty()) {
      device.put("sw_version", version);
    }
    return device;
  }

  private static String firstText(
      Map<String, @Nullable Object> attrs, String key, String fallbackKey, String fallback) {
    if (attrs.get(key) instanceof String s && !s.isEmpty()) {
      return s;
    }
    if (attrs.get(fallbackKey) instanceof String s && !s.isEmpty()) {
      return s;
    }
    return fallback;
  }

  private Entity entity(
      String portId,
      Map<String, @Nullable Object> attrs,
      String node,
      String base,
      Map<String, @Nullable Object> device,
      @Nullable Availability avail) {
    String objectId = sanitise(portId);
    String stateTopic = base + "/" + objectId + "/state";
    boolean writable = settings.commands() && Values.truthy(attrs.get("writable"));
    List<String> options = options(attrs.get("choices"));
    boolean isBoolean = "boolean".equals(attrs.get("type"));
    String component;
    if (options != null) {
      component = writable ? "select" : "sensor";
    } else if (isBoolean) {
      component = writable ? "switch" : "binary_sensor";
    } else {
      component = writable ? "number" : "sensor";
    }
    Map<String, @Nullable Object> config = new LinkedHashMap<>();
    config.put("name", firstText(attrs, "display_name", "id", portId));
    config.put("unique_id", "qtoggle_" + node + "_" + objectId);
    config.put("object_id", node + "_" + objectId);
    config.put("state_topic", stateTopic);
    if (writable) {
      config.put("command_topic", base + "/" + objectId + "/set");
      config.put("retain", false);
    }
    config.put("qos", (long) qos);
    switch (component) {
      case "binary_sensor", "switch" -> {
        config.put("payload_on", "ON");
        config.put("payload_off", "OFF");
        if (component.equals("switch")) {
          config.put("state_on", "ON");
          config.put("state_off", "OFF");
        }
      }
      case "select" -> config.put("options", options);
      case "sensor" -> {
        if (options != null) {
          config.put("device_class", "enum");
          config.put("options", options);
        } else {
          numberAttributes(config, attrs, portId, false);
        }
      }
      default -> numberAttributes(config, attrs, portId, true);
    }
    if (avail != null) {
      config.put("availability_topic", avail.topic());
      config.put("payload_available", avail.onlinePayload());
      config.put("payload_not_available", avail.offlinePayload());
    }
    config.put("device", device);
    config.put("origin", Map.of("name", ORIGIN_NAME));
    String topic =
        settings.discoveryPrefix() + "/" + component + "/" + node + "/" + objectId + "/config";
    return new Entity(
        topic, json.encode(config), stateTopic, writable ? base + "/" + objectId + "/set" : null);
  }

  private static void numberAttributes(
      Map<String, @Nullable Object> config,
      Map<String, @Nullable Object> attrs,
      String portId,
      boolean writable) {
    String unit = attrs.get("unit") instanceof String u && !u.isEmpty() ? u : null;
    if (unit != null) {
      config.put("unit_of_measurement", unit);
    }
    if (writable) {
      if (Values.isNumber(attrs.get("min"))) {
        config.put("min", attrs.get("min"));
      }
      if (Values.isNumber(attrs.get("max"))) {
        config.put("max", attrs.get("max"));
      }
      if (Values.isNumber(attrs.get("step"))) {
        config.put("step", attrs.get("step"));
      } else if (Values.truthy(attrs.get("integer"))) {
        config.put("step", 1L);
      }
      return;
    }
    String deviceClass = unit == null ? null : deviceClass(unit, portId, attrs);
    if (deviceClass != null) {
      config.put("device_class", deviceClass);
    }
    config.put("state_class", "energy".equals(deviceClass) ? "total_increasing" : "measurement");
  }

  /** The sensor device class a unit makes clear, or null. */
  static @Nullable String deviceClass(
      String unit, String portId, Map<String, @Nullable Object> attrs) {
    return switch (unit) {
      case "°C", "°F", "K" -> "temperature";
      case "%" -> {
        String label =
            (portId + " " + (attrs.get("display_name") instanceof String s ? s : ""))
                .toLowerCase(Locale.ROOT);
        if (label.contains("humid")) {
          yield "humidity";
        }
        if (label.contains("batt")) {
          yield "battery";
        }
        yield null;
      }
      case "W", "kW" -> "power";
      case "Wh", "kWh", "MWh" -> "energy";
      case "V", "mV" -> "voltage";
      case "A", "mA" -> "current";
      case "Hz" -> "frequency";
      case "lx" -> "illuminance";
      case "hPa", "Pa", "kPa", "mbar", "bar", "psi", "inHg", "mmHg" -> "pressure";
      case "dBm", "dB" -> "signal_strength";
      default -> null;
    };
  }

  /** The choice values as option strings, or null when the port has no choices. */
  private static @Nullable List<String> options(@Nullable Object choices) {
    if (!(choices instanceof List<?> list) || list.isEmpty()) {
      return null;
    }
    List<String> options = new ArrayList<>(list.size());
    for (Object choice : list) {
      Object value = choice instanceof Map<?, ?> map ? map.get("value") : choice;
      options.add(Values.pyStr(value));
    }
    return options;
  }

  /** The topic filter of every command topic, from the state as it is now. */
  String commandFilter(DeviceState state) {
    return stateBase(state) + "/+/set";
  }

  /**
   * Validates a message on a command topic against the port's attributes in {@code state}: the port
   * must be announced with commands, ON/OFF for a boolean port, a number within min/max (and whole
   * for integer ports) for a number port, one of the options for a port with choices.
   */
  Command command(String topic, String payload, boolean retained, DeviceState state) {
    String portId = null;
    for (Map.Entry<String, Entity> e : announced.entrySet()) {
      if (topic.equals(e.getValue().commandTopic())) {
        portId = e.getKey();
        break;
      }
    }
    if (portId == null) {
      return new Command.Rejected(
          "%s is not the command topic of a writable port".formatted(topic));
    }
    if (retained) {
      return new Command.Rejected(
          "a retained command on %s is ignored (commands are never retained)".formatted(topic));
    }
    Map<String, @Nullable Object> attrs = state.portAttrs().getOrDefault(portId, Map.of());
    String text = payload.trim();
    List<String> options = options(attrs.get("choices"));
    if (options != null) {
      List<?> choices = (List<?>) attrs.get("choices");
      for (int i = 0; i < options.size(); i++) {
        if (options.get(i).equals(text)) {
          Object choice = choices.get(i);
          Object value = choice instanceof Map<?, ?> map ? map.get("value") : choice;
          if (value instanceof Boolean || Values.isNumber(value)) {
            return new Command.Write(portId, Values.normalizeNumber(value));
          }
        }
      }
      return new Command.Rejected(
          "%s is not one of the choices of port %s (%s)"
              .formatted(quote(text), portId, String.join(", ", options)));
    }
    if ("boolean".equals(attrs.get("type"))) {
      return switch (text) {
        case "ON" -> new Command.Write(portId, Boolean.TRUE);
        case "OFF" -> new Command.Write(portId, Boolean.FALSE);
        default ->
            new Command.Rejected(
                "port %s is boolean: the command must be ON or OFF (got %s)"
                    .formatted(portId, quote(text)));
      };
    }
    Object number;
    try {
      number =
          text.matches("[-+]?[0-9]+")
              ? (Object) Long.parseLong(text)
              : (Object) Double.parseDouble(text);
    } catch (NumberFormatException e) {
      number = null;
    }
    if (!(number instanceof Long) && !(number instanceof Double d && Double.isFinite(d))) {
      return new Command.Rejected(
          "port %s is a number: %s is not one".formatted(portId, quote(text)));
    }
    double v = ((Number) number).doubleValue();
    if (Values.truthy(attrs.get("integer"))) {
      if (v != Math.rint(v)) {
        return new Command.Rejected(
            "port %s takes whole numbers (got %s)".formatted(portId, quote(text)));
      }
      number = (long) v;
    }
    if (Values.isNumber(attrs.get("min")) && v < ((Number) attrs.get("min")).doubleValue()) {
      return new Command.Rejected(
          "%s is below the minimum %s of port %s"
              .formatted(text, Values.pyStr(attrs.get("min")), portId));
    }
    if (Values.isNumber(attrs.get("max")) && v > ((Number) attrs.get("max")).doubleValue()) {
      return new Command.Rejected(
          "%s is above the maximum %s of port %s"
              .formatted(text, Values.pyStr(attrs.get("max")), portId));
    }
    return new Command.Write(portId, number);
  }

  private static String quote(String text) {
    return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
  }

  private OutboundMessage message(String topic, String payload) {
    return OutboundMessage.of(topic, payload, qos, true);
  }

  private OutboundMessage clear(String topic) {
    return new OutboundMessage(topic, EMPTY, qos, true, null, 0, Map.of());
  }
}
