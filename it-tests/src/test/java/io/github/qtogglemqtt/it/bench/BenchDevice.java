package io.github.qtogglemqtt.it.bench;

import io.github.qtogglemqtt.adapter.template.jackson.JacksonJsonEncoderFactory;
import io.github.qtogglemqtt.adapter.template.mustache.MustacheTemplateEngineFactory;
import io.github.qtogglemqtt.adapter.template.pebble.PebbleTemplateEngineFactory;
import io.github.qtogglemqtt.core.handler.EventHandler;
import io.github.qtogglemqtt.core.handler.GlobalSettings;
import io.github.qtogglemqtt.core.handler.HandlerSettings;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.ValueChange;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's device and handlers: a 15-attribute device with definitions, 20 ports of 10
 * attributes each, and a ring of value-change events cycling over the ports with changing values.
 */
final class BenchDevice {
  static final int PORTS = 20;
  static final int EVENTS = 256;
  static final double T0 = 1_718_000_000.25;
  static final ZoneId ZONE = ZoneOffset.UTC;
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_718_000_000L), ZONE);

  /** The topic of the realistic handler: the same text in both engines. */
  static final String TOPIC = "{{device_attrs.name}}/ports/{{port.id}}";

  private BenchDevice() {}

  static TemplateEngine engine(String name) {
    AdapterProperties none = AdapterProperties.of("bench", Map.of());
    return switch (name) {
      case "pebble" -> new PebbleTemplateEngineFactory().create(none, AdapterContext.system());
      case "mustache" -> new MustacheTemplateEngineFactory().create(none, AdapterContext.system());
      default -> throw new IllegalArgumentException("unknown engine " + name);
    };
  }

  static JsonEncoder json() {
    return new JacksonJsonEncoderFactory().create(AdapterContext.system());
  }

  static GlobalSettings global() {
    Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
    metadata.put("site", Map.of("name", "home", "location", "garage"));
    metadata.put("owner", "bench");
    return new GlobalSettings("http://qtoggle.local", metadata, Set.of());
  }

  /** The payload template of the {@code template} variant, in the engine's syntax. */
  static String payloadTemplate(String engine) {
    return engine.equals("pebble")
        ? "{{port.get_pretty_name()}} is {{port.get_pretty_value()}}"
        : "{{port.pretty_name}} is {{port.pretty_value}}";
  }

  /** A handler entry: the realistic topic, the default JSON payload or a template payload. */
  static Map<String, @Nullable Object> entry(String engine, String payload) {
    Map<String, @Nullable Object> entry = new LinkedHashMap<>();
    entry.put("name", "bench");
    entry.put("topic", TOPIC);
    if (payload.equals("template")) {
      entry.put("templates", Map.of("value-change", payloadTemplate(engine)));
    } else if (!payload.equals("default")) {
      throw new IllegalArgumentException("unknown payload " + payload);
    }
    return entry;
  }

  static HandlerSettings settings(Map<String, @Nullable Object> entry, TemplateEngine engine) {
    AdapterProperties properties = AdapterProperties.of("event_handlers[0]", entry);
    HandlerSettings settings = HandlerSettings.parse(properties, "0", engine);
    if (!properties.problems().isEmpty()) {
      throw new IllegalStateException("bench handler: " + properties.problems());
    }
    return settings;
  }

  /** A dry-run handler, never started, fed through its synchronous entry points. */
  static EventHandler handler(HandlerSettings settings) {
    EventHandler handler =
        EventHandler.dryRun(settings, global(), json(), HandlerObserver.NONE, CLOCK, ZONE);
    handler.snapshotNow(snapshot());
    return handler;
  }

  static Map<String, @Nullable Object> deviceAttrs() {
    Map<String, @Nullable Object> device = new LinkedHashMap<>();
    device.put("name", "bench-device");
    device.put("display_name", "Bench device");
    device.put("version", "0.30.1");
    device.put("api_version", "1.0");
    device.put("vendor", "qtoggle");
    device.put("admin_password", "secret-hash");
    device.put("normal_password", "secret-hash");
    device.put("viewonly_password", "");
    device.put("flags", List.of("expressions", "firmware", "listen", "sequences", "ssl"));
    device.put("virtual_ports", 8L);
    device.put("uptime", 123456L);
    device.put("date", 1718000000L);
    device.put("timezone", "Europe/Bucharest");
    device.put("config_name", "bench/config");
    Map<String, @Nullable Object> definitions = new LinkedHashMap<>();
    for (String attr : List.of("battery_level", "temperature", "wifi_signal")) {
      definitions.put(
          attr, Map.of("type", "number", "modifiable", false, "unit", "%", "min", 0L, "max", 100L));
    }
    device.put("definitions", definitions);
    return device;
  }

  static Map<String, @Nullable Object> port(int index) {
    Map<String, @Nullable Object> port = new LinkedHashMap<>();
    boolean bool = index % 2 == 0;
    port.put("id", "port" + index);
    port.put("display_name", "Port number " + index);
    port.put("type", bool ? "boolean" : "number");
    port.put("enabled", true);
    port.put("writable", bool);
    port.put("unit", bool ? "" : "°C");
    port.put("min", bool ? null : -40.0);
    port.put("max", bool ? null : 125.0);
    port.put("integer", false);
    port.put("tag", "zone-" + (index % 4));
    port.put("value", bool ? (Object) Boolean.FALSE : (Object) 20.5);
    return port;
  }

  static DeviceSnapshot snapshot() {
    List<Map<String, @Nullable Object>> ports = new ArrayList<>();
    for (int i = 0; i < PORTS; i++) {
      ports.add(port(i));
    }
    return new DeviceSnapshot(deviceAttrs(), ports, List.of(), T0 - 3600);
  }

  /** Value-change events over every port, each with a new value; timestamps one ms apart. */
  static ValueChange[] events() {
    ValueChange[] events = new ValueChange[EVENTS];
    for (int i = 0; i < EVENTS; i++) {
      int port = i % PORTS;
      Object value = port % 2 == 0 ? (Object) (i / PORTS % 2 == 0) : (Object) (20.5 + i * 0.25);
      Map<String, @Nullable Object> params = new LinkedHashMap<>();
      params.put("id", "port" + port);
      params.put("value", value);
      events[i] = new ValueChange("port" + port, params, T0 + i / 1000.0);
    }
    return events;
  }
}
