package io.github.qtogglemqtt.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String MQTT = "driver = \"qtoggleserver.mqtt.MQTTEventHandler\"";

  @TempDir Path dir;

  private AppConfig load(String text) {
    return ConfigLoader.loadText(text, dir.resolve("qtoggleserver.conf"), null);
  }

  private ConfigurationException failure(String text) {
    return catchThrowableOfType(ConfigurationException.class, () -> load(text));
  }

  @Test
  void load_unmodifiedQtoggleserverConf_takesTheMqttEntryAndIgnoresTheRest() {
    AppConfig config =
        load(
            """
            debug = false
            public_url = "https://qtoggle.example.com"
            logging = { root = { level = "INFO" } }
            core = {
                tick_interval = 50
                virtual_ports = 1024
            }
            server = { addr = "0.0.0.0", port = 8888 }
            persist = { driver = "qtoggleserver.drivers.persist.JSONPersistDriver", file_path = "x.json" }
            event_handlers = [
                {
                    driver = "qtoggleserver.core.events.handlers.LoggingEventHandler"
                }
                {
                    driver = "qtoggleserver.mqtt.MQTTEventHandler"
                    server = "broker.example.com"
                    topic = "{{device_attrs.name}}/events"
                    qos = 1
                }
            ]
            """);

    assertThat(config.handlers()).hasSize(1);
    HandlerEntry entry = config.handlers().getFirst();
    assertThat(entry.index()).isEqualTo(1);
    assertThat(entry.path()).isEqualTo("event_handlers[1]");
    assertThat(entry.values())
        .containsEntry("server", "broker.example.com")
        .containsEntry("qos", 1L);
    assertThat(entry.client()).isEqualTo("hivemq");
    assertThat(entry.templateEngine()).isEqualTo("pebble");
    assertThat(config.global().publicUrl()).isEqualTo("https://qtoggle.example.com");
    assertThat(config.source().type()).isEqualTo("replay");
    assertThat(config.source().values()).containsEntry("path", "-");
  }

  @Test
  void load_bothDriverSpellingsAndSelectors_areAccepted() {
    AppConfig config =
        load(
            """
            event_handlers = [
              { driver = "qtoggleserver.mqtt.MQTTEventHandler", server = a, client = paho, name = first }
              { driver = "qtoggleserver.mqtt.MqttEventHandler", server = b, template_engine = mustache }
            ]
            """);

    assertThat(config.handlers())
        .extracting(HandlerEntry::client, HandlerEntry::templateEngine, HandlerEntry::displayName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("paho", "pebble", "first"),
            org.assertj.core.groups.Tuple.tuple("hivemq", "mustache", 1L));
  }

  @Test
  void load_metadataList_nestsDottedNamesAndRemembersSensitiveOnes() {
    AppConfig config =
        load(
            MQTT.replace("driver", "event_handlers = [{driver")
                + ", server = a}]\n"
                + """
                metadata = [
                  {name = "site.city", value = "Bucharest"}
                  {name = "site.floor", value = 2}
                  {name = "api_key", value = "s3cret", sensitive = true}
                ]
                """);

    assertThat(config.global().metadata())
        .isEqualTo(Map.of("site", Map.of("city", "Bucharest", "floor", 2L), "api_key", "s3cret"));
    assertThat(config.global().metadata().keySet()).containsExactly("site", "api_key");
    assertThat(config.global().sensitiveMetadata()).containsExactly("api_key");
  }

  @Test
  void load_qtoggleSection_isTheSource() {
    AppConfig config =
        load(
            "event_handlers = [{"
                + MQTT
                + ", server = a}]\nqtoggle { url = \"http://127.0.0.1:8888\", username = admin }\n");

    assertThat(config.source().type()).isEqualTo("qtoggle");
    assertThat(config.source().path()).isEqualTo("qtoggle");
    assertThat(config.source().values()).containsOnlyKeys("url", "username");
  }

  @Test
  void load_sourceObjectOrName_selectsTheAdapter() {
    AppConfig object =
        load(
            "event_handlers = [{"
                + MQTT
                + ", server = a}]\nsource { type = simulator, seed = 7 }\n");
    AppConfig named =
        load(
            "event_handlers = [{"
                + MQTT
                + ", server = a}]\nsource = webhooks\nwebhooks { listen = \"127.0.0.1:8081\" }\n");

    assertThat(object.source().type()).isEqualTo("simulator");
    assertThat(object.source().values()).containsExactly(Map.entry("seed", 7L));
    assertThat(named.source().type()).isEqualTo("webhooks");
    assertThat(named.source().values()).containsEntry("listen", "127.0.0.1:8081");
  }

  @Test
  void load_eventsOption_replacesTheConfiguredSource() {
    AppConfig config =
        ConfigLoader.loadText(
            "event_handlers = [{" + MQTT + ", server = a}]\nqtoggle { url = \"http://x\" }\n",
            dir.resolve("c.conf"),
            "-");

    assertThat(config.source().type()).isEqualTo("replay");
    assertThat(config.source().values()).containsEntry("path", "-");
  }

  @Test
  void load_passwordFile_readsTheSecretWithoutItsNewline() throws IOException {
    Files.writeString(dir.resolve("mqtt.pass"), "p4ss word\n");

    AppConfig config =
        load("event_handlers = [{" + MQTT + ", server = a, password_file = mqtt.pass}]\n");

    assertThat(config.handlers().getFirst().values())
        .containsEntry("password", "p4ss word")
        .doesNotContainKey("password_file");
  }

  @Test
  void load_passwordAndPasswordFile_isAProblem() {
    ConfigurationException e =
        failure(
            "event_handlers = [{"
                + MQTT
                + ", server = a, password = x, password_file = missing.pass}]\n");

    assertThat(e.problems())
        .containsExactly(
            new Problem(
                "event_handlers[0].password_file",
                "give either password or password_file, not both"));
  }

  @Test
  void load_missingPasswordFile_namesTheKeyNotTheContent() {
    ConfigurationException e =
        failure("event_handlers = [{" + MQTT + ", server = a, password_file = nope.pass}]\n");

    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().getFirst().path()).isEqualTo("event_handlers[0].password_file");
    assertThat(e.problems().getFirst().message()).startsWith("cannot read");
  }

  @Test
  void load_severalMistakes_reportsThemAllAtOnce() {
    ConfigurationException e =
        failure(
            """
            event_handler = []
            public_url = 5
            metadata = [ {value = 1}, "x" ]
            source { seed = 1 }
            """);

    assertThat(e.problems())
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            "event_handler: unknown key, did you mean event_handlers?",
            "event_handlers: is required: a list with at least one entry with driver ="
                + " \"qtoggleserver.mqtt.MQTTEventHandler\"",
            "source.type: is required (qtoggle, webhooks, replay, simulator, ...)",
            "public_url: must be a string (got integer)",
            "metadata[0].name: is required: a non-empty string",
            "metadata[1]: must be an object (got string)");
  }

  @Test
  void load_httpSection_givesWhereToServeHealthAndMetrics() {
    AppConfig config =
        load("event_handlers = [{" + MQTT + ", server = a}]\nhttp { listen = \"0.0.0.0:9100\" }\n");
    AppConfig none = load("event_handlers = [{" + MQTT + ", server = a}]\n");

    assertThat(config.http()).contains(new HttpSettings("0.0.0.0", 9100));
    assertThat(none.http()).isEmpty();
  }

  @Test
  void load_badHttpListen_isAProblem() {
    ConfigurationException e =
        failure(
            "event_handlers = [{" + MQTT + ", server = a}]\nhttp { listen = 9464, lisen = x }\n");

    assertThat(e.problems())
        .extracting(Problem::toString)
        .containsExactly(
            "http.lisen: unknown key, did you mean listen?",
            "http.listen: must be \"host:port\" such as \"127.0.0.1:9464\" (got 9464)");
  }

  @Test
  void load_onlyOtherDrivers_isAProblem() {
    ConfigurationException e = failure("event_handlers = [{driver = \"some.other.Handler\"}]\n");

    assertThat(e.problems()).extracting(Problem::path).containsExactly("event_handlers");
  }
}
