package io.github.qtogglemqtt.core.spi;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.Secret;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The connection keys of a handler entry, the same for every MQTT client adapter, parsed once here
 * so that a handler behaves the same whichever {@code client} it names. The add-on's keys (spec
 * 7.2) keep their names, defaults and meaning; the others are extensions with defaults equal to the
 * add-on's fixed behaviour.
 *
 * @param server broker host name or IP; also the name checked against the broker certificate
 * @param port broker port (1883 by default, also with TLS)
 * @param protocolVersion MQTT 3.1.1 (default) or 5
 * @param tls the TLS settings, or null for plain TCP
 * @param reconnectInterval the pause after a failed or lost connection (and the first back-off
 *     step)
 * @param reconnectMaxInterval the back-off cap, or null for a fixed {@code reconnectInterval}
 * @param operationTimeout the connect (CONNACK) and acknowledgement (PUBACK/PUBCOMP) timeout:
 *     {@code timeout}, or {@code reconnect_interval} when unset (spec 7.4, D23)
 * @param keepAlive the MQTT keep-alive (0 = off)
 * @param cleanSession MQTT 3.1.1 clean session / MQTT 5 clean start
 * @param sessionExpiry MQTT 5 session expiry interval (zero = the session ends with the connection)
 * @param clientLogging whether the client library's own log lines are shown
 * @since 0.1
 */
public record MqttConnectionSettings(
    String server,
    int port,
    MqttVersion protocolVersion,
    @Nullable Tls tls,
    Duration reconnectInterval,
    @Nullable Duration reconnectMaxInterval,
    Duration operationTimeout,
    Duration keepAlive,
    boolean cleanSession,
    Duration sessionExpiry,
    boolean clientLogging) {

  /** Every key this class reads, in the order of the adapters' README tables. */
  public static final List<String> KEYS =
      List.of(
          "server",
          "port",
          "tls_enable",
          "tls_verify",
          "tls_ca",
          "tls_cert",
          "tls_key",
          "tls_key_password",
          "reconnect_interval",
          "reconnect_max_interval",
          "timeout",
          "client_logging",
          "keep_alive",
          "clean_session",
          "session_expiry",
          "protocol_version");

  /** The largest MQTT 5 session expiry interval (seconds; it means "never expires"). */
  public static final long MAX_SESSION_EXPIRY_SECONDS = 0xFFFF_FFFFL;

  public MqttConnectionSettings {
    requireNonNull(server, "server is null");
    requireNonNull(protocolVersion, "protocolVersion is null");
    requireNonNull(reconnectInterval, "reconnectInterval is null");
    requireNonNull(operationTimeout, "operationTimeout is null");
    requireNonNull(keepAlive, "keepAlive is null");
    requireNonNull(sessionExpiry, "sessionExpiry is null");
  }

  /** The MQTT protocol version of the connection. */
  public enum MqttVersion {
    /** MQTT 3.1.1 ({@code protocol_version = 3}), the add-on's. */
    V3_1_1,
    /** MQTT 5 ({@code protocol_version = 5}). */
    V5
  }

  /**
   * The TLS settings of a connection.
   *
   * @param verify false = no certificate-chain and no host-name check (encryption only)
   * @param trustStore the CAs of {@code tls_ca} (only these are trusted), or null for the JVM's
   *     default trust store
   * @param keyStore the client certificate and key of {@code tls_cert}/{@code tls_key} under {@link
   *     PemKeyStores#KEY_ALIAS}, protected by {@link PemKeyStores#entryPassword()}, or null
   */
  public record Tls(boolean verify, @Nullable KeyStore trustStore, @Nullable KeyStore keyStore) {}

  /**
   * Parses the connection keys of a handler entry. Never throws for bad values: every problem is
   * recorded in {@code properties} (call {@link AdapterProperties#throwIfProblems()}), and the
   * returned settings then hold defaults where values were bad. Reads the configured certificate
   * and key files (relative paths resolve against {@link AdapterContext#baseDirectory()}).
   */
  public static MqttConnectionSettings parse(AdapterProperties properties, AdapterContext context) {
    requireNonNull(properties, "properties is null");
    requireNonNull(context, "context is null");
    AdapterProperties p = properties;

    String server = p.requireString("server");
    if (p.has("server") && server.isBlank()) {
      p.problem("server", "must not be empty");
    }
    int port = p.intValue("port", 1883, 1, 65535);

    int version = p.intValue("protocol_version", 3, 3, 5);
    if (version == 4) {
      p.problem("protocol_version", "must be 3 (MQTT 3.1.1) or 5 (got 4)");
      version = 3;
    }
    MqttVersion protocolVersion = version == 5 ? MqttVersion.V5 : MqttVersion.V3_1_1;

    Duration reconnectInterval =
        positive(p, "reconnect_interval", Duration.ofSeconds(5)).orElse(Duration.ofSeconds(5));
    Duration reconnectMaxInterval = positive(p, "reconnect_max_interval", null).orElse(null);
    if (reconnectMaxInterval != null && reconnectMaxInterval.compareTo(reconnectInterval) < 0) {
      p.problem(
          "reconnect_max_interval",
          "must not be shorter than reconnect_interval (%s < %s)"
              .formatted(seconds(reconnectMaxInterval), seconds(reconnectInterval)));
      reconnectMaxInterval = null;
    }
    Duration operationTimeout = positive(p, "timeout", null).orElse(reconnectInterval);

    Duration keepAlive = Duration.ofSeconds(p.longValue("keep_alive", 60, 0, 65535));
    boolean cleanSession = p.bool("clean_session", true);
    Duration sessionExpiry =
        Duration.ofSeconds(p.longValue("session_expiry", 0, 0, MAX_SESSION_EXPIRY_SECONDS));
    if (p.has("session_expiry") && protocolVersion != MqttVersion.V5) {
      p.problem("session_expiry", "needs protocol_version = 5");
    }
    boolean clientLogging = p.bool("client_logging", false);

    Tls tls = parseTls(p, context);
    return new MqttConnectionSettings(
        server.strip(),
        port,
        protocolVersion,
        tls,
        reconnectInterval,
        reconnectMaxInterval,
        operationTimeout,
        keepAlive,
        cleanSession,
        sessionExpiry,
        clientLogging);
  }

  private static @Nullable Tls parseTls(AdapterProperties p, AdapterContext context) {
    boolean enable = p.bool("tls_enable", false);
    boolean verify = p.bool("tls_verify", true);
    Optional<Path> ca = path(p, "tls_ca", context);
    Optional<Path> cert = path(p, "tls_cert", context);
    Optional<Path> key = path(p, "tls_key", context);
    Optional<Secret> keyPassword = p.secret("tls_key_password");
    if (!enable) {
      // the add-on ignores the tls_* files when TLS is off; so do we
      return null;
    }
    KeyStore trustStore = null;
    if (ca.isPresent()) {
      try {
        trustStore = PemKeyStores.trustStore(ca.get());
      } catch (IllegalArgumentException | UncheckedIOException e) {
        p.problem("tls_ca", String.valueOf(e.getMessage()));
      }
    }
    KeyStore keyStore = null;
    if (cert.isPresent()) {
      try {
        keyStore = PemKeyStores.keyStore(cert.get(), key.orElse(null), keyPassword.orElse(null));
      } catch (IllegalArgumentException | UncheckedIOException e) {
        // every message starts with the file it is about: blame the key that named that file
        boolean aboutKeyFile =
            key.isPresent() && String.valueOf(e.getMessage()).startsWith(key.get().toString());
        p.problem(aboutKeyFile ? "tls_key" : "tls_cert", String.valueOf(e.getMessage()));
      }
    }
    return new Tls(verify, trustStore, keyStore);
  }

  private static Optional<Path> path(AdapterProperties p, String key, AdapterContext context) {
    Optional<String> text = p.optionalString(key);
    if (text.isEmpty() || text.get().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(context.baseDirectory().resolve(text.get()));
    } catch (InvalidPathException e) {
      p.problem(key, "is not a valid file path (%s)".formatted(e.getMessage()));
      return Optional.empty();
    }
  }

  private static Optional<Duration> positive(
      AdapterProperties p, String key, @Nullable Duration defaultValue) {
    Optional<Duration> value = p.optionalDuration(key);
    if (value.isPresent() && (value.get().isNegative() || value.get().isZero())) {
      p.problem(key, "must be more than 0 seconds (got %s)".formatted(seconds(value.get())));
      return Optional.ofNullable(defaultValue);
    }
    return value.or(() -> Optional.ofNullable(defaultValue));
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  /**
   * How long to wait before the next connection attempt after {@code failures} consecutive failed
   * or lost connections (at least 1). Without {@code reconnect_max_interval} it is always {@code
   * reconnect_interval} (the add-on's loop); with it, an exponential back-off from {@code
   * reconnect_interval}, doubling per failure up to {@code reconnect_max_interval}, with "equal
   * jitter" (a random value in the upper half of the step, never below {@code reconnect_interval})
   * so that a fleet of clients does not reconnect in lock-step.
   */
  public Duration retryDelay(int failures, RandomGenerator random) {
    requireNonNull(random, "random is null");
    if (reconnectMaxInterval == null) {
      return reconnectInterval;
    }
    int doublings = Math.clamp(failures - 1L, 0, 30);
    long baseNanos = reconnectInterval.toNanos();
    long capNanos = reconnectMaxInterval.toNanos();
    long step =
        baseNanos > (capNanos >> doublings) ? capNanos : Math.min(capNanos, baseNanos << doublings);
    long half = step / 2;
    long delay = half + (half > 0 ? random.nextLong(half + 1) : 0);
    return Duration.ofNanos(Math.max(baseNanos, delay));
  }
}
