package io.github.qtogglemqtt.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A message could not be published: the broker is unreachable, refused the connection or the
 * message, or did not acknowledge in time. Kind {@link ErrorKind#EXTERNAL} unless said otherwise.
 * The message names the broker's reason in words (CONNACK or PUBACK reason) and never contains
 * credentials.
 *
 * @since 0.1
 */
public final class PublishException extends BridgeException {
  public PublishException(String message, @Nullable Throwable cause) {
    super(ErrorKind.EXTERNAL, message, cause);
  }

  public PublishException(ErrorKind kind, String message, @Nullable Throwable cause) {
    super(kind, message, cause);
  }
}
