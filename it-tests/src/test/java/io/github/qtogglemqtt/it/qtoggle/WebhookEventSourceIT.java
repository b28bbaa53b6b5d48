package io.github.qtogglemqtt.it.qtoggle;

import static io.github.qtogglemqtt.it.qtoggle.QToggleApiDouble.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.github.qtogglemqtt.core.port.in.EventSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The webhook receiver ({@code "webhooks"}, spec 2.8) with good and bad requests. */
@Timeout(60)
class WebhookEventSourceIT {
  private static final String KEY = QToggleApiDouble.sha256Hex("hookpw");
  private final HttpClient http = HttpClient.newHttpClient();
  private final RecordingSink sink = new RecordingSink();
  private @Nullable EventSource source;
  private @Nullable QToggleApiDouble device;
  private URI endpoint;

  @BeforeEach
  void freePort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    endpoint = URI.create("http://127.0.0.1:" + port + "/events");
  }

  @AfterEach
  void stop() {
    if (source != null) {
      source.close();
    }
    if (device != null) {
      device.close();
    }
    http.close();
  }

  private void start(Map<String, Object> extra) {
    Map<String, Object> keys = new HashMap<>();
    keys.put("listen", endpoint.getHost() + ":" + endpoint.getPort());
    keys.put("path", "/events");
    keys.put("password", "hookpw");
    keys.putAll(extra);
    source = Sources.create("webhooks", keys, sink);
    source.start();
  }

  private static String token(String key, Instant iat) {
    return JWT.create()
        .withIssuer("qToggle")
        .withClaim("ori", "device")
        .withIssuedAt(iat)
        .sign(Algorithm.HMAC256(key));
  }

  private HttpResponse<String> post(String body, @Nullable String authorization, String contentType)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", contentType);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String body) throws Exception {
    return post(body, "Bearer " + token(KEY, Instant.now()), "application/json; charset=utf-8");
  }

  @Test
  void post_goodToken_deliversTheEventWith204() throws Exception {
    start(Map.of());

    HttpResponse<String> response =
        post("{\"type\": \"value-change\", \"params\": {\"id\": \"relay1\", \"value\": 21.0}}");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(sink.eventSummaries()).containsExactly("value-change relay1");
    assertThat(sink.events().get(0).params().get("value")).isEqualTo(21.0);
  }

  @Test
  void post_badOrMissingToken_401AndNothingDelivered() throws Exception {
    start(Map.of());
    String body = "{\"type\": \"full-update\", \"params\": {}}";

    HttpResponse<String> wrongKey =
        post(
            body,
            "Bearer " + token(QToggleApiDouble.sha256Hex("other"), Instant.now()),
            "application/json");
    HttpResponse<String> stale =
        post(body, "Bearer " + token(KEY, Instant.now().minusSeconds(600)), "application/json");
    HttpResponse<String> missing = post(body, null, "application/json");

    assertThat(wrongKey.statusCode()).isEqualTo(401);
    assertThat(wrongKey.body()).contains("\"error\": \"authentication-required\"");
    assertThat(stale.statusCode()).isEqualTo(401);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(sink.received()).isEmpty();
  }

  @Test
  void post_badBodies_theHubsErrorCodes() throws Exception {
    start(Map.of("max_body_bytes", 1024));

    assertThat(post("{not json").statusCode()).isEqualTo(400);
    assertThat(post("{not json").body()).contains("malformed-body");
    HttpResponse<String> contentType =
        post("{\"type\": \"full-update\"}", "Bearer " + token(KEY, Instant.now()), "text/plain");
    assertThat(contentType.statusCode()).isEqualTo(400);
    assertThat(contentType.body()).contains("\"header\": \"Content-Type\"");
    assertThat(post("{\"params\": {}}").body()).contains("\"missing-field\"").contains("\"type\"");
    assertThat(post("{\"type\": \"full-update\", \"params\": []}").body())
        .contains("\"invalid-field\"")
        .contains("\"params\"");
    assertThat(
            post("{\"type\": \"full-update\", \"params\": {}, \"pad\": \""
                    + "x".repeat(2000)
                    + "\"}")
                .statusCode())
        .isEqualTo(413);
    // unknown types and unknown keys are tolerated
    assertThat(post("{\"type\": \"peripheral-add\", \"params\": {}}").statusCode()).isEqualTo(204);
    assertThat(post("{\"type\": \"full-update\", \"params\": {}, \"extra\": 1}").statusCode())
        .isEqualTo(204);

    assertThat(sink.eventSummaries()).containsExactly("full-update");
  }

  @Test
  void start_withUrl_snapshotThroughTheApiFirst() throws Exception {
    device = new QToggleApiDouble("garage", "adminpw", "", "");
    device.addPortSilently(port("relay1", "boolean", true));
    device.start();
    start(Map.of("url", device.url().toString(), "api_password", "adminpw"));

    await().atMost(Duration.ofSeconds(20)).until(() -> !sink.snapshots().isEmpty());
    post("{\"type\": \"value-change\", \"params\": {\"id\": \"relay1\", \"value\": false}}");

    assertThat(sink.snapshots().get(0).device()).containsEntry("name", "garage");
    assertThat(sink.snapshots().get(0).ports()).hasSize(1);
    assertThat(sink.eventSummaries()).containsExactly("value-change relay1");
  }

  @Test
  void post_deviceUpdateShowingARestart_resyncsThroughTheApi() throws Exception {
    device = new QToggleApiDouble("garage", "adminpw", "", "");
    device.addPortSilently(port("relay1", "boolean", true));
    device.setDeviceAttributeSilently("uptime", 1000L);
    device.start();
    start(
        Map.of(
            "url", device.url().toString(), "api_password", "adminpw", "retry_interval", "300ms"));
    await().atMost(Duration.ofSeconds(20)).until(() -> !sink.snapshots().isEmpty());

    device.rebootQuietly();
    device.setValueSilently("relay1", false);
    HttpResponse<String> response =
        post("{\"type\": \"device-update\", \"params\": {\"name\": \"garage\", \"uptime\": 2}}");

    assertThat(response.statusCode()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(20)).until(() -> sink.snapshots().size() >= 2);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> sink.eventSummaries().contains("value-change relay1"));
    assertThat(sink.eventSummaries()).startsWith("device-update", "value-change relay1");
  }

  @Test
  void post_fullUpdate_snapshotThroughTheApiFirst() throws Exception {
    device = new QToggleApiDouble("garage", "adminpw", "", "");
    device.addPortSilently(port("relay1", "boolean", true));
    device.start();
    start(Map.of("url", device.url().toString(), "api_password", "adminpw"));
    await().atMost(Duration.ofSeconds(20)).until(() -> !sink.snapshots().isEmpty());
    device.setValueSilently("relay1", false);

    post("{\"type\": \"full-update\", \"params\": {}}");

    assertThat(sink.snapshots()).hasSize(2);
    assertThat(sink.snapshots().get(1).ports().get(0)).containsEntry("value", false);
    assertThat(sink.received().get(sink.received().size() - 1))
        .isInstanceOf(io.github.qtogglemqtt.core.model.FullUpdate.class);
  }
}
