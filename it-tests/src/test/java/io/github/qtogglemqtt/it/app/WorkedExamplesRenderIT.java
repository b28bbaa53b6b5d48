package io.github.qtogglemqtt.it.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked examples of spec 8.1-8.4 through {@code render} of the built jar, byte for byte: a
 * JSON-lines capture of the example hub session in, the add-on's payloads out (except where a
 * defect fix deliberately differs: D4 removes the password markers from {@code old_attrs} and
 * {@code new_attrs}). The expected payloads are the spec's lines, kept in core's test resources.
 */
@Timeout(120)
class WorkedExamplesRenderIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD_MARKERS =
      "\"admin_password\": \"set\", \"normal_password\": \"\", \"viewonly_password\": \"\", ";

  @TempDir Path directory;

  @Test
  void render_hubSessionOfSpec8_printsTheOriginalsPayloadsByteForByte() throws Exception {
    List<JsonNode> messages = render(hubSession());

    assertThat(messages).hasSize(3);
    assertThat(messages)
        .allSatisfy(
            message -> {
              assertThat(message.get("handler").asInt()).isZero();
              assertThat(message.get("topic").asText()).isEqualTo("hub");
              assertThat(message.get("qos").asInt()).isZero();
              assertThat(message.get("retain").asBoolean()).isFalse();
            });
    assertThat(messages.get(0).get("payload").asText()).isEqualTo(spec("8.1-original.json"));
    assertThat(messages.get(1).get("payload").asText()).isEqualTo(spec("8.2-original.json"));
    String original83 = spec("8.3-original.json");
    assertThat(original83).contains(PASSWORD_MARKERS);
    assertThat(messages.get(2).get("payload").asText())
        .isEqualTo(original83.replace(PASSWORD_MARKERS, ""));
  }

  @Test
  void render_slaveAddOfSpec84_printsTheOriginalsPayloadWithoutTheLeakedSecrets() throws Exception {
    String events =
        String.join(
            "\n",
            "{\"type\": \"snapshot\", \"timestamp\": 1717999990.0, \"device\": {\"name\": \"hub\","
                + " \"wifi_key\": \"x\", \"admin_password\": \"set\"}, \"ports\": []}",
            """
            {"type": "slave-device-add", "timestamp": 1718000000.25, "params": {"enabled": true, \
            "name": "shed", "scheme": "http", "host": "10.0.0.7", "port": 80, "path": "/api", \
            "admin_password_hash": \
            "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", \
            "poll_interval": 0, "listen_enabled": true, "last_sync": 1718000000, "online": true, \
            "provisioning": [], "attrs": {"name": "shed", "display_name": "Shed", \
            "admin_password": "set", "wifi_key": "hunter22"}}}""",
            "");

    List<JsonNode> messages =
        render(
            events,
            ", json_context_fields = [\"type\", \"device_attrs\", \"attrs\"],"
                + " topic = \"qtoggle/{{device_attrs.name}}/{{type}}\" ");

    // D3 and D4: the original leaks shed:wifi_key and the secrets of attrs; we publish the same
    // message without them, and nothing else differs
    String expected =
        spec("8.4-original.json")
            .replace(", \"shed:wifi_key\": \"hunter22\"", "")
            .replace(
                "\"admin_password_hash\":"
                    + " \"5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8\", ",
                "")
            .replace(", \"admin_password\": \"set\", \"wifi_key\": \"hunter22\"", "");
    assertThat(expected).doesNotContain("hunter22").doesNotContain("password");
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).get("topic").asText()).isEqualTo("qtoggle/hub/slave-device-add");
    assertThat(messages.get(0).get("payload").asText()).isEqualTo(expected);
  }

  /** Spec 8's assumptions as a replay: the snapshot, then the three events of 8.1-8.3. */
  private String hubSession() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    JsonNode hub = mapper.readTree(spec("8.3-original.json")).get("old_attrs");
    String device = mapper.writeValueAsString(hub);
    String ports =
        """
        [{"id": "temp", "display_name": "Temp", "type": "number", "unit": "°C", "writable": true, \
        "enabled": true, "min": -50, "max": 150, "tag": "", "expression": "", "transform_read": "", \
        "transform_write": "", "internal": false, "virtual": true, "value": 21.5, \
        "pending_value": null, "definitions": {}}, \
        {"id": "vport1", "display_name": "", "type": "boolean", "writable": true, "enabled": true, \
        "tag": "", "expression": "", "transform_read": "", "transform_write": "", \
        "internal": false, "virtual": true, "value": false, "pending_value": null, \
        "definitions": {}}]""";
    String portUpdate =
        """
        {"type": "port-update", "timestamp": 1718000001.25, "params": {"id": "temp", \
        "display_name": "Temperature", "type": "number", "unit": "°C", "writable": true, \
        "enabled": true, "min": -50, "max": 150, "tag": "", "expression": "", \
        "transform_read": "", "transform_write": "", "internal": false, "virtual": true, \
        "value": 21.5, "pending_value": null, "definitions": {}}}""";
    String deviceUpdate =
        "{\"type\": \"device-update\", \"timestamp\": 1718000002.25, \"params\": "
            + device
                .replace("\"uptime\":86400", "\"uptime\":86405")
                .replace("\"date\":1717999995", "\"date\":1718000000")
                .replace("\"cpu_usage\":4", "\"cpu_usage\":6")
            + "}";
    assertThat(deviceUpdate).contains("\"uptime\":86405", "\"cpu_usage\":6");
    return String.join(
        "\n",
        "{\"type\": \"snapshot\", \"timestamp\": 1717999990.0, \"device\": "
            + device
            + ", \"ports\": "
            + ports
            + "}",
        "{\"type\": \"value-change\", \"timestamp\": 1718000000.25, \"params\": "
            + "{\"id\": \"vport1\", \"value\": true, \"old_value\": false}}",
        portUpdate,
        deviceUpdate,
        "");
  }

  /**
   * Runs {@code render} with a handler that sets only {@code server}, under TZ=UTC as spec 8 says.
   */
  private List<JsonNode> render(String events) throws Exception {
    return render(events, "");
  }

  private List<JsonNode> render(String events, String moreHandlerKeys) throws Exception {
    Path config = directory.resolve("hub.conf");
    Files.writeString(
        config,
        """
        event_handlers = [
          { driver = "qtoggleserver.mqtt.MQTTEventHandler", server = "broker.example" %s}
        ]
        """
            .formatted(moreHandlerKeys));
    Path input = directory.resolve("hub.jsonl");
    Files.writeString(input, events, StandardCharsets.UTF_8);
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-jar",
                AppProcess.jar().toString(),
                "render",
                "-c",
                config.toString(),
                "--events",
                input.toString())
            .redirectError(directory.resolve("stderr.txt").toFile());
    builder.environment().put("TZ", "UTC");
    Process process = builder.start();
    byte[] out = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(() -> readQuietly(directory.resolve("stderr.txt"))).isZero();
    List<JsonNode> messages = new ArrayList<>();
    for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        messages.add(JSON.readTree(line));
      }
    }
    return messages;
  }

  private static String spec(String name) throws IOException {
    try (InputStream in = WorkedExamplesRenderIT.class.getResourceAsStream("/spec/" + name)) {
      assertThat(in).as("core test-jar resource /spec/" + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(no stderr: " + e + ")";
    }
  }
}
