package io.github.qtogglemqtt.app.cli;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code qtoggle-mqtt} command and its subcommands. */
@Command(
    name = "qtoggle-mqtt",
    mixinStandardHelpOptions = true,
    versionProvider = CommandLineApp.Version.class,
    description = "Publishes the events of a qToggle device to MQTT brokers.")
public final class CommandLineApp implements Callable<Integer> {
  private final Console console;
  private CommandLine commandLine = new CommandLine(this);

  private CommandLineApp(Console console) {
    this.console = console;
  }

  /** The command line, ready to {@code execute(args)}; returns the exit status. */
  public static CommandLine create(Assembler assembler, Console console) {
    requireNonNull(assembler, "assembler is null");
    requireNonNull(console, "console is null");
    CommandLineApp root = new CommandLineApp(console);
    CommandLine commandLine = new CommandLine(root);
    root.commandLine = commandLine;
    commandLine.addSubcommand("run", new RunCommand(assembler, console));
    commandLine.addSubcommand("render", new RenderCommand(assembler, console));
    commandLine.addSubcommand("check", new CheckCommand(console));
    commandLine.addSubcommand("demo", new DemoCommand(assembler, console));
    commandLine.addSubcommand("version", new VersionCommand(console));
    commandLine.setOut(console.out());
    commandLine.setErr(console.err());
    commandLine.setExecutionExceptionHandler(new ErrorReporter(console));
    return commandLine;
  }

  /** Without a subcommand: the usage, on standard error, and status 2. */
  @Override
  public Integer call() {
    console.err().println("A subcommand is required.");
    commandLine.usage(console.err());
    return ExitCodes.USAGE;
  }

  /** {@code --version}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"qtoggle-mqtt " + VersionCommand.version()};
    }
  }
}
