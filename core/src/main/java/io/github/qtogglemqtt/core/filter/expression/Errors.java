package io.github.qtogglemqtt.core.filter.expression;

/** The evaluation errors of spec 5.5, with messages that say what went wrong. */
final class Errors {
  private Errors() {}

  /** The unavailable family: what {@code AVAILABLE} and {@code DEFAULT} catch. */
  static EvaluationException unavailable(String message) {
    return new EvaluationException(message, true);
  }

  /** An arithmetic error (division by zero, overflow, POW and shift corner cases). */
  static EvaluationException arithmetic(String detail) {
    return new EvaluationException("arithmetic error: " + detail, false);
  }

  static EvaluationException overflow() {
    return arithmetic("integer overflow (results are limited to 64 bits)");
  }

  /** An invalid argument value (date functions), naming its 1-based position. */
  static EvaluationException invalidArgument(int argument, Object value) {
    return new EvaluationException(
        "invalid argument %d: %s".formatted(argument, Py.repr(value)), false);
  }

  /** Any other failure, which the original let escape (D9). */
  static EvaluationException other(String message) {
    return new EvaluationException(message, false);
  }

  /** Prefixes the message with the function that failed, keeping the family. */
  static EvaluationException in(String function, EvaluationException e) {
    EvaluationException wrapped =
        new EvaluationException("%s: %s".formatted(function, e.getMessage()), e.unavailable());
    wrapped.initCause(e);
    return wrapped;
  }
}
