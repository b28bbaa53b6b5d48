package io.github.qtogglemqtt.adapter.source.simulator;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.spi.AdapterProperties;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The simulator's settings.
 *
 * @param name the device name ({@code name} attribute; default topic prefix)
 * @param interval time between two steps of the random walk
 * @param seed the random walk's seed: the same seed gives the same values
 * @param deviceUpdates whether to emit a {@code device-update} every 5 s, as a qToggleServer does
 */
record SimulatorConfig(String name, Duration interval, long seed, boolean deviceUpdates) {
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
  static final long DEFAULT_SEED = 42;
  private static final Pattern NAME = Pattern.compile("[_a-zA-Z][_a-zA-Z0-9-]{0,31}");

  SimulatorConfig {
    requireNonNull(name, "name is null");
    requireNonNull(interval, "interval is null");
  }

  /** Reads {@code name}, {@code interval}, {@code seed} and {@code device_updates}. */
  static SimulatorConfig from(AdapterProperties properties) {
    String name = properties.string("name", "simulator");
    if (!NAME.matcher(name).matches()) {
      properties.problem(
          "name",
          "must be a qToggle device name: a letter or _, then up to 31 letters, digits, _ or -"
              + " (got \"%s\")".formatted(name));
    }
    Duration interval = properties.duration("interval", DEFAULT_INTERVAL);
    if (interval.compareTo(Duration.ofMillis(1)) < 0
        || interval.compareTo(Duration.ofHours(1)) > 0) {
      properties.problem(
          "interval", "must be between 1ms and 1h (got %d ms)".formatted(interval.toMillis()));
      interval = DEFAULT_INTERVAL;
    }
    long seed = properties.longValue("seed", DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
    boolean deviceUpdates = properties.bool("device_updates", false);
    return new SimulatorConfig(name, interval, seed, deviceUpdates);
  }
}
