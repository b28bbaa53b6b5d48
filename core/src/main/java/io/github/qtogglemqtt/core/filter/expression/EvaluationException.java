package io.github.qtogglemqtt.core.filter.expression;

/**
 * An expression failed to evaluate (spec 5.5): the unavailable family (unknown or disabled port,
 * missing attribute, no real clock), an invalid argument value, or an arithmetic error. In a filter
 * it rejects the event with a warning naming the expression.
 */
public final class EvaluationException extends RuntimeException {
  private final boolean unavailable;

  public EvaluationException(String message, boolean unavailable) {
    super(message);
    this.unavailable = unavailable;
  }

  /** Whether this is of the unavailable family (what AVAILABLE and DEFAULT catch). */
  public boolean unavailable() {
    return unavailable;
  }
}
