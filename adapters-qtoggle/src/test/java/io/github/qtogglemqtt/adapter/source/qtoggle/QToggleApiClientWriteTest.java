package io.github.qtogglemqtt.adapter.source.qtoggle;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.qtogglemqtt.core.error.EventSourceException;
import io.github.qtogglemqtt.core.model.Secret;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class QToggleApiClientWriteTest {
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private QToggleApiClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/ports/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              "%s %s %s %s"
                  .formatted(
                      exchange.getRequestMethod(),
                      exchange.getRequestURI().getRawPath(),
                      body,
                      exchange
                          .getRequestHeaders()
                          .getFirst("Authorization")
                          .startsWith("Bearer ")));
          if (exchange.getRequestURI().getRawPath().contains("/bad/")) {
            byte[] error = "{\"error\": \"invalid value\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, error.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(error);
            }
          } else {
            exchange.sendResponseHeaders(204, -1);
          }
          exchange.close();
        });
    server.start();
    ApiConfig config =
        new ApiConfig(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
            "admin",
            Secret.of("0123456789abcdef"),
            true,
            Optional.empty(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(1));
    client = new QToggleApiClient(config, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    client.close();
    server.stop(0);
  }

  @Test
  void writeValue_eachType_patchesTheValueWithTheToken() throws Exception {
    client.writeValue("relay", true).get(10, TimeUnit.SECONDS);
    client.writeValue("level", 55L).get(10, TimeUnit.SECONDS);
    client.writeValue("set point", 21.5).get(10, TimeUnit.SECONDS);

    assertThat(requests)
        .containsExactly(
            "PATCH /api/ports/relay/value true true",
            "PATCH /api/ports/level/value 55 true",
            "PATCH /api/ports/set%20point/value 21.5 true");
  }

  @Test
  void writeValue_deviceRefuses_failsWithTheStatusAndTheDevicesError() {
    assertThat(client.writeValue("bad", 1L))
        .failsWithin(10, TimeUnit.SECONDS)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(EventSourceException.class)
        .withMessageContaining("400")
        .withMessageContaining("invalid value");
  }
}
