package io.github.qtogglemqtt.app.cli;

import picocli.CommandLine.Option;

/**
 * {@code --log-level}, declared for the help text: {@code Main} applies it before the logging
 * backend starts.
 */
final class LoggingOptions {
  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      description = "Log level on standard error: ERROR, WARN, INFO (default), DEBUG or TRACE.")
  String level = "INFO";
}
