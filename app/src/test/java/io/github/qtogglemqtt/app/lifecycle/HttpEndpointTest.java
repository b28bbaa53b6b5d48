package io.github.qtogglemqtt.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.app.config.HttpSettings;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpEndpointTest {
  private final Monitoring monitoring = new Monitoring(List.of("first", "1"));
  private final HttpEndpoint endpoint =
      new HttpEndpoint(new HttpSettings("127.0.0.1", 0), monitoring);
  private final HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void close() {
    endpoint.close();
    client.close();
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:%d%s".formatted(endpoint.port(), path)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void health_untilEveryHandlerIsConnectedAndTheSourceLive_is503ThenIs200()
      throws IOException, InterruptedException {
    endpoint.start();

    HttpResponse<String> starting = get("/health");
    monitoring.connected("first");
    monitoring.connected("1");
    monitoring.received();
    HttpResponse<String> up = get("/health");
    monitoring.disconnected("1", "connection refused", 5);
    HttpResponse<String> down = get("/health");

    assertThat(starting.statusCode()).isEqualTo(503);
    assertThat(starting.body())
        .isEqualTo(
            "{\"status\":\"DOWN\",\"handlers\":{\"first\":\"disconnected\",\"1\":\"disconnected\"},\"source\":\"starting\"}");
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(up.body())
        .isEqualTo(
            "{\"status\":\"UP\",\"handlers\":{\"first\":\"connected\",\"1\":\"connected\"},\"source\":\"live\"}");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).contains("\"1\":\"disconnected\"");
  }

  @Test
  void metrics_afterSomeOutcomes_exposesThemInThePrometheusFormat()
      throws IOException, InterruptedException {
    endpoint.start();
    monitoring.received();
    monitoring.outcome(
        "first", null, new HandlingOutcome.Published(OutboundMessage.of("t", "p", 0, false), 1000));
    monitoring.outcome("first", null, new HandlingOutcome.Filtered("type"));
    monitoring.outcome(
        "1",
        null,
        new HandlingOutcome.Dropped(
            OutboundMessage.of("t", "p", 0, false),
            HandlingOutcome.DropReason.NOT_CONNECTED,
            "not connected"));
    monitoring.disconnected("1", "refused", 5);

    HttpResponse<String> metrics = get("/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    assertThat(metrics.body())
        .contains("qtoggle_mqtt_events_received_total 1.0")
        .contains("qtoggle_mqtt_outcomes_total{handler=\"first\",outcome=\"published\"} 1.0")
        .contains("qtoggle_mqtt_outcomes_total{handler=\"first\",outcome=\"filtered\"} 1.0")
        .contains("qtoggle_mqtt_dropped_total{handler=\"1\",reason=\"not_connected\"} 1.0")
        .contains("qtoggle_mqtt_reconnects_total{handler=\"1\"} 1.0")
        .contains("qtoggle_mqtt_publish_latency_seconds_count{handler=\"first\"} 1")
        .contains("qtoggle_mqtt_connected{handler=\"first\"} 0.0");
  }
}
