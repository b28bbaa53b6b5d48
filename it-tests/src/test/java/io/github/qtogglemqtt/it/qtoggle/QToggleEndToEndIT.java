package io.github.qtogglemqtt.it.qtoggle;

import static io.github.qtogglemqtt.it.qtoggle.QToggleApiDouble.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.qtogglemqtt.core.port.out.BrokerPublisherContract;
import io.github.qtogglemqtt.it.broker.MosquittoBroker;
import io.github.qtogglemqtt.it.broker.TestSubscriber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path of issue 7: the qToggle API double → the app ({@code run} with a {@code qtoggle}
 * section) → mosquitto → a subscriber. After the device goes away and comes back with another
 * state, the retained messages on the broker equal the device's true state.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class QToggleEndToEndIT {
  private static final Duration WAIT = Duration.ofSeconds(40);

  @TempDir Path dir;
  private MosquittoBroker broker;
  private QToggleApiDouble device;
  private @Nullable Process app;

  @BeforeEach
  void start() throws Exception {
    broker = MosquittoBroker.builder().start();
    device = new QToggleApiDouble("garage", "adminpw", "", "");
    device.addPortSilently(port("relay1", "boolean", false));
    device.addPortSilently(port("t1", "number", 21.5));
    device.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (app != null) {
      app.destroy();
      if (!app.waitFor(20, TimeUnit.SECONDS)) {
        app.destroyForcibly();
      }
    }
    device.close();
    broker.close();
  }

  private void startApp() throws IOException {
    Path config = dir.resolve("qtoggle-mqtt.conf");
    Files.writeString(
        config,
        """
        event_handlers = [
          {
            driver = "qtoggleserver.mqtt.MQTTEventHandler"
            name = "e2e"
            server = "127.0.0.1"
            port = %d
            client_id = "e2e-{{device_attrs.name}}"
            qos = 1
            retain = true
            filter = { type = "value-change" }
            topic = "{{device_attrs.name}}/{{port.get_id()}}"
            templates = { "value-change" = "{{port.get_pretty_value()}}" }
          }
        ]
        qtoggle {
          url = "%s"
          password = "adminpw"
          keepalive = 2
          retry_interval = "300ms"
        }
        """
            .formatted(broker.port(), device.url()),
        StandardCharsets.UTF_8);
    String java = ProcessHandle.current().info().command().orElse("java");
    Path jar =
        Path.of(
            System.getProperty(
                "qtogglemqtt.app.jar",
                Path.of("..")
                    .toAbsolutePath()
                    .normalize()
                    .resolve("app/target/qtoggle-mqtt.jar")
                    .toString()));
    app =
        new ProcessBuilder(java, "-jar", jar.toString(), "run", "-c", config.toString())
            .redirectOutput(dir.resolve("app.out").toFile())
            .redirectError(dir.resolve("app.err").toFile())
            .start();
  }

  private String appLog() throws IOException {
    return Files.readString(dir.resolve("app.err"));
  }

  /** The retained messages on the broker, by topic, as a fresh subscriber receives them. */
  private Map<String, String> retained() {
    Map<String, String> state = new LinkedHashMap<>();
    TestSubscriber subscriber = TestSubscriber.subscribe(broker.host(), broker.port(), "garage/#");
    try {
      BrokerPublisherContract.Received message;
      while ((message = subscriber.next(Duration.ofSeconds(2))) != null) {
        if (message.retain()) {
          state.put(message.topic(), message.text());
        }
      }
    } finally {
      subscriber.close();
    }
    return state;
  }

  @Test
  void run_deviceGoesAwayAndComesBack_brokerEndsWithTheTrueState() throws Exception {
    TestSubscriber live = TestSubscriber.subscribe(broker.host(), broker.port(), "garage/#");
    List<String> seen = new ArrayList<>();
    try {
      startApp();
      await()
          .atMost(WAIT)
          .until(
              () -> {
                device.setValue("relay1", true);
                BrokerPublisherContract.Received message = live.next(Duration.ofSeconds(1));
                if (message != null) {
                  seen.add(message.topic() + "=" + message.text());
                }
                return seen.contains("garage/relay1=on");
              });

      device.stop();
      // The outage must be seen by the app before the device comes back: a restart within one
      // poll can be hidden by the JDK client's silent retry of an idempotent GET (see
      // adapters-qtoggle/README.md), which is a different scenario from "the device went away".
      await().atMost(WAIT).until(() -> appLog().contains("retrying every"));
      device.setValueSilently("t1", 30.5);
      device.setValueSilently("relay1", false);
      device.restart();

      await()
          .atMost(WAIT)
          .until(
              () -> {
                BrokerPublisherContract.Received message = live.next(Duration.ofSeconds(1));
                if (message != null) {
                  seen.add(message.topic() + "=" + message.text());
                }
                // the resync after the outage publishes both changes made meanwhile
                return seen.contains("garage/t1=30.5") && seen.contains("garage/relay1=off");
              });
    } finally {
      live.close();
    }

    assertThat(retained())
        .as(appLog())
        .containsEntry("garage/relay1", "off")
        .containsEntry("garage/t1", "30.5");
  }
}
