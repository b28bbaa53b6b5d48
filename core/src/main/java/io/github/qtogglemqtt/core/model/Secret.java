package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A secret value (a password, a token, key material). Its {@link #toString()} never shows it, so a
 * secret that slips into a log line or an exception message is masked.
 *
 * @since 0.1
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = requireNonNull(value, "value is null");
  }

  /** Wraps a secret value. */
  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The secret itself: only for the code that must send it. */
  public String reveal() {
    return value;
  }

  /** Whether the secret is the empty string. */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "******";
  }
}
