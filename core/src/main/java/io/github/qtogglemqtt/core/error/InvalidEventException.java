package io.github.qtogglemqtt.core.error;

/**
 * An event (or snapshot) received from a source is malformed: a required field is missing or of the
 * wrong JSON type. The message names the event type and the field. Kind {@link ErrorKind#USER}: the
 * event is reported once and skipped; the next one is handled.
 *
 * @since 0.1
 */
public final class InvalidEventException extends BridgeException {
  public InvalidEventException(String message) {
    super(ErrorKind.USER, message, null);
  }
}
