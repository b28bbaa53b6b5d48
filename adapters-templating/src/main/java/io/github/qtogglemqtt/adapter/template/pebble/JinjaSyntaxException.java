package io.github.qtogglemqtt.adapter.template.pebble;

/**
 * A template source that is not valid (or not supported) Jinja2, with the position of the error.
 */
final class JinjaSyntaxException extends RuntimeException {
  private final int line;
  private final int column;

  JinjaSyntaxException(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }
}
