package io.github.qtogglemqtt.core.filter.expression;

import java.util.List;

/**
 * One function call site. A stateful function keeps its memory in its instance, which belongs to
 * one call site of one expression. Most functions are {@link Strict}; the lazy ones ({@code IF},
 * {@code AND}, {@code OR}, {@code AVAILABLE}, {@code DEFAULT}) evaluate only what they need.
 */
abstract class Function {

  /** Evaluates the call; only {@link EvaluationException} escapes. */
  abstract Object call(String name, List<Node> args, EvaluationContext context);

  /** A stateless strict function from a lambda. */
  static Function of(Compute compute) {
    return new Strict() {
      @Override
      Object compute(Object[] values, EvaluationContext context) {
        return compute.apply(values, context);
      }
    };
  }

  /** A lazy function: it receives the argument nodes unevaluated. */
  static Function lazy(LazyCall call) {
    return new Function() {
      @Override
      Object call(String name, List<Node> args, EvaluationContext context) {
        return call.apply(args, context);
      }
    };
  }

  /**
   * A function that evaluates every argument first, so an error in any argument is the function's
   * error (spec 5.2), then computes; errors of the computation are prefixed with its name.
   */
  abstract static class Strict extends Function {
    @Override
    final Object call(String name, List<Node> args, EvaluationContext context) {
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

    /** Computes the result from the evaluated arguments. */
    abstract Object compute(Object[] values, EvaluationContext context);
  }

  @FunctionalInterface
  interface Compute {
    Object apply(Object[] values, EvaluationContext context);
  }

  @FunctionalInterface
  interface LazyCall {
    Object apply(List<Node> args, EvaluationContext context);
  }
}
