package io.github.qtogglemqtt.app.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The options every command that reads a configuration shares. */
final class ConfigOptions {
  @Option(
      names = {"-c", "--config"},
      required = true,
      paramLabel = "FILE",
      description = "The HOCON configuration: our own file or a whole qtoggleserver.conf.")
  @Nullable Path config;

  Path config() {
    if (config == null) {
      throw new IllegalStateException("picocli did not set the required --config option");
    }
    return config;
  }
}
