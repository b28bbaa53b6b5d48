package io.github.qtogglemqtt.core.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The configuration is invalid. Carries every problem found, so that a user can fix them all in one
 * pass. Kind {@link ErrorKind#USER}.
 *
 * @since 0.1
 */
public final class ConfigurationException extends BridgeException {
  private final List<Problem> problems;

  public ConfigurationException(List<Problem> problems) {
    super(ErrorKind.USER, describe(problems), null);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigurationException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public ConfigurationException(String path, String message) {
    this(List.of(new Problem(path, message)));
  }

  /** Every problem, in the order found. */
  public List<Problem> problems() {
    return problems;
  }

  private static String describe(List<Problem> problems) {
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
