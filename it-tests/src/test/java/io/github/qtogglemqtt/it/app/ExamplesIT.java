package io.github.qtogglemqtt.it.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.port.out.BrokerPublisherContract;
import io.github.qtogglemqtt.it.broker.MosquittoBroker;
import io.github.qtogglemqtt.it.broker.TestSubscriber;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two examples outside the reactor, compiled from their sources against the modules' built
 * classes (offline) and run: a library user wiring core + HiveMQ + Pebble by hand, and a
 * third-party publisher picked up by the unchanged app from the class path.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ExamplesIT {
  private static final Path EXAMPLES = AppProcess.REPOSITORY.resolve("examples");

  @TempDir Path dir;

  private static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** Compiles every source of an example (and copies its resources) into {@code out}. */
  private static void compile(Path example, Path out) throws IOException {
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp", testClassPath()));
    try (Stream<Path> sources = Files.walk(example.resolve("src/main/java"))) {
      sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = javac.run(null, errors, errors, args.toArray(String[]::new));
    assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
    Path resources = example.resolve("src/main/resources");
    if (Files.isDirectory(resources)) {
      try (Stream<Path> files = Files.walk(resources)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path target = out.resolve(resources.relativize(file).toString());
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
    }
  }

  private static AppProcess.Result java(String classPath, String... args)
      throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-cp", classPath));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(AppProcess.REPOSITORY.toFile()).start();
    process.getOutputStream().close();
    byte[][] streams = new byte[2][];
    Thread err = Thread.ofVirtual().start(() -> streams[1] = readAll(process.getErrorStream()));
    streams[0] = readAll(process.getInputStream());
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("finished in time").isTrue();
    err.join();
    return new AppProcess.Result(
        process.exitValue(),
        new String(streams[0], StandardCharsets.UTF_8),
        new String(streams[1], StandardCharsets.UTF_8));
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void libraryUsage_wiredByHandWithoutGuice_publishesOneEvent() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("library-usage"));
    compile(EXAMPLES.resolve("library-usage"), classes);

    try (MosquittoBroker broker = MosquittoBroker.builder().start();
        TestSubscriber subscriber =
            TestSubscriber.subscribe(broker.host(), broker.port(), "library/#")) {
      AppProcess.Result result =
          java(
              classes + File.pathSeparator + testClassPath(),
              "example.LibraryUsage",
              broker.host(),
              Integer.toString(broker.port()));

      assertThat(result.status()).as(result.err()).isZero();
      assertThat(result.out()).contains("published library/lib/relay on");
      BrokerPublisherContract.Received received = subscriber.next(Duration.ofSeconds(20));
      assertThat(received).isNotNull();
      assertThat(received.topic()).isEqualTo("library/lib/relay");
      assertThat(received.text()).isEqualTo("on");
    }
  }

  @Test
  void customPublisher_onTheClassPath_isAClientOfTheUnchangedApp() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("custom-publisher"));
    compile(EXAMPLES.resolve("custom-publisher"), classes);
    Path config = dir.resolve("stdout.conf");
    Files.writeString(
        config,
        """
        event_handlers = [
          {
            driver = "qtoggleserver.mqtt.MQTTEventHandler"
            server = "unused"
            client = "stdout"
            filter = { type = "value-change" }
            topic = "{{device_attrs.name}}/ports/{{port.get_id()}}"
            templates = { "value-change" = "{{port.get_pretty_value()}}" }
          }
        ]
        """);
    String classPath = AppProcess.jar() + File.pathSeparator + classes;

    AppProcess.Result run =
        java(
            classPath,
            "io.github.qtogglemqtt.app.Main",
            "run",
            "-c",
            config.toString(),
            "--events",
            "examples/sample/events.jsonl");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out().lines().toList())
        .containsExactly("hub/ports/relay on", "hub/ports/temp 21.75°C", "hub/ports/relay off");
  }
}
