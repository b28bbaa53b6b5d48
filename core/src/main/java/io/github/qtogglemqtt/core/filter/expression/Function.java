package io.github.qtogglemqtt.core.filter.expression;

import java.util.List;

/**
 * One function call site. Strict functions (the default) evaluate every argument first, so an error
 * in any argument is the function's error; lazy ones ({@code IF}, {@code AND}, ...) override {@link
 * #call}. A stateful function keeps its memory in its instance, which belongs to one call site of
 * one expression.
 */
abstract class Function {

  Object call(String name, List<Node> args, EvaluationContext context) {
    try {
      before(context);
    } catch (EvaluationException e) {
      throw Errors.in(name, e);
    }
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = args.get(i).eval(context);
    }
    try {
      return compute(values, context);
    } catch (EvaluationException e) {
      throw Errors.in(name, e);
    } catch (RuntimeException e) {
      // D9: nothing but the language's own error may escape an evaluation
      throw Errors.in(name, Errors.other("failed: %s".formatted(e)));
    }
  }

  /** Runs before the arguments are evaluated (the real-time check, SEQUENCE's start). */
  void before(EvaluationContext context) {}

  abstract Object compute(Object[] values, EvaluationContext context);

  /** A stateless strict function from a lambda. */
  static Function of(Compute compute) {
    return new Function() {
      @Override
      Object compute(Object[] values, EvaluationContext context) {
        return compute.apply(values, context);
      }
    };
  }

  @FunctionalInterface
  interface Compute {
    Object apply(Object[] values, EvaluationContext context);
  }
}
