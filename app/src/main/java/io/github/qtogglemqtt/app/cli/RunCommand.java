package io.github.qtogglemqtt.app.cli;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.app.lifecycle.Lifecycle;
import io.github.qtogglemqtt.app.lifecycle.LoggingHandlerObserver;
import io.github.qtogglemqtt.app.wiring.HandlerMode;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: the main job. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes the events of the configured source to the configured brokers.",
      "A live source runs until SIGINT or SIGTERM, then shuts down gracefully. A replay"
          + " (--events, or source = replay) exits 0 once every message is sent (QoS 0) or"
          + " acknowledged (QoS 1, 2)."
    })
final class RunCommand implements Callable<Integer> {
  @Mixin ConfigOptions configOptions = new ConfigOptions();
  @Mixin EventsOption eventsOption = new EventsOption();
  @Mixin LoggingOptions loggingOptions = new LoggingOptions();

  @Option(
      names = "--drain-timeout",
      paramLabel = "SECONDS",
      description =
          "After a replay ends, how long to wait for every message to be sent or acknowledged"
              + " (default: ${DEFAULT-VALUE}).")
  long drainSeconds = 60;

  private final Assembler assembler;
  private final Console console;

  RunCommand(Assembler assembler, Console console) {
    this.assembler = requireNonNull(assembler, "assembler is null");
    this.console = requireNonNull(console, "console is null");
  }

  @Override
  public Integer call() throws InterruptedException {
    Prepared prepared = Prepared.of(configOptions.config(), eventsOption.events);
    Lifecycle lifecycle =
        assembler.assemble(prepared.launch(HandlerMode.PUBLISH, new LoggingHandlerObserver()));
    AtomicBoolean stopping = new AtomicBoolean();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stopping.set(true);
              lifecycle.close();
              stopped.countDown();
            },
            "qtoggle-mqtt-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      lifecycle.start();
      lifecycle.sourceCompletion().toCompletableFuture().join();
      if (stopping.get()) {
        stopped.await();
        return ExitCodes.OK;
      }
      Duration drain = Duration.ofSeconds(drainSeconds);
      if (!lifecycle.awaitIdle(drain)) {
        console
            .err()
            .println(
                "error: not every message was sent or acknowledged within %d s; is the broker up?"
                    .formatted(drainSeconds));
        return ExitCodes.FAILURE;
      }
      return ExitCodes.OK;
    } finally {
      if (!stopping.get()) {
        lifecycle.close();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // the JVM is already shutting down; the hook's close is a no-op now
        }
      }
    }
  }
}
