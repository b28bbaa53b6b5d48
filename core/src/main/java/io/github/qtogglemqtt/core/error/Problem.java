package io.github.qtogglemqtt.core.error;

import static java.util.Objects.requireNonNull;

/**
 * One configuration problem: the path of the key, as a user writes it ({@code
 * event_handlers[1].qos}), and what is wrong with it, including what was expected and what was
 * found ({@code must be 0, 1 or 2 (got 3)}).
 *
 * @param path the key's path in the configuration file; never a secret value
 * @param message what is wrong; never contains a secret value
 * @since 0.1
 */
public record Problem(String path, String message) {
  public Problem {
    requireNonNull(path, "path is null");
    requireNonNull(message, "message is null");
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
