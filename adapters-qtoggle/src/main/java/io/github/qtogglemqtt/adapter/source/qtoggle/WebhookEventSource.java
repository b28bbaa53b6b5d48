package io.github.qtogglemqtt.adapter.source.qtoggle;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.EventSourceException;
import io.github.qtogglemqtt.core.error.InvalidEventException;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.EventType;
import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.in.EventSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the events a qToggle device pushes (spec 2.8): one envelope per {@code POST}, a token
 * with {@code ori = device} verified, {@code 204} on success, the hub's error codes otherwise. The
 * HTTP server runs on virtual threads; deliveries to the sink are serialised by a lock, so the sink
 * still sees one caller at a time. With {@code url}, a snapshot is taken through the API at start.
 */
final class WebhookEventSource implements EventSource {
  private static final Logger log = LoggerFactory.getLogger(WebhookEventSource.class);

  private final WebhookConfig config;
  private final Clock clock;
  private final EventSink sink;
  private final ReentrantLock delivery = new ReentrantLock();
  private final CompletableFuture<Void> completion = new CompletableFuture<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile @Nullable HttpServer server;
  private volatile @Nullable ExecutorService executor;
  private volatile @Nullable QToggleApiClient client;
  private final DeviceView view = new DeviceView();
  private final AtomicBoolean resyncing = new AtomicBoolean();

  WebhookEventSource(WebhookConfig config, Clock clock, EventSink sink) {
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.sink = requireNonNull(sink, "sink is null");
  }

  @Override
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new EventSourceException(ErrorKind.INTERNAL, "webhook receiver already started", null);
    }
    HttpServer http;
    try {
      http = HttpServer.create(config.address(), 0);
    } catch (IOException e) {
      throw new EventSourceException(
          ErrorKind.USER,
          "cannot listen for webhooks on %s:%d (%s)"
              .formatted(config.host(), config.port(), e.getMessage()),
          e);
    }
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    http.setExecutor(threads);
    http.createContext("/", this::exchange);
    executor = threads;
    server = http;
    http.start();
    log.info(
        "receiving webhooks on http://{}:{}{}",
        config.host(),
        http.getAddress().getPort(),
        config.path());
    config
        .api()
        .ifPresent(
            api -> {
              QToggleApiClient c = new QToggleApiClient(api, clock);
              client = c;
              Thread.ofVirtual()
                  .name("webhook-snapshot")
                  .start(() -> snapshotUntilDone(c, api, false));
            });
  }

  /** The bound address (the port when 0 was configured). */
  InetSocketAddress address() {
    HttpServer http = server;
    return http == null ? config.address() : http.getAddress();
  }

  @Override
  public CompletionStage<Void> completion() {
    return completion.minimalCompletionStage();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      closing.countDown();
      HttpServer http = server;
      if (http != null) {
        http.stop(0);
      }
      ExecutorService threads = executor;
      if (threads != null) {
        threads.shutdownNow();
      }
      QToggleApiClient c = client;
      if (c != null) {
        c.close();
      }
      completion.complete(null);
    }
  }

  /**
   * Takes a snapshot through the API, retrying until it succeeds or the source is closed, and
   * delivers it: silently at start; after a device restart, with the differences as events when
   * {@code resync_events} is on (as the long-poll source does after a gap).
   */
  private void snapshotUntilDone(QToggleApiClient api, ApiConfig apiConfig, boolean resync) {
    while (!closed.get()) {
      try {
        DeviceSnapshot fresh = snapshot(api, apiConfig);
        deliver(
            () -> {
              if (resync && config.resyncEvents()) {
                DeviceView.Resync r = view.resync(fresh);
                sink.snapshot(r.snapshot());
                r.events().forEach(sink::event);
                log.info(
                    "webhooks: resynchronised after a device restart; {} missed changes delivered",
                    r.events().size());
              } else {
                view.reset(fresh);
                sink.snapshot(fresh);
              }
            });
        return;
      } catch (EventSourceException e) {
        if (closed.get()) {
          return;
        }
        log.warn(
            "snapshot for webhooks failed: {}; retrying in {}",
            e.getMessage(),
            Durations.describe(apiConfig.retryInterval()));
        try {
          closing.await(apiConfig.retryInterval().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private DeviceSnapshot snapshot(QToggleApiClient api, ApiConfig apiConfig) {
    Map<String, @Nullable Object> device =
        apiConfig.isAdmin() ? api.device() : new LinkedHashMap<>();
    List<Map<String, @Nullable Object>> ports = api.ports();
    List<Map<String, @Nullable Object>> slaves =
        apiConfig.isAdmin() && device.get("flags") instanceof List<?> f && f.contains("master")
            ? api.slaves()
            : List.of();
    return new DeviceSnapshot(device, ports, slaves, now());
  }

  /**
   * Delivers one pushed event. With the API configured, a {@code full-update} is preceded by a
   * fresh snapshot (spec 2.10 item 5), and a {@code device-update} whose uptime went back (the
   * device restarted; what it could not push meanwhile is lost) starts a resynchronisation.
   */
  private void deliverEvent(Event event) {
    QToggleApiClient api = client;
    ApiConfig apiConfig = config.api().orElse(null);
    boolean[] restarted = {false};
    deliver(
        () -> {
          if (api != null && apiConfig != null && event.type() == EventType.FULL_UPDATE) {
            try {
              DeviceSnapshot fresh = snapshot(api, apiConfig);
              view.reset(fresh);
              sink.snapshot(fresh);
            } catch (EventSourceException e) {
              log.warn("full-update: cannot re-read the device ({})", e.getMessage());
            }
          }
          if (event.type() == EventType.DEVICE_UPDATE) {
            restarted[0] = view.restartedBy(event);
          }
          view.apply(event);
          sink.event(event);
        });
    if (restarted[0] && api != null && apiConfig != null && resyncing.compareAndSet(false, true)) {
      log.warn("webhooks: the device restarted (its uptime went back); resynchronising");
      Thread.ofVirtual()
          .name("webhook-resync")
          .start(
              () -> {
                try {
                  snapshotUntilDone(api, apiConfig, true);
                } finally {
                  resyncing.set(false);
                }
              });
    }
  }

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.length() > 1 && path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      if (!path.equals(config.path())) {
        respond(exchange, 404, "{\"error\": \"no-such-function\"}");
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.getResponseHeaders().set("Allow", "POST");
        respond(exchange, 405, "{\"error\": \"method-not-allowed\"}");
        return;
      }
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      Optional<String> rejected =
          authorization == null
              ? Optional.of("no Authorization header")
              : QToggleTokens.verifyDeviceToken(authorization, config.key(), clock);
      if (rejected.isPresent()) {
        log.warn(
            "webhook from {} rejected: {}; event ignored",
            exchange.getRemoteAddress().getAddress().getHostAddress(),
            rejected.get());
        respond(exchange, 401, "{\"error\": \"authentication-required\"}");
        return;
      }
      String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
      if (contentType == null
          || !contentType.strip().toLowerCase(Locale.ROOT).startsWith("application/json")) {
        respond(exchange, 400, "{\"error\": \"invalid-header\", \"header\": \"Content-Type\"}");
        return;
      }
      byte[] body = readBody(exchange.getRequestBody());
      if (body == null) {
        log.warn("webhook body larger than {} bytes; event ignored", config.maxBodyBytes());
        respond(exchange, 413, "{\"error\": \"body-too-large\"}");
        return;
      }
      Object envelope;
      try {
        envelope = QToggleJson.parse(new String(body, StandardCharsets.UTF_8));
      } catch (IOException e) {
        log.warn("webhook body is not valid JSON; event ignored");
        respond(exchange, 400, "{\"error\": \"malformed-body\"}");
        return;
      }
      respond(exchange, handle(envelope));
    }
  }

  /** Handles one envelope; returns the status and body to answer. */
  @SuppressWarnings("unchecked")
  private Response handle(@Nullable Object envelope) {
    if (!(envelope instanceof Map<?, ?> object)) {
      log.warn("webhook body is not a JSON object; event ignored");
      return new Response(400, "{\"error\": \"malformed-body\"}");
    }
    Object type = object.get("type");
    if (type == null) {
      log.warn("webhook event without a type; ignored");
      return new Response(400, "{\"error\": \"missing-field\", \"field\": \"type\"}");
    }
    if (!(type instanceof String typeName)) {
      log.warn("webhook event whose type is not a string; ignored");
      return new Response(400, "{\"error\": \"invalid-field\", \"field\": \"type\"}");
    }
    Object params = object.containsKey("params") ? object.get("params") : new LinkedHashMap<>();
    if (!(params instanceof Map<?, ?> paramsMap)) {
      log.warn("webhook {} event whose params is not an object; ignored", typeName);
      return new Response(400, "{\"error\": \"invalid-field\", \"field\": \"params\"}");
    }
    Optional<Event> event;
    try {
      event = Event.fromWire(typeName, (Map<String, @Nullable Object>) paramsMap, now());
    } catch (InvalidEventException e) {
      log.warn("webhook event rejected: {}", e.getMessage());
      return new Response(400, "{\"error\": \"invalid-field\", \"field\": \"params\"}");
    }
    if (event.isEmpty()) {
      log.debug("webhook {} event ignored (not handled)", typeName);
      return new Response(204, "");
    }
    deliverEvent(event.get());
    return new Response(204, "");
  }

  private void deliver(Runnable action) {
    delivery.lock();
    try {
      if (!closed.get()) {
        action.run();
      }
    } finally {
      delivery.unlock();
    }
  }

  /** The body, or null when it is larger than allowed. */
  private byte @Nullable [] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(config.maxBodyBytes() + 1);
    return body.length > config.maxBodyBytes() ? null : body;
  }

  private record Response(int status, String body) {}

  private static void respond(HttpExchange exchange, Response response) throws IOException {
    respond(exchange, response.status(), response.body());
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    if (status == 204) {
      exchange.sendResponseHeaders(204, -1);
      return;
    }
    byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private double now() {
    Instant instant = clock.instant();
    return instant.getEpochSecond() + instant.getNano() / 1e9;
  }
}
