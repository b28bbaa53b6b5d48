package io.github.qtogglemqtt.app.cli;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code check}: validates a configuration, compiling its templates and filters. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Validates a configuration without connecting anywhere: every key of every handler and of"
          + " the source, templates and filters compiled. Prints OK with what it found, or every"
          + " problem (exit status 2)."
    })
final class CheckCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions = new ConfigOptions();
  @Mixin LoggingOptions loggingOptions = new LoggingOptions();

  private final Console console;

  CheckCommand(Console console) {
    this.console = requireNonNull(console, "console is null");
  }

  @Override
  public Integer call() {
    Prepared prepared = Prepared.of(configOptions.config(), null);
    int handlers = prepared.validation().handlers();
    console
        .out()
        .println("OK: %d handler%s, 1 source".formatted(handlers, handlers == 1 ? "" : "s"));
    return ExitCodes.OK;
  }
}
