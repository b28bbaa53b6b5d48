package io.github.qtogglemqtt.app.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** {@code --events}: replay a JSON-lines file (or standard input) instead of the source. */
final class EventsOption {
  @Option(
      names = "--events",
      paramLabel = "FILE",
      description =
          "Replay this JSON-lines file (- for standard input) instead of the configured source.")
  @Nullable String events;
}
