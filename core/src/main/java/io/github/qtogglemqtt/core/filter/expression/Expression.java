package io.github.qtogglemqtt.core.filter.expression;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A parsed qToggle expression (spec 5). One instance keeps the state of its stateful functions
 * ({@code RISING}, {@code DELAY}, ...) between evaluations, so each filter owns its own instance.
 * Not thread-safe: a handler evaluates its filters from one thread at a time.
 */
public final class Expression {
  private final String text;

  private Expression(String text) {
    this.text = text;
  }

  /**
   * Parses an expression.
   *
   * @throws ExpressionSyntaxException with the spec's code, token and position
   */
  public static Expression parse(String text) {
    requireNonNull(text, "text is null");
    throw new ExpressionSyntaxException(
        "unsupported", null, 0, "expressions are not supported yet (issue 4)");
  }

  /** The text it was parsed from. */
  public String text() {
    return text;
  }

  /**
   * Evaluates the expression.
   *
   * @return a Long, Double or (only for {@code @id}) String
   * @throws EvaluationException for every failure, never anything else
   */
  public @Nullable Object evaluate(EvaluationContext context) {
    requireNonNull(context, "context is null");
    throw new EvaluationException("expressions are not supported yet", false);
  }
}
