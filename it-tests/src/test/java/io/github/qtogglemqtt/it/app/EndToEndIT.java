package io.github.qtogglemqtt.it.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.qtogglemqtt.core.port.out.BrokerPublisherContract;
import io.github.qtogglemqtt.it.broker.MosquittoBroker;
import io.github.qtogglemqtt.it.broker.TestSubscriber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One replay file through the whole hexagon: {@code run} publishes, with each MQTT client, exactly
 * the messages {@code render} prints for the same file, to a real mosquitto broker.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class EndToEndIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final JsonFactory JSON = new JsonFactory();
  private static MosquittoBroker broker;

  @TempDir Path dir;

  /** One message as the subscriber sees it: what render promises. */
  record Message(String topic, String payload, int qos) {}

  /** One line of render's output. */
  private static Message parse(String line) throws IOException {
    String topic = null;
    String payload = null;
    int qos = -1;
    try (JsonParser parser = JSON.createParser(line)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "topic" -> topic = parser.getText();
          case "payload" -> payload = parser.getText();
          case "qos" -> qos = parser.getIntValue();
          default -> parser.skipChildren();
        }
      }
    }
    assertThat(topic).as(line).isNotNull();
    assertThat(payload).as(line).isNotNull();
    return new Message(topic, payload, qos);
  }

  @BeforeAll
  static void startBroker() {
    broker = MosquittoBroker.builder().start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @ParameterizedTest(name = "client = {0}")
  @ValueSource(strings = {"paho", "hivemq"})
  void run_replayOfTheSample_publishesExactlyWhatRenderPrints(String client) throws IOException {
    Path config = dir.resolve("e2e.conf");
    Files.writeString(
        config,
        """
        event_handlers = [
          {
            driver = "qtoggleserver.mqtt.MQTTEventHandler"
            name = "json"
            server = "%1$s"
            port = %2$d
            client = "%3$s"
            client_id = "e2e-json-%3$s"
            topic = "e2e-%3$s/{{device_attrs.name}}"
          }
          {
            driver = "qtoggleserver.mqtt.MQTTEventHandler"
            name = "values"
            server = "%1$s"
            port = %2$d
            client = "%3$s"
            client_id = "e2e-values-%3$s"
            qos = 1
            filter = { type = "value-change" }
            topic = "e2e-%3$s/{{device_attrs.name}}/ports/{{port.get_id()}}"
            templates = { "value-change" = "{{port.get_pretty_value()}}" }
          }
        ]
        """
            .formatted(broker.host(), broker.port(), client));
    String events = AppProcess.REPOSITORY.resolve("examples/sample/events.jsonl").toString();

    AppProcess.Result render =
        AppProcess.run(TIMEOUT, "render", "-c", config.toString(), "--events", events);
    assertThat(render.status()).as(render.err()).isZero();
    List<Message> expected = new ArrayList<>();
    for (String line : render.outLines()) {
      expected.add(parse(line));
    }
    assertThat(expected).hasSize(7);

    try (TestSubscriber subscriber =
        TestSubscriber.subscribe(broker.host(), broker.port(), "e2e-" + client + "/#")) {
      AppProcess.Result run =
          AppProcess.run(TIMEOUT, "run", "-c", config.toString(), "--events", events);
      assertThat(run.status()).as(run.err()).isZero();

      List<Message> received = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.size() < expected.size() && System.nanoTime() < deadline) {
        BrokerPublisherContract.Received message = subscriber.next(Duration.ofSeconds(1));
        if (message != null) {
          received.add(new Message(message.topic(), message.text(), message.qos()));
        }
      }
      BrokerPublisherContract.Received extra = subscriber.next(Duration.ofSeconds(1));

      assertThat(received).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(extra).isNull();
      assertThat(received.stream().filter(m -> m.topic().equals("e2e-" + client + "/hub")).toList())
          .as("one handler's messages arrive in order")
          .containsExactlyElementsOf(
              expected.stream().filter(m -> m.topic().equals("e2e-" + client + "/hub")).toList());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
