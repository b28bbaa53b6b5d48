package io.github.qtogglemqtt.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EffectiveConfigTest {

  @Test
  void describe_secrets_areMasked() {
    AppConfig config =
        ConfigLoader.loadText(
            """
            event_handlers = [{
              driver = "qtoggleserver.mqtt.MQTTEventHandler"
              server = broker
              password = "hunter2"
              tls_key = "/etc/key.pem"
              custom = "also-secret"
            }]
            qtoggle { url = "http://x", password = "device-pass" }
            """,
            Path.of("/tmp/x.conf"),
            null);

    String text =
        String.join("\n", EffectiveConfig.describe(config, Set.of("event_handlers[0].custom")));

    assertThat(text)
        .contains("event_handlers[0].server = 'broker'")
        .contains("event_handlers[0].password = ******")
        .contains("event_handlers[0].custom = ******")
        .contains("qtoggle.password = ******")
        .contains("event_handlers[0].tls_key = '/etc/key.pem'")
        .doesNotContain("hunter2", "device-pass", "also-secret");
  }
}
