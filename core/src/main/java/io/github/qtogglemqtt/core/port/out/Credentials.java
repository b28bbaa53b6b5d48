package io.github.qtogglemqtt.core.port.out;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.Secret;
import org.jspecify.annotations.Nullable;

/**
 * The identity of one connection attempt.
 *
 * @param clientId the MQTT client identifier (may be empty: the broker then assigns one)
 * @param username null or empty = no username
 * @param password null = no password (D1: connecting without one works)
 * @since 0.1
 */
public record Credentials(String clientId, @Nullable String username, @Nullable Secret password) {
  public Credentials {
    requireNonNull(clientId, "clientId is null");
  }
}
