package io.github.qtogglemqtt.core.filter.expression;

import org.jspecify.annotations.Nullable;

/**
 * An expression does not parse (spec 5.5): a code such as {@code unknown-function}, the offending
 * token where there is one, and a 1-based character position in the whole expression text (0 when
 * the error has none).
 *
 * <p>Codes (spec 5.5): {@code empty}, {@code unknown-function}, {@code
 * invalid-number-of-arguments}, {@code invalid-argument-kind}, {@code unbalanced-parentheses},
 * {@code unexpected-end}, {@code unexpected-character}, {@code missing-attr-prefix}; and {@code
 * too-deeply-nested}, which the original lacks (it crashed on its recursion limit instead).
 */
public final class ExpressionSyntaxException extends IllegalArgumentException {
  private final String code;
  private final @Nullable String token;
  private final int position;
  private final int argument;

  public ExpressionSyntaxException(
      String code, @Nullable String token, int position, String message) {
    this(code, token, position, 0, message);
  }

  /**
   * An error about one argument of a call ({@code invalid-argument-kind}).
   *
   * @param argument the 1-based number of the argument
   */
  public ExpressionSyntaxException(
      String code, @Nullable String token, int position, int argument, String message) {
    super(message);
    this.code = code;
    this.token = token;
    this.position = position;
    this.argument = argument;
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

  /**
   * The 1-based number of the offending argument for {@code invalid-argument-kind}, else 0.
   *
   * @since 0.1
   */
  public int argument() {
    return argument;
  }
}
