package io.github.qtogglemqtt.it.app;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code app/target/qtoggle-mqtt.jar} as a process with the JVM running the tests, under
 * {@code LC_ALL=C} (so that output that is not explicitly UTF-8 would show as {@code ?}).
 */
final class AppProcess {
  static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  /** What a finished process left. */
  record Result(int status, String out, String err) {
    List<String> outLines() {
      return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
  }

  private AppProcess() {}

  static Path jar() {
    Path jar =
        Path.of(
            System.getProperty(
                "qtogglemqtt.app.jar",
                REPOSITORY.resolve("app/target/qtoggle-mqtt.jar").toString()));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("the app jar is not built: " + jar);
    }
    return jar;
  }

  static Result run(Duration timeout, String... args) {
    return run(timeout, null, args);
  }

  /** Runs the jar with the arguments, feeding {@code stdin} when not null, and waits. */
  static Result run(Duration timeout, byte[] stdin, String... args) {
    requireNonNull(timeout, "timeout is null");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(REPOSITORY.toFile());
    Map<String, String> environment = builder.environment();
    environment.put("LC_ALL", "C");
    environment.remove("LANG");
    environment.remove("JAVA_TOOL_OPTIONS");
    try {
      Process process = builder.start();
      CompletableFuture<byte[]> out =
          CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      try (var input = process.getOutputStream()) {
        if (stdin != null) {
          input.write(stdin);
        }
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "%s did not finish within %s; stderr so far is lost".formatted(args, timeout));
      }
      return new Result(
          process.exitValue(),
          new String(out.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8),
          new String(err.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("could not read the process's output", e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
