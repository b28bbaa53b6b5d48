package io.github.qtogglemqtt.core.filter.expression;

import org.jspecify.annotations.Nullable;

/**
 * An expression does not parse (spec 5.5): a code such as {@code unknown-function}, the offending
 * token where there is one, and a 1-based character position in the whole expression text (0 when
 * the error has none).
 */
public final class ExpressionSyntaxException extends IllegalArgumentException {
  private final String code;
  private final @Nullable String token;
  private final int position;

  public ExpressionSyntaxException(
      String code, @Nullable String token, int position, String message) {
    super(message);
    this.code = code;
    this.token = token;
    this.position = position;
  }

  /** The spec's error code, e.g. {@code unexpected-character}. */
  public String code() {
    return code;
  }

  /** The offending token, or null. */
  public @Nullable String token() {
    return token;
  }

  /** 1-based position in the expression text, or 0 when the error has none. */
  public int position() {
    return position;
  }
}
