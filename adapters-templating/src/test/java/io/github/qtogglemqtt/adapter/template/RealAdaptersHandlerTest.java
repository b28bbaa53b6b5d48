package io.github.qtogglemqtt.adapter.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.handler.EventHandler;
import io.github.qtogglemqtt.core.handler.GlobalSettings;
import io.github.qtogglemqtt.core.handler.HandlerSettings;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.JsonEncoderFactory;
import io.github.qtogglemqtt.core.spi.TemplateEngineFactory;
import io.github.qtogglemqtt.core.testing.MutableClock;
import io.github.qtogglemqtt.core.testing.RecordingHandlerObserver;
import io.github.qtogglemqtt.core.testing.TestJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Spec 8.1 through the core's handler with the real adapters found by ServiceLoader: the default
 * JSON payload byte for byte with the Jackson encoder, the default topic and a value-change
 * template with either engine, the handler entry differing only in the template syntax.
 */
@Timeout(60)
class RealAdaptersHandlerTest {
  private static final String PORTS =
      """
      [{"id": "temp", "display_name": "Temp", "type": "number", "unit": "°C", "writable": true,
        "enabled": true, "min": -50, "max": 150, "tag": "", "expression": "", "transform_read": "",
        "transform_write": "", "internal": false, "virtual": true, "value": 21.5,
        "pending_value": null, "definitions": {}},
       {"id": "vport1", "display_name": "", "type": "boolean", "writable": true, "enabled": true,
        "tag": "", "expression": "", "transform_read": "", "transform_write": "",
        "internal": false, "virtual": true, "value": false, "pending_value": null,
        "definitions": {}}]
      """;

  private static String resource(String name) throws IOException {
    try (InputStream in = RealAdaptersHandlerTest.class.getResourceAsStream("/spec/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static TemplateEngine engine(String name, AdapterProperties entry) {
    return ServiceLoader.load(TemplateEngineFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow()
        .create(entry, AdapterContext.system());
  }

  private static JsonEncoder jackson() {
    return ServiceLoader.load(JsonEncoderFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f.name().equals("jackson"))
        .findFirst()
        .orElseThrow()
        .create(AdapterContext.system());
  }

  @SuppressWarnings("unchecked")
  private static OutboundMessage valueChange(String engineName, String entryJson)
      throws IOException {
    AdapterProperties entry = AdapterProperties.of("event_handlers[0]", TestJson.object(entryJson));
    HandlerSettings settings = HandlerSettings.parse(entry, "0", engine(engineName, entry));
    assertThat(entry.problems()).isEmpty();
    RecordingHandlerObserver observer = new RecordingHandlerObserver();
    EventHandler handler =
        EventHandler.dryRun(
            settings,
            GlobalSettings.none(),
            jackson(),
            observer,
            MutableClock.atEpochSeconds(1_718_000_000.25),
            ZoneOffset.UTC);
    handler.start();
    Map<String, @Nullable Object> hub =
        (Map<String, @Nullable Object>)
            TestJson.object(resource("8.3-original.json")).get("old_attrs");
    handler.snapshot(
        new DeviceSnapshot(
            hub, (List<Map<String, @Nullable Object>>) TestJson.parse(PORTS), List.of(), 1.0e9));
    Map<String, @Nullable Object> params =
        TestJson.object("{\"id\": \"vport1\", \"value\": true, \"old_value\": false}");
    handler.event(Event.fromWire("value-change", params, 1_718_000_000.25).orElseThrow());
    assertThat(handler.awaitIdle(Duration.ofSeconds(30))).isTrue();
    handler.close();
    assertThat(observer.published()).hasSize(1);
    return observer.published().getFirst();
  }

  @Test
  void defaultPayload_withJackson_isTheOriginalsBytes() throws IOException {
    for (String engine : List.of("pebble", "mustache")) {
      OutboundMessage message = valueChange(engine, "{\"server\": \"broker\"}");
      assertThat(message.topic()).as(engine).isEqualTo("hub");
      assertThat(message.payloadText()).as(engine).isEqualTo(resource("8.1-original.json"));
    }
  }

  @Test
  void valueChangeTemplate_pebble_printsAsJinja2() throws IOException {
    OutboundMessage message =
        valueChange(
            "pebble",
            """
            {"server": "broker", "topic": "qtoggle/{{device_attrs.name}}/{{type}}",
             "templates": {"value-change":
               "{{port.get_pretty_name()}}={{new_value}} ({{port.get_pretty_value(old_value)}})"}}
            """);
    assertThat(message.topic()).isEqualTo("qtoggle/hub/value-change");
    assertThat(message.payloadText()).isEqualTo("vport1=True (off)");
  }

  @Test
  void valueChangeTemplate_mustache_printsTheSame() throws IOException {
    OutboundMessage message =
        valueChange(
            "mustache",
            """
            {"server": "broker", "topic": "qtoggle/{{device_attrs.name}}/{{type}}",
             "templates": {"value-change":
               "{{port.pretty_name}}={{new_value}} ({{port.pretty_old_value}})"}}
            """);
    assertThat(message.topic()).isEqualTo("qtoggle/hub/value-change");
    assertThat(message.payloadText()).isEqualTo("vport1=True (off)");
  }
}
