package io.github.qtogglemqtt.adapter.source.qtoggle;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.Secret;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How to reach and authenticate with a qToggle device's API.
 *
 * @param base the device's base URL, without {@code /api} and without a trailing slash
 * @param username {@code admin}, {@code normal} or {@code viewonly}
 * @param key the HS256 key: lowercase hex SHA-256 of the password (spec 2.2)
 * @param tlsVerify whether to verify the server's certificate and host name
 * @param tlsCa a PEM file of CA certificates to trust instead of the JDK's, if any
 * @param requestTimeout connect timeout, and response timeout of calls other than listen
 * @param retryInterval pause after a failed call before the next attempt
 */
record ApiConfig(
    URI base,
    String username,
    Secret key,
    boolean tlsVerify,
    Optional<Path> tlsCa,
    Duration requestTimeout,
    Duration retryInterval) {
  static final List<String> USERS = List.of("admin", "normal", "viewonly");

  ApiConfig {
    requireNonNull(base, "base is null");
    requireNonNull(username, "username is null");
    requireNonNull(key, "key is null");
    requireNonNull(tlsCa, "tlsCa is null");
    requireNonNull(requestTimeout, "requestTimeout is null");
    requireNonNull(retryInterval, "retryInterval is null");
  }

  /** Whether the user may read device attributes and admin-only events. */
  boolean isAdmin() {
    return username.equals("admin");
  }

  /** The URL of one API function, e.g. {@code listen}. */
  URI function(String name) {
    return URI.create(base + "/api/" + name);
  }

  /**
   * Reads the API keys; records every problem.
   *
   * @param passwordKey the key of the clear-text password ({@code password}, or {@code
   *     api_password} where {@code password} means something else)
   */
  static ApiConfig from(AdapterProperties properties, AdapterContext context, String passwordKey) {
    URI base = parseUrl(properties);
    String username = properties.choice("username", "admin", USERS);
    String hashKey = passwordKey + "_hash";
    Optional<Secret> password = properties.secret(passwordKey);
    Optional<Secret> hash = properties.secret(hashKey);
    Secret key = QToggleTokens.keyOfPassword(Secret.of(""));
    if (password.isPresent() && hash.isPresent()) {
      properties.problem(hashKey, "set either %s or %s, not both".formatted(passwordKey, hashKey));
    } else if (hash.isPresent()) {
      if (QToggleTokens.isPasswordHash(hash.get().reveal())) {
        key = Secret.of(hash.get().reveal().toLowerCase(Locale.ROOT));
      } else {
        properties.problem(hashKey, "must be 64 hexadecimal digits (a SHA-256 of the password)");
      }
    } else if (password.isPresent()) {
      key = QToggleTokens.keyOfPassword(password.get());
    }
    boolean tlsVerify = properties.bool("tls_verify", true);
    Optional<Path> tlsCa =
        properties.optionalString("tls_ca").map(p -> context.baseDirectory().resolve(p));
    Duration requestTimeout = positive(properties, "request_timeout", Duration.ofSeconds(10));
    Duration retryInterval = positive(properties, "retry_interval", Duration.ofSeconds(5));
    return new ApiConfig(base, username, key, tlsVerify, tlsCa, requestTimeout, retryInterval);
  }

  static Duration positive(AdapterProperties properties, String key, Duration defaultValue) {
    Duration value = properties.duration(key, defaultValue);
    if (value.isNegative() || value.isZero() || value.compareTo(Duration.ofHours(1)) > 0) {
      properties.problem(
          key, "must be above 0 and at most 1h (got %s)".formatted(Durations.describe(value)));
      return defaultValue;
    }
    return value;
  }

  private static URI parseUrl(AdapterProperties properties) {
    String url = properties.requireString("url");
    URI fallback = URI.create("http://localhost:8888");
    if (url.isEmpty()) {
      return fallback;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        properties.problem("url", "must be an http:// or https:// URL (got \"%s\")".formatted(url));
        return fallback;
      }
      if (uri.getHost() == null) {
        properties.problem("url", "has no host (got \"%s\")".formatted(url));
        return fallback;
      }
      if (uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        properties.problem(
            "url",
            "must not carry a query, a fragment or credentials (got \"%s\")"
                .formatted(redact(uri)));
        return fallback;
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      if (path.endsWith("/api")) {
        path = path.substring(0, path.length() - "/api".length());
      }
      return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    } catch (URISyntaxException | IllegalArgumentException e) {
      properties.problem("url", "is not a valid URL (%s)".formatted(e.getMessage()));
      return fallback;
    }
  }

  private static String redact(URI uri) {
    return uri.getRawUserInfo() == null
        ? uri.toString()
        : uri.toString().replace(uri.getRawUserInfo(), "***");
  }
}
