package io.github.qtogglemqtt.adapter.source.qtoggle;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.EventSourceException;
import io.github.qtogglemqtt.core.model.Values;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * A small client of the qToggle API (spec 2.1-2.7) on the JDK {@link HttpClient}: a fresh token per
 * request, JSON references resolved, and every failure turned into an {@link EventSourceException}
 * whose kind says whether a retry can help ({@link ErrorKind#USER}: credentials, not a qToggle
 * device; {@link ErrorKind#EXTERNAL}: network, timeouts, 5xx, bad JSON). Thread-safe.
 */
final class QToggleApiClient implements AutoCloseable {
  private final ApiConfig config;
  private final Clock clock;
  private final HttpClient http;

  /**
   * Builds the HTTP client (reads the CA file when one is configured).
   *
   * @throws EventSourceException (kind USER) when the CA file cannot be read
   */
  QToggleApiClient(ApiConfig config, Clock clock) {
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(config.requestTimeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    if (config.base().getScheme().equals("https")) {
      builder.sslContext(sslContext(config));
    }
    this.http = builder.build();
  }

  /** The device's base URL, for messages. */
  URI base() {
    return config.base();
  }

  /** {@code GET /api/device}: the device attributes (admin). */
  Map<String, @Nullable Object> device() {
    return object(get("device", config.requestTimeout()), "device");
  }

  /** {@code GET /api/ports}: the port objects (viewonly). */
  List<Map<String, @Nullable Object>> ports() {
    return objects(get("ports", config.requestTimeout()), "ports");
  }

  /** {@code GET /api/devices}: the slave objects of a hub (admin). */
  List<Map<String, @Nullable Object>> slaves() {
    return objects(get("devices", config.requestTimeout()), "devices");
  }

  /**
   * {@code GET /api/listen?timeout=N} with {@code Session-Id}: the raw event objects, in order.
   * Blocks up to {@code readTimeout}.
   */
  List<@Nullable Object> listen(String sessionId, long timeoutSeconds, Duration readTimeout) {
    Object body = get("listen?timeout=" + timeoutSeconds, readTimeout, sessionId);
    if (body instanceof List<?> list) {
      @SuppressWarnings("unchecked")
      List<@Nullable Object> events = (List<@Nullable Object>) list;
      return events;
    }
    throw new EventSourceException(
        "%s: listen answered %s instead of an array of events"
            .formatted(config.base(), Values.typeName(body)),
        null);
  }

  /**
   * Writes a port value: {@code PATCH /api/ports/<id>/value} with the JSON value and the consumer
   * token (Home Assistant commands, issue 9). Non-blocking.
   *
   * @param value a Boolean, Long or finite Double
   * @return completes when the device answered 2xx; exceptionally with an {@link
   *     EventSourceException} naming the status and the device's error otherwise
   */
  CompletableFuture<Void> writeValue(String portId, Object value) {
    String function =
        "ports/" + URLEncoder.encode(portId, StandardCharsets.UTF_8).replace("+", "%20") + "/value";
    String body =
        switch (value) {
          case Boolean b -> b.toString();
          case Long l -> l.toString();
          case Double d when Double.isFinite(d) -> Values.formatFloat(d);
          default ->
              throw new IllegalArgumentException(
                  "not a port value: %s".formatted(Values.typeName(value)));
        };
    HttpRequest request =
        HttpRequest.newBuilder(config.function(function))
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .timeout(config.requestTimeout())
            .header("Content-Type", "application/json; charset=utf-8")
            .header(
                "Authorization",
                "Bearer "
                    + QToggleTokens.consumerToken(config.key(), config.username(), clock.instant()))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .handle(
            (response, error) -> {
              if (error != null) {
                throw new EventSourceException(
                    "%s: PATCH /api/%s failed (%s)"
                        .formatted(config.base(), function, describe(error)),
                    error);
              }
              int status = response.statusCode();
              if (status / 100 != 2) {
                throw new EventSourceException(
                    status / 100 == 4 ? ErrorKind.USER : ErrorKind.EXTERNAL,
                    "%s: PATCH /api/%s answered %d %s"
                        .formatted(config.base(), function, status, abbreviate(response.body())),
                    null);
              }
              return null;
            });
  }

  private @Nullable Object get(String function, Duration timeout) {
    return get(function, timeout, null);
  }

  private @Nullable Object get(String function, Duration timeout, @Nullable String sessionId) {
    URI uri = config.function(function);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .header(
                "Authorization",
                "Bearer "
                    + QToggleTokens.consumerToken(
                        config.key(), config.username(), clock.instant()));
    if (sessionId != null) {
      request.header("Session-Id", sessionId);
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new EventSourceException(
          "%s: no answer to GET /api/%s within %s"
              .formatted(config.base(), function, Durations.describe(timeout)),
          e);
    } catch (ConnectException e) {
      throw new EventSourceException(
          "%s: cannot connect (%s)".formatted(config.base(), describe(e)), e);
    } catch (IOException e) {
      throw new EventSourceException(
          "%s: GET /api/%s failed (%s)".formatted(config.base(), function, describe(e)), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventSourceException(
          ErrorKind.INTERNAL, "%s: interrupted".formatted(config.base()), e);
    }
    return handle(function, response);
  }

  private @Nullable Object handle(String function, HttpResponse<String> response) {
    int status = response.statusCode();
    switch (status) {
      case 200 -> {
        try {
          return QToggleJson.parseApiResponse(response.body());
        } catch (IOException e) {
          throw new EventSourceException(
              "%s: GET /api/%s answered invalid JSON (%s)"
                  .formatted(config.base(), function, firstLine(e.getMessage())),
              e);
        }
      }
      case 204 -> {
        return null;
      }
      case 401, 403 ->
          throw new EventSourceException(
              ErrorKind.USER,
              "authentication failed for user %s at %s (%d%s)"
                  .formatted(
                      config.username(),
                      config.base(),
                      status,
                      status == 403 ? ", the user lacks the access level" : ""),
              null);
      case 404 ->
          throw new EventSourceException(
              ErrorKind.USER,
              "%s: GET /api/%s answered 404: not a qToggle device or listen support disabled"
                  .formatted(config.base(), function.replaceFirst("\\?.*", "")),
              null);
      default ->
          throw new EventSourceException(
              "%s: GET /api/%s answered %d %s"
                  .formatted(
                      config.base(),
                      function.replaceFirst("\\?.*", ""),
                      status,
                      abbreviate(response.body())),
              null);
    }
  }

  @Override
  public void close() {
    http.shutdownNow();
  }

  @SuppressWarnings("unchecked")
  private Map<String, @Nullable Object> object(@Nullable Object body, String function) {
    if (body instanceof Map<?, ?> map) {
      return (Map<String, @Nullable Object>) map;
    }
    throw new EventSourceException(
        "%s: GET /api/%s answered %s instead of an object"
            .formatted(config.base(), function, Values.typeName(body)),
        null);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, @Nullable Object>> objects(@Nullable Object body, String function) {
    if (body instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
      return new ArrayList<>((List<Map<String, @Nullable Object>>) list);
    }
    throw new EventSourceException(
        "%s: GET /api/%s answered %s instead of an array of objects"
            .formatted(config.base(), function, Values.typeName(body)),
        null);
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String abbreviate(@Nullable String body) {
    if (body == null) {
      return "";
    }
    String text = body.strip();
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private static SSLContext sslContext(ApiConfig config) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      TrustManager[] trust;
      if (!config.tlsVerify()) {
        trust = new TrustManager[] {new TrustEverything()};
      } else if (config.tlsCa().isPresent()) {
        trust = trustManagers(config.tlsCa().get());
      } else {
        trust = null;
      }
      context.init(null, trust, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new EventSourceException(
          ErrorKind.USER,
          "cannot set up TLS for %s: %s"
              .formatted(config.base(), e.getMessage() == null ? e : e.getMessage()),
          e);
    }
  }

  private static TrustManager[] trustManagers(Path caFile)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(caFile)) {
      int i = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      if (i == 0) {
        throw new IOException("no certificate in %s".formatted(caFile));
      }
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  /**
   * Accepts every certificate and host name ({@code tls_verify = false}): an extended trust manager
   * also owns host name verification, so this one skips both.
   */
  private static final class TrustEverything extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket s) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket s) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
