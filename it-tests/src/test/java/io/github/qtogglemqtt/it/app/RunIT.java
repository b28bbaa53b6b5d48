package io.github.qtogglemqtt.it.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.it.broker.MosquittoBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with a live source (the simulator) as an operator runs it: {@code /health} and {@code
 * /metrics} while it works, {@code /health} turning 503 when the broker dies, and a graceful stop
 * on SIGTERM.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RunIT {
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  private @Nullable HttpResponse<String> get(int port, String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:%d%s".formatted(port, path)))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Polls until the response satisfies the condition, or fails at the deadline. */
  private HttpResponse<String> await(int port, String path, Predicate<HttpResponse<String>> ok) {
    return Awaitility.await(path)
        .atMost(DEADLINE)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> get(port, path), response -> response != null && ok.test(response));
  }

  @Test
  void run_liveSource_servesHealthAndMetrics_reportsABrokerOutage_stopsOnSigterm()
      throws IOException, InterruptedException {
    int httpPort = MosquittoBroker.freePort();
    try (MosquittoBroker broker = MosquittoBroker.builder().start()) {
      Path config = dir.resolve("run.conf");
      Files.writeString(
          config,
          """
          event_handlers = [
            {
              driver = "qtoggleserver.mqtt.MQTTEventHandler"
              name = "main"
              server = "%s"
              port = %d
              reconnect_interval = 1
            }
          ]
          source { type = "simulator", interval = "200ms" }
          http { listen = "127.0.0.1:%d" }
          """
              .formatted(broker.host(), broker.port(), httpPort));
      Path err = dir.resolve("stderr.log");
      String java = ProcessHandle.current().info().command().orElse("java");
      Process process =
          new ProcessBuilder(
                  List.of(
                      java, "-jar", AppProcess.jar().toString(), "run", "-c", config.toString()))
              .redirectOutput(dir.resolve("stdout.log").toFile())
              .redirectError(err.toFile())
              .start();
      try {
        HttpResponse<String> healthy = await(httpPort, "/health", r -> r.statusCode() == 200);
        assertThat(healthy.body())
            .isEqualTo(
                "{\"status\":\"UP\",\"handlers\":{\"main\":\"connected\"},\"source\":\"live\"}");
        HttpResponse<String> metrics =
            await(
                httpPort,
                "/metrics",
                r ->
                    r.body()
                        .contains(
                            "qtoggle_mqtt_outcomes_total{handler=\"main\",outcome=\"published\"}"));
        assertThat(metrics.body())
            .contains("qtoggle_mqtt_events_received_total")
            .contains("qtoggle_mqtt_connected{handler=\"main\"} 1.0");

        broker.kill();
        HttpResponse<String> down = await(httpPort, "/health", r -> r.statusCode() == 503);
        assertThat(down.body()).contains("\"main\":\"disconnected\"");

        process.destroy(); // SIGTERM
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(err, StandardCharsets.UTF_8))
            .contains("Stopping source simulator")
            .contains("Stopping handler main")
            .contains("Stopped");
      } finally {
        process.destroyForcibly();
      }
    }
  }
}
