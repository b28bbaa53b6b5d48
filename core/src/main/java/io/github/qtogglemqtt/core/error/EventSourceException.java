package io.github.qtogglemqtt.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The event source failed: the device is unreachable, refused the credentials, or answered with
 * something that is not the qToggle API. Kind {@link ErrorKind#EXTERNAL} unless said otherwise.
 *
 * @since 0.1
 */
public final class EventSourceException extends BridgeException {
  public EventSourceException(String message, @Nullable Throwable cause) {
    super(ErrorKind.EXTERNAL, message, cause);
  }

  public EventSourceException(ErrorKind kind, String message, @Nullable Throwable cause) {
    super(kind, message, cause);
  }
}
