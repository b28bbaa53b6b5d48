package io.github.qtogglemqtt.core.handler;

import static io.github.qtogglemqtt.core.handler.HandlerFixture.event;
import static io.github.qtogglemqtt.core.handler.HandlerFixture.idle;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.testing.TestJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The worked examples of spec 8, byte for byte, through a handler with the fake encoder. */
class WorkedExamplesTest {
  private static final String PASSWORD_MARKERS =
      "\"admin_password\": \"set\", \"normal_password\": \"\", \"viewonly_password\": \"\", ";

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

  private final HandlerFixture fixture = new HandlerFixture();

  static String resource(String name) throws IOException {
    try (InputStream in = WorkedExamplesTest.class.getResourceAsStream("/spec/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The device attributes of the hub: {@code old_attrs} of the original 8.3 payload. */
  @SuppressWarnings("unchecked")
  static Map<String, @Nullable Object> hubAttributes() throws IOException {
    return (Map<String, @Nullable Object>)
        TestJson.object(resource("8.3-original.json")).get("old_attrs");
  }

  @SuppressWarnings("unchecked")
  private DeviceSnapshot hubSnapshot() throws IOException {
    return new DeviceSnapshot(
        hubAttributes(),
        (List<Map<String, @Nullable Object>>) TestJson.parse(PORTS),
        List.of(),
        1_717_999_990.0);
  }

  private List<OutboundMessage> runHubSession() throws IOException {
    EventHandler handler = fixture.dryRun("{\"server\": \"broker\"}");
    handler.snapshot(hubSnapshot());
    handler.event(
        event(
            "{\"type\": \"value-change\", \"params\": {\"id\": \"vport1\", \"value\": true,"
                + " \"old_value\": false}}",
            1_718_000_000.25));
    handler.event(
        event(
            """
            {"type": "port-update", "params": {"id": "temp", "display_name": "Temperature",
             "type": "number", "unit": "°C", "writable": true, "enabled": true, "min": -50,
             "max": 150, "tag": "", "expression": "", "transform_read": "", "transform_write": "",
             "internal": false, "virtual": true, "value": 21.5, "pending_value": null,
             "definitions": {}}}
            """,
            1_718_000_001.25));
    Map<String, @Nullable Object> device = new LinkedHashMap<>(hubAttributes());
    device.put("uptime", 86405L);
    device.put("date", 1_718_000_000L);
    device.put("cpu_usage", 6L);
    handler.event(new io.github.qtogglemqtt.core.model.DeviceUpdate(device, 1_718_000_002.25));
    idle(handler);
    handler.close();
    return fixture.observer.published();
  }

  @Test
  void valueChange_onBooleanPort_publishesTheOriginalsPayloadToTopicHub() throws IOException {
    OutboundMessage message = runHubSession().get(0);

    assertThat(message.topic()).isEqualTo("hub");
    assertThat(message.qos()).isZero();
    assertThat(message.retain()).isFalse();
    assertThat(message.payloadText()).isEqualTo(resource("8.1-original.json"));
  }

  @Test
  void portUpdate_displayNameChanged_publishesTheOriginalsPayload() throws IOException {
    OutboundMessage message = runHubSession().get(1);

    assertThat(message.topic()).isEqualTo("hub");
    assertThat(message.payloadText()).isEqualTo(resource("8.2-original.json"));
  }

  @Test
  void deviceUpdate_fiveSecondRefresh_publishesTheOriginalWithoutPasswordMarkersInAttrs()
      throws IOException {
    String original = resource("8.3-original.json");
    // D4: Java scrubs old_attrs and new_attrs too; nothing else differs
    String expected = original.replace(PASSWORD_MARKERS, "");
    assertThat(original).contains(PASSWORD_MARKERS);

    OutboundMessage message = runHubSession().get(2);

    assertThat(message.topic()).isEqualTo("hub");
    assertThat(message.payloadText()).isEqualTo(expected);
  }

  @Test
  void hubSession_threeEvents_threeMessagesInOrder() throws IOException {
    assertThat(runHubSession())
        .extracting(OutboundMessage::topic)
        .containsExactly("hub", "hub", "hub");
  }

  @Test
  void slaveDeviceAdd_withJsonContextFields_scrubsSlaveSecretsEverywhere() throws IOException {
    EventHandler handler =
        fixture.dryRun(
            """
            {"server": "broker", "json_context_fields": ["type", "device_attrs", "attrs"],
             "topic": "qtoggle/{{device_attrs.name}}/{{type}}"}
            """);
    handler.snapshot(
        HandlerFixture.snapshot(
            "{\"name\": \"hub\", \"wifi_key\": \"x\", \"admin_password\": \"set\"}",
            "[]",
            "[]",
            1_717_999_990.0));
    handler.event(
        event(
            """
            {"type": "slave-device-add", "params": {"enabled": true, "name": "shed",
             "scheme": "http", "host": "10.0.0.7", "port": 80, "path": "/api",
             "admin_password_hash":
               "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
             "poll_interval": 0, "listen_enabled": true, "last_sync": 1718000000, "online": true,
             "provisioning": [], "attrs": {"name": "shed", "display_name": "Shed",
             "admin_password": "set", "wifi_key": "hunter22"}}}
            """));
    idle(handler);
    handler.close();

    String original = resource("8.4-original.json");
    String expected =
        original
            .replace(", \"shed:wifi_key\": \"hunter22\"", "")
            .replace(
                "\"admin_password_hash\":"
                    + " \"5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8\", ",
                "")
            .replace(", \"admin_password\": \"set\", \"wifi_key\": \"hunter22\"", "");
    assertThat(expected).doesNotContain("hunter22").doesNotContain("password");
    OutboundMessage message = fixture.observer.published().get(0);
    assertThat(message.topic()).isEqualTo("qtoggle/hub/slave-device-add");
    assertThat(message.payloadText()).isEqualTo(expected);
  }

  @Test
  void valueChange_withTemplatesForOneType_rendersItAndOtherTypesFallBackToJson()
      throws IOException {
    EventHandler handler =
        fixture.dryRun(
            "{\"templates\": {\"value-change\": \"{{port.get_pretty_name()}}={{new_value}}\"}}");
    handler.snapshot(hubSnapshot());
    handler.event(
        event(
            "{\"type\": \"value-change\", \"params\": {\"id\": \"vport1\", \"value\": true}}",
            1_718_000_000.25));
    handler.event(event("{\"type\": \"full-update\", \"params\": {}}", 1_718_000_001.25));
    idle(handler);
    handler.close();

    List<String> payloads = fixture.observer.publishedPayloads();
    assertThat(payloads).hasSize(2);
    assertThat(payloads.get(0)).isEqualTo("vport1=True");
    // D7: the type missing from templates gets the default JSON payload, not an error
    assertThat(payloads.get(1)).startsWith("{\"type\": \"full-update\", \"timestamp\": ");
  }
}
