package io.github.qtogglemqtt.adapter.source.qtoggle;

import java.time.Duration;

/** Durations as a user writes them in the configuration: {@code 300ms}, {@code 5s}, {@code 2m}. */
final class Durations {
  private Durations() {}

  static String describe(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
