package io.github.qtogglemqtt.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A template does not compile (kind {@link ErrorKind#USER}, with the key it came from and the line
 * and column of the error) or fails while rendering (kind {@link ErrorKind#USER} when the template
 * asks for something the context cannot give, {@link ErrorKind#INTERNAL} otherwise).
 *
 * @since 0.1
 */
public final class TemplateException extends BridgeException {
  private final String key;
  private final int line;
  private final int column;

  /**
   * @param key the configuration key of the template ({@code event_handlers[0].topic}), or a
   *     descriptive name when it has none
   * @param line 1-based line of the error, or 0 when unknown
   * @param column 1-based column of the error, or 0 when unknown
   */
  public TemplateException(
      ErrorKind kind, String key, int line, int column, String message, @Nullable Throwable cause) {
    super(kind, format(key, line, column, message), cause);
    this.key = key;
    this.line = line;
    this.column = column;
  }

  public TemplateException(String key, String message, @Nullable Throwable cause) {
    this(ErrorKind.USER, key, 0, 0, message, cause);
  }

  /** The configuration key of the template. */
  public String key() {
    return key;
  }

  /** 1-based line of the error, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column of the error, 0 when unknown. */
  public int column() {
    return column;
  }

  private static String format(String key, int line, int column, String message) {
    StringBuilder text = new StringBuilder(key);
    if (line > 0) {
      text.append(" (line ").append(line);
      if (column > 0) {
        text.append(", column ").append(column);
      }
      text.append(')');
    }
    return text.append(": ").append(message).toString();
  }
}
