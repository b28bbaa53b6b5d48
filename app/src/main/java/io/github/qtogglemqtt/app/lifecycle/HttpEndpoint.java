package io.github.qtogglemqtt.app.lifecycle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.qtogglemqtt.app.config.HttpSettings;
import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.EventSourceException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /health} (200 when every handler is connected and the source is live, 503
 * otherwise, with a JSON body saying which) and {@code GET /metrics} (Prometheus text format).
 */
public final class HttpEndpoint implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);
  private static final JsonFactory JSON = new JsonFactory();

  private final HttpSettings settings;
  private final Monitoring monitoring;
  private @Nullable HttpServer server;
  private @Nullable ExecutorService executor;

  public HttpEndpoint(HttpSettings settings, Monitoring monitoring) {
    this.settings = requireNonNull(settings, "settings is null");
    this.monitoring = requireNonNull(monitoring, "monitoring is null");
  }

  /**
   * Starts listening.
   *
   * @throws EventSourceException (kind USER) when the address cannot be bound
   */
  public synchronized void start() {
    try {
      server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 16);
    } catch (IOException e) {
      throw new EventSourceException(
          ErrorKind.USER,
          "http.listen: cannot listen on %s:%d (%s)"
              .formatted(settings.host(), settings.port(), e.getMessage()),
          e);
    }
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    executor = threads;
    HttpServer started = requireNonNull(server, "server is null");
    started.setExecutor(threads);
    started.createContext("/health", this::health);
    started.createContext("/metrics", this::metrics);
    started.start();
    log.info("Serving /health and /metrics on http://{}:{}", settings.host(), port());
  }

  /** The port listened on (the real one when configured as 0). */
  public synchronized int port() {
    HttpServer current = server;
    return current == null ? settings.port() : current.getAddress().getPort();
  }

  private void health(HttpExchange exchange) throws IOException {
    Monitoring.Health health = monitoring.health();
    StringWriter body = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(body)) {
      json.writeStartObject();
      json.writeStringField("status", health.healthy() ? "UP" : "DOWN");
      json.writeObjectFieldStart("handlers");
      for (Map.Entry<String, Boolean> entry : health.connected().entrySet()) {
        json.writeStringField(entry.getKey(), entry.getValue() ? "connected" : "disconnected");
      }
      json.writeEndObject();
      json.writeStringField("source", health.source().name().toLowerCase(Locale.ROOT));
      json.writeEndObject();
    }
    respond(exchange, health.healthy() ? 200 : 503, "application/json", body.toString());
  }

  private void metrics(HttpExchange exchange) throws IOException {
    respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", monitoring.scrape());
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Stops serving. Idempotent. */
  @Override
  public synchronized void close() {
    HttpServer current = server;
    if (current != null) {
      current.stop(0);
      if (executor != null) {
        executor.close();
      }
      server = null;
      log.info("Stopped serving /health and /metrics");
    }
  }
}
