package io.github.qtogglemqtt.app.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code version}: prints the version. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Prints the version of qtoggle-mqtt and of the Java runtime.")
final class VersionCommand implements Callable<Integer> {
  private final Console console;

  VersionCommand(Console console) {
    this.console = requireNonNull(console, "console is null");
  }

  @Override
  public Integer call() {
    console.out().println("qtoggle-mqtt " + version());
    console.out().println("Java " + Runtime.version());
    return ExitCodes.OK;
  }

  static String version() {
    try (InputStream in = VersionCommand.class.getResourceAsStream("/qtoggle-mqtt.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
