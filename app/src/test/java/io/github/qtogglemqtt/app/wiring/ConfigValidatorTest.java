package io.github.qtogglemqtt.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.qtogglemqtt.app.config.AppConfig;
import io.github.qtogglemqtt.app.config.ConfigLoader;
import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidatorTest {
  private static final AdapterRegistry REGISTRY =
      AdapterRegistry.load(ConfigValidatorTest.class.getClassLoader());

  @TempDir Path dir;

  private AppConfig config(String text) throws IOException {
    Path file = dir.resolve("app.conf");
    Files.writeString(file, text);
    return ConfigLoader.load(file, null);
  }

  private ConfigurationException failure(String text) throws IOException {
    AppConfig config = config(text);
    return catchThrowableOfType(
        ConfigurationException.class,
        () -> ConfigValidator.validate(config, REGISTRY, AppAdapterContext.system(dir)));
  }

  @Test
  void validate_validFakeConfiguration_countsHandlersAndNamesTheSource() throws IOException {
    AppConfig config =
        config(
            """
            json_encoder = fake
            event_handlers = [
              {client = fake, template_engine = fake, server = a, username = u, password = "pw"}
              {client = fake, template_engine = fake, server = b, port = 1884}
            ]
            source { type = fake, url = "http://x" }
            """);

    ConfigValidator.Validation validation =
        ConfigValidator.validate(config, REGISTRY, AppAdapterContext.system(dir));

    assertThat(validation.handlers()).isEqualTo(2);
    assertThat(validation.source()).isEqualTo("fake");
    assertThat(validation.secretPaths()).contains("event_handlers[0].password");
  }

  @Test
  void validate_twoHandlersWithOneClientIdOnOneBroker_warns() throws IOException {
    AppConfig config =
        config(
            """
            json_encoder = fake
            event_handlers = [
              {client = fake, template_engine = fake, server = a}
              {client = fake, template_engine = fake, server = a}
              {client = fake, template_engine = fake, server = b}
            ]
            source { type = fake }
            """);

    ConfigValidator.Validation validation =
        ConfigValidator.validate(config, REGISTRY, AppAdapterContext.system(dir));

    assertThat(validation.warnings())
        .containsExactly(
            "event_handlers[0] and event_handlers[1] connect to the same broker with the same"
                + " client_id \"{{device_attrs.name}}\": the broker disconnects one whenever the"
                + " other connects; give each its own client_id");
  }

  @Test
  void validate_unknownAdapterNames_listTheAvailableOnes() throws IOException {
    ConfigurationException e =
        failure(
            """
            json_encoder = nope
            event_handlers = [ {client = mosquito, template_engine = jinja, server = a} ]
            source { type = carrier-pigeon }
            """);

    assertThat(e.problems())
        .extracting(Problem::toString)
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith("json_encoder: unknown JSON encoder \"nope\" (available: ")
                    .contains("fake"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "event_handlers[0].client: unknown MQTT client \"mosquito\" (available: ")
                    .contains("fake"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .startsWith(
                        "event_handlers[0].template_engine: unknown template engine \"jinja\"")
                    .contains("fake"))
        .anySatisfy(
            p -> assertThat(p).startsWith("source.type: unknown event source \"carrier-pigeon\""));
  }

  @Test
  void validate_misspeltKeys_areReportedWithTheClosestKnownKey() throws IOException {
    ConfigurationException e =
        failure(
            """
            json_encoder = fake
            event_handlers = [ {client = fake, template_engine = fake, sever = a, port = 99999} ]
            source { type = fake, ulr = "http://x" }
            """);

    assertThat(e.problems())
        .extracting(Problem::toString)
        .containsExactlyInAnyOrder(
            "event_handlers[0].server: is required",
            "event_handlers[0].port: must be between 1 and 65535 (got 99999)",
            "event_handlers[0].sever: unknown key, did you mean server?",
            "source.ulr: unknown key, did you mean url?");
  }
}
