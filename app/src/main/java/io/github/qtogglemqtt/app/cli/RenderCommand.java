package io.github.qtogglemqtt.app.cli;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.app.lifecycle.CompositeObserver;
import io.github.qtogglemqtt.app.lifecycle.Lifecycle;
import io.github.qtogglemqtt.app.lifecycle.LoggingHandlerObserver;
import io.github.qtogglemqtt.app.lifecycle.MessagePrinter;
import io.github.qtogglemqtt.app.wiring.HandlerMode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code render}: events in, the messages that would be published out, as JSON lines. */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = {
      "Dry run: reads events, prints on standard output one JSON line per message the configured"
          + " handlers would publish ({\"handler\", \"topic\", \"payload\", \"qos\", \"retain\"}),"
          + " and publishes nothing.",
      "Without --events, the configured source is used (standard input when none is configured)."
    })
final class RenderCommand implements Callable<Integer> {
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

  @Mixin ConfigOptions configOptions = new ConfigOptions();
  @Mixin EventsOption eventsOption = new EventsOption();
  @Mixin LoggingOptions loggingOptions = new LoggingOptions();

  private final Assembler assembler;
  private final Console console;

  RenderCommand(Assembler assembler, Console console) {
    this.assembler = requireNonNull(assembler, "assembler is null");
    this.console = requireNonNull(console, "console is null");
  }

  @Override
  public Integer call() {
    Prepared prepared = Prepared.of(configOptions.config(), eventsOption.events);
    MessagePrinter printer = new MessagePrinter(console.out(), prepared.displayNames());
    CompositeObserver observer =
        new CompositeObserver(List.of(new LoggingHandlerObserver(), printer));
    try (Lifecycle lifecycle = assembler.assemble(prepared.launch(HandlerMode.DRY_RUN, observer))) {
      lifecycle.start();
      lifecycle.sourceCompletion().toCompletableFuture().join();
      if (!lifecycle.awaitIdle(IDLE_TIMEOUT)) {
        console.err().println("error: the handlers did not finish within " + IDLE_TIMEOUT);
        return ExitCodes.FAILURE;
      }
    }
    return ExitCodes.OK;
  }
}
