package io.github.qtogglemqtt.adapter.template.pebble;

/** A rendering error with Jinja2's meaning (undefined value used, wrong operand types, ...). */
final class JinjaRuntimeException extends RuntimeException {
  private final int line;

  JinjaRuntimeException(String message) {
    this(message, 0, null);
  }

  JinjaRuntimeException(String message, int line, Throwable cause) {
    super(message, cause);
    this.line = line;
  }

  /** 1-based line, or 0 when unknown. */
  int line() {
    return line;
  }
}
