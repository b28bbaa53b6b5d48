package io.github.qtogglemqtt.core.filter.expression;

import org.jspecify.annotations.Nullable;

/** Shorthands for tests. */
final class Eval {
  private Eval() {}

  /** Parses and evaluates once in a rich context without ports. */
  static @Nullable Object eval(String text) {
    return Expression.parse(text).evaluate(TestContext.rich());
  }

  static @Nullable Object eval(String text, EvaluationContext context) {
    return Expression.parse(text).evaluate(context);
  }
}
