package io.github.qtogglemqtt.app.cli;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.app.config.AppConfig;
import io.github.qtogglemqtt.app.config.ConfigLoader;
import io.github.qtogglemqtt.app.demo.DemoSubscriber;
import io.github.qtogglemqtt.app.demo.EmbeddedBroker;
import io.github.qtogglemqtt.app.lifecycle.Lifecycle;
import io.github.qtogglemqtt.app.lifecycle.LoggingHandlerObserver;
import io.github.qtogglemqtt.app.wiring.HandlerMode;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: the embedded default, which runs with nothing else installed. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs everything in one process: an embedded MQTT broker on 127.0.0.1 (port 1883 when free,"
          + " otherwise a free port), a simulated qToggle device, one handler with the default"
          + " settings, and a subscriber that prints each message it receives (topic, two spaces,"
          + " payload) on standard output.",
      "Stops after --duration, or on Ctrl-C."
    })
final class DemoCommand implements Callable<Integer> {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  @Mixin LoggingOptions loggingOptions = new LoggingOptions();

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      description =
          "How long to run: 30s, 2m, 500ms, or a number of seconds (default: until Ctrl-C).")
  @Nullable String duration;

  @Option(
      names = "--broker",
      paramLabel = "URL",
      description =
          "Use this broker instead of the embedded one: tcp://host:port (or host:port; port 1883"
              + " by default).")
  @Nullable String broker;

  @Spec CommandLine.Model.@Nullable CommandSpec spec;

  private final Assembler assembler;
  private final Console console;

  DemoCommand(Assembler assembler, Console console) {
    this.assembler = requireNonNull(assembler, "assembler is null");
    this.console = requireNonNull(console, "console is null");
  }

  @Override
  public Integer call() throws InterruptedException {
    Optional<Duration> runFor = duration == null ? Optional.empty() : Optional.of(parse(duration));
    EmbeddedBroker embedded = null;
    DemoSubscriber subscriber = null;
    Lifecycle lifecycle = null;
    CountDownLatch stopped = new CountDownLatch(1);
    try {
      String host;
      int port;
      if (broker == null) {
        embedded = EmbeddedBroker.start();
        host = embedded.host();
        port = embedded.port();
        console.err().printf("Embedded MQTT broker listening on %s:%d%n", host, port);
      } else {
        URI uri = brokerUri(broker);
        host = uri.getHost();
        port = uri.getPort() < 0 ? 1883 : uri.getPort();
        console.err().printf("Using the MQTT broker at %s:%d%n", host, port);
      }
      AppConfig config =
          ConfigLoader.loadText(
              """
              event_handlers = [
                {
                  driver = "qtoggleserver.mqtt.MQTTEventHandler"
                  server = "%s"
                  port = %d
                }
              ]
              source { type = "simulator" }
              """
                  .formatted(host, port),
              Path.of("demo.conf").toAbsolutePath(),
              null);
      Prepared prepared = Prepared.of(config);
      subscriber = DemoSubscriber.start(host, port, "#", console.out(), CONNECT_TIMEOUT);
      lifecycle =
          assembler.assemble(prepared.launch(HandlerMode.PUBLISH, new LoggingHandlerObserver()));
      Lifecycle started = lifecycle;
      DemoSubscriber listening = subscriber;
      EmbeddedBroker running = embedded;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    started.close();
                    listening.close();
                    if (running != null) {
                      running.close();
                    }
                    stopped.countDown();
                  },
                  "qtoggle-mqtt-demo-shutdown"));
      lifecycle.start();
      console
          .err()
          .println(
              runFor
                  .map(d -> "Running for %s; messages follow.".formatted(duration))
                  .orElse("Running until Ctrl-C; messages follow."));
      if (runFor.isPresent()) {
        stopped.await(runFor.get().toMillis(), TimeUnit.MILLISECONDS);
      } else {
        stopped.await();
      }
      console.err().printf("%d message(s) received%n", subscriber.received());
      return ExitCodes.OK;
    } finally {
      if (lifecycle != null) {
        lifecycle.close();
      }
      if (subscriber != null) {
        subscriber.close();
      }
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private Duration parse(String text) {
    if (text.matches("[0-9]+")) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    return AdapterProperties.parseDuration(text)
        .filter(d -> !d.isNegative())
        .orElseThrow(
            () ->
                new CommandLine.ParameterException(
                    requireNonNull(spec, "spec is null").commandLine(),
                    "--duration: not a duration: %s (e.g. 30s, 2m, 500ms)".formatted(text)));
  }

  private URI brokerUri(String text) {
    String withScheme = text.contains("://") ? text : "tcp://" + text;
    try {
      URI uri = URI.create(withScheme);
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          requireNonNull(spec, "spec is null").commandLine(),
          "--broker: not a broker URL: %s (e.g. tcp://127.0.0.1:1883)".formatted(text));
    }
  }
}
