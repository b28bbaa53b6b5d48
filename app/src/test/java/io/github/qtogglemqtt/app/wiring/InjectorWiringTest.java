package io.github.qtogglemqtt.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import io.github.qtogglemqtt.app.config.AppConfig;
import io.github.qtogglemqtt.app.config.ConfigLoader;
import io.github.qtogglemqtt.app.lifecycle.Lifecycle;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The injector builds, without starting anything, for every supported combination of MQTT client,
 * template engine and event source (STYLE 4.5: the Guice wiki's answer to untested configurations).
 * Connection targets are loopback addresses nobody listens on: nothing connects.
 */
class InjectorWiringTest {
  private static final AdapterRegistry REGISTRY =
      AdapterRegistry.load(InjectorWiringTest.class.getClassLoader());

  /** Each source with the keys it requires. */
  private static final Map<String, String> SOURCES =
      Map.of(
          "replay", "source { type = replay, path = \"-\" }",
          "simulator", "source { type = simulator }",
          "qtoggle", "qtoggle { url = \"http://127.0.0.1:9\", password = \"x\" }",
          "webhooks", "source { type = webhooks, listen = \"127.0.0.1:0\" }");

  @TempDir Path dir;

  static List<Arguments> combinations() {
    List<Arguments> combinations = new ArrayList<>();
    for (String client : List.of("paho", "hivemq")) {
      for (String engine : List.of("pebble", "mustache")) {
        for (String source : List.of("replay", "simulator", "qtoggle", "webhooks")) {
          combinations.add(Arguments.of(client, engine, "jackson", source));
        }
      }
    }
    combinations.add(Arguments.of("fake", "fake", "fake", "fake"));
    return combinations;
  }

  @ParameterizedTest(name = "{0} x {1} x {3}")
  @MethodSource("combinations")
  void createInjector_everyCombination_buildsTheLifecycleWithoutStarting(
      String client, String engine, String json, String source) throws IOException {
    String sourceSection = SOURCES.getOrDefault(source, "source { type = %s }".formatted(source));
    Path file = dir.resolve("wiring.conf");
    Files.writeString(
        file,
        """
        json_encoder = %s
        event_handlers = [
          { driver = "qtoggleserver.mqtt.MQTTEventHandler", client = %s, template_engine = %s,
            server = "127.0.0.1", port = 9, name = first }
          { driver = "qtoggleserver.mqtt.MqttEventHandler", client = %s, template_engine = %s,
            server = "127.0.0.1", port = 9 }
        ]
        %s
        """
            .formatted(json, client, engine, client, engine, sourceSection));
    AppConfig config = ConfigLoader.load(file, null);
    AdapterContext context = AppAdapterContext.system(dir);
    ConfigValidator.validate(config, REGISTRY, context);

    Injector injector =
        Guice.createInjector(
            Stage.PRODUCTION,
            new AppModule(
                new Launch(config, REGISTRY, context, HandlerMode.PUBLISH, HandlerObserver.NONE)));

    try (Lifecycle lifecycle = injector.getInstance(Lifecycle.class)) {
      assertThat(lifecycle.handlerCount()).isEqualTo(2);
    }
  }
}
