package io.github.qtogglemqtt.core.filter.expression;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A parsed qToggle expression (spec 5). One instance keeps the state of its stateful functions
 * ({@code RISING}, {@code DELAY}, ...) between evaluations, so each filter owns its own instance.
 * Not thread-safe: a handler evaluates its filters from one thread at a time.
 *
 * <p>Parsing follows spec 5.1 exactly and reports the codes of 5.5 with 1-based positions in the
 * whole text. Evaluation reads everything, the clock and the zone included, from its {@link
 * EvaluationContext}; any failure, including overflow of the 64-bit integer arithmetic and other
 * cases where the original Python would crash (D9), is an {@link EvaluationException} whose message
 * says what failed, naming the function ({@code DIV: arithmetic error: division by zero}) or the
 * reference ({@code unknown port "t2"}); the caller adds the expression's text and its key.
 */
public final class Expression {
  private final String text;
  private final Node root;

  private Expression(String text, Node root) {
    this.text = text;
    this.root = root;
  }

  /**
   * Parses an expression. Does not block; thread-safe.
   *
   * @throws ExpressionSyntaxException with the spec's code, token and position
   */
  public static Expression parse(String text) {
    requireNonNull(text, "text is null");
    return new Expression(text, Parser.parse(text));
  }

  /** The text it was parsed from. */
  public String text() {
    return text;
  }

  /**
   * Evaluates the expression. Stateful functions update their memory.
   *
   * @return a Long, Double or (only for {@code @id}) String; a port value stored as a boolean is
   *     returned as the integer 1 or 0
   * @throws EvaluationException for every failure, never anything else
   */
  public @Nullable Object evaluate(EvaluationContext context) {
    requireNonNull(context, "context is null");
    Object result;
    try {
      result = root.eval(context);
    } catch (EvaluationException e) {
      throw e;
    } catch (RuntimeException e) {
      EvaluationException wrapped = new EvaluationException("failed: %s".formatted(e), false);
      wrapped.initCause(e);
      throw wrapped;
    }
    if (result instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    return result;
  }

  /** The expression as written. */
  @Override
  public String toString() {
    return text;
  }
}
