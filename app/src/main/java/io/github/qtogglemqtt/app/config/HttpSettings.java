package io.github.qtogglemqtt.app.config;

import static java.util.Objects.requireNonNull;

/**
 * The optional {@code http} section: where {@code /health} and {@code /metrics} are served.
 *
 * @param host the address to listen on, e.g. {@code 127.0.0.1}
 * @param port the port, 0 for any free one
 */
public record HttpSettings(String host, int port) {
  public HttpSettings {
    requireNonNull(host, "host is null");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535 (got %d)".formatted(port));
    }
  }
}
