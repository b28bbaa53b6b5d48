package io.github.qtogglemqtt.app.cli;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.error.BridgeException;
import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.Problem;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place failures become output and exit statuses: every configuration problem, one per
 * line, and status 2; a user error status 2; anything else status 1 with its reason.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
  private final Console console;

  ErrorReporter(Console console) {
    this.console = requireNonNull(console, "console is null");
  }

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine commandLine, ParseResult parseResult) {
    Throwable failure = exception;
    while (failure instanceof CompletionException && failure.getCause() != null) {
      failure = failure.getCause();
    }
    if (failure instanceof CommandLine.ParameterException usage) {
      console.err().println(usage.getMessage());
      return ExitCodes.USAGE;
    }
    if (failure instanceof ConfigurationException configuration) {
      int count = configuration.problems().size();
      console
          .err()
          .println("The configuration has %d problem%s:".formatted(count, count == 1 ? "" : "s"));
      for (Problem problem : configuration.problems()) {
        console.err().println("  " + problem);
      }
      return ExitCodes.USAGE;
    }
    if (failure instanceof BridgeException bridge) {
      console.err().println("error: " + bridge.getMessage());
      return bridge.kind() == ErrorKind.USER ? ExitCodes.USAGE : ExitCodes.FAILURE;
    }
    console.err().println("error: " + failure);
    if (failure.getCause() != null) {
      console.err().println("  caused by: " + failure.getCause());
    }
    return ExitCodes.FAILURE;
  }
}
