package io.github.qtogglemqtt.it.qtoggle;

import static io.github.qtogglemqtt.it.qtoggle.QToggleApiDouble.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The double itself follows spec 2: these pin the behaviours the source ITs rely on. */
@Timeout(60)
class QToggleApiDoubleIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private QToggleApiDouble device;

  @BeforeEach
  void start() throws Exception {
    device = new QToggleApiDouble("dbl", "adminpw", "normalpw", "viewpw");
    device.addPortSilently(port("p", "number", 1L));
    device.start();
  }

  @AfterEach
  void stop() {
    device.close();
    http.close();
  }

  private static String token(String user, String password, Instant iat) {
    return JWT.create()
        .withIssuer("qToggle")
        .withClaim("ori", "consumer")
        .withClaim("usr", user)
        .withIssuedAt(iat)
        .sign(Algorithm.HMAC256(QToggleApiDouble.sha256Hex(password)));
  }

  private HttpResponse<String> get(String path, @Nullable String token, @Nullable String session)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(device.url() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (session != null) {
      request.header("Session-Id", session);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> admin(String path, @Nullable String session) throws Exception {
    return get(path, token("admin", "adminpw", Instant.now()), session);
  }

  @Test
  void access_threeUsersAndBadTokens() throws Exception {
    assertThat(get("/api/access", token("admin", "adminpw", Instant.now()), null).body())
        .contains("\"admin\"");
    assertThat(get("/api/access", token("normal", "normalpw", Instant.now()), null).body())
        .contains("\"normal\"");
    assertThat(get("/api/access", token("viewonly", "viewpw", Instant.now()), null).body())
        .contains("\"viewonly\"");
    assertThat(get("/api/access", token("admin", "normalpw", Instant.now()), null).body())
        .contains("\"none\"");
    assertThat(
            get("/api/access", token("admin", "adminpw", Instant.now().minusSeconds(400)), null)
                .body())
        .contains("\"none\"");
    assertThat(get("/api/access", null, null).body()).contains("\"none\"");
  }

  @Test
  void errors_haveTheSpecShapes() throws Exception {
    HttpResponse<String> anonymous = get("/api/ports", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).isEqualTo("{\"error\":\"authentication-required\"}\n");
    HttpResponse<String> forbidden =
        get("/api/device", token("normal", "normalpw", Instant.now()), null);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body())
        .isEqualTo("{\"error\":\"forbidden\",\"required_level\":\"admin\"}\n");
    assertThat(admin("/api/nothing", null).statusCode()).isEqualTo(404);
    assertThat(admin("/api/listen", null).body()).contains("missing-header").contains("Session-Id");
    assertThat(admin("/api/listen?timeout=0", "s1").body())
        .contains("invalid-field")
        .contains("timeout");
    assertThat(admin("/api/listen?timeout=1", "-bad").statusCode()).isEqualTo(500);
    assertThat(admin("/api/devices", null).statusCode()).isEqualTo(404);
    device.setListenEnabled(false);
    assertThat(admin("/api/listen?timeout=1", "s1").statusCode()).isEqualTo(404);
  }

  @Test
  void listen_emptyPollAfterTheTimeout() throws Exception {
    Instant before = Instant.now();
    HttpResponse<String> response = admin("/api/listen?timeout=2", "s1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("[]\n");
    assertThat(Duration.between(before, Instant.now()))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void listen_queueKeepsTheNewest1024AndCollapsesDuplicates() throws Exception {
    admin("/api/listen?timeout=1", "s1");
    for (int i = 0; i < 1030; i++) {
      device.setValue("p", (long) i);
    }
    assertThat(device.queued("s1")).isEqualTo(1024);

    HttpResponse<String> drained = admin("/api/listen?timeout=1", "s1");
    assertThat(drained.body())
        .startsWith("[{\"type\":\"value-change\",\"params\":{\"id\":\"p\",\"value\":6,");

    device.setPortAttribute("p", "display_name", "one");
    device.setValue("p", 5000L);
    device.setPortAttribute("p", "display_name", "two");
    device.deviceUpdate();
    device.deviceUpdate();
    HttpResponse<String> collapsed = admin("/api/listen?timeout=1", "s1");
    assertThat(collapsed.body())
        .containsSubsequence("\"value-change\"", "\"port-update\"", "\"two\"", "\"device-update\"")
        .doesNotContain("\"one\"");
    assertThat(collapsed.body().split("\"device-update\"", -1)).hasSize(2);
  }

  @Test
  void listen_adminEventsOnlyForAdminSessions() throws Exception {
    String viewer = token("viewonly", "viewpw", Instant.now());
    get("/api/listen?timeout=1", viewer, "v1");
    device.deviceUpdate();
    device.setValue("p", 2L);

    String body =
        get("/api/listen?timeout=1", token("viewonly", "viewpw", Instant.now()), "v1").body();
    assertThat(body).contains("value-change").doesNotContain("device-update");
  }

  @Test
  void listen_sessionExpiresAfterTenTimesTheTimeout() throws Exception {
    admin("/api/listen?timeout=1", "s1");
    assertThat(device.sessionCount()).isEqualTo(1);

    await().atMost(Duration.ofSeconds(20)).until(() -> device.sessionCount() == 0);
    device.setValue("p", 3L);
    assertThat(admin("/api/listen?timeout=1", "s1").body()).isEqualTo("[]\n");
  }
}
