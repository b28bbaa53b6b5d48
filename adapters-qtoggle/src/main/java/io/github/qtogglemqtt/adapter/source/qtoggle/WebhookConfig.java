package io.github.qtogglemqtt.adapter.source.qtoggle;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.Secret;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * The webhook receiver's settings.
 *
 * @param host the address to bind
 * @param port the TCP port to bind (0: any free port)
 * @param path the request path events are posted to
 * @param key the HS256 key tokens are verified with (SHA-256 hex of {@code password})
 * @param maxBodyBytes the largest request body accepted
 * @param api the device's API, for snapshots, when {@code url} is set
 * @param resyncEvents after a device restart, deliver the differences as events (with {@code url})
 */
record WebhookConfig(
    String host,
    int port,
    String path,
    Secret key,
    int maxBodyBytes,
    Optional<ApiConfig> api,
    boolean resyncEvents) {
  static final String DEFAULT_LISTEN = "127.0.0.1:8081";
  static final int DEFAULT_MAX_BODY_BYTES = 65_536;

  WebhookConfig {
    requireNonNull(host, "host is null");
    requireNonNull(path, "path is null");
    requireNonNull(key, "key is null");
    requireNonNull(api, "api is null");
  }

  InetSocketAddress address() {
    return new InetSocketAddress(host, port);
  }

  /** Reads the keys of a {@code webhooks} source; records every problem. */
  static WebhookConfig from(AdapterProperties properties, AdapterContext context) {
    String listen = properties.string("listen", DEFAULT_LISTEN);
    String host = "127.0.0.1";
    int port = 8081;
    int colon = listen.lastIndexOf(':');
    try {
      if (colon < 0) {
        throw new NumberFormatException();
      }
      host = listen.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      port = Integer.parseInt(listen.substring(colon + 1));
      if (host.isEmpty() || port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      properties.problem(
          "listen", "must be host:port, e.g. 0.0.0.0:8081 (got \"%s\")".formatted(listen));
    }
    String path = properties.string("path", "/");
    if (!path.startsWith("/")) {
      properties.problem("path", "must start with / (got \"%s\")".formatted(path));
    }
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    Optional<Secret> password = properties.secret("password");
    Optional<Secret> hash = properties.secret("password_hash");
    Secret key = QToggleTokens.keyOfPassword(Secret.of(""));
    if (password.isPresent() && hash.isPresent()) {
      properties.problem("password_hash", "set either password or password_hash, not both");
    } else if (hash.isPresent()) {
      if (QToggleTokens.isPasswordHash(hash.get().reveal())) {
        key = Secret.of(hash.get().reveal().toLowerCase(Locale.ROOT));
      } else {
        properties.problem(
            "password_hash", "must be 64 hexadecimal digits (a SHA-256 of the password)");
      }
    } else if (password.isPresent()) {
      key = QToggleTokens.keyOfPassword(password.get());
    }
    int maxBody =
        properties.intValue("max_body_bytes", DEFAULT_MAX_BODY_BYTES, 256, 16 * 1024 * 1024);
    Optional<ApiConfig> api = Optional.empty();
    boolean resyncEvents = true;
    if (properties.has("url")) {
      api = Optional.of(ApiConfig.from(properties, context, "api_password"));
      resyncEvents = properties.bool("resync_events", true);
    } else {
      for (String key2 :
          new String[] {
            "username",
            "api_password",
            "api_password_hash",
            "tls_verify",
            "tls_ca",
            "request_timeout",
            "retry_interval",
            "resync_events"
          }) {
        if (properties.has(key2)) {
          properties.problem(key2, "is only used with url (the device's API for snapshots)");
        }
      }
    }
    return new WebhookConfig(host, port, path, key, maxBody, api, resyncEvents);
  }
}
