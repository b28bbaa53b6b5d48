package io.github.qtogglemqtt.core.error;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception that crosses a port. Unchecked; adapters throw the subclasses of this
 * package and never subclass them.
 *
 * @since 0.1
 */
public abstract class BridgeException extends RuntimeException {
  private final ErrorKind kind;

  protected BridgeException(ErrorKind kind, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = requireNonNull(kind, "kind is null");
  }

  /** Who is to blame: decides retry, exit status and metrics. */
  public ErrorKind kind() {
    return kind;
  }
}
