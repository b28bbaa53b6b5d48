package io.github.qtogglemqtt.adapter.source.replay;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.Values;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The replay source's settings.
 *
 * @param path the file to read, resolved against the base directory; null for stdin ({@code "-"})
 * @param rate events per second, or empty for as fast as the sink takes them
 * @param loop start over at the end of the file, until closed
 */
record ReplayConfig(@Nullable Path path, OptionalDouble rate, boolean loop) {
  static final String STDIN = "-";

  ReplayConfig {
    requireNonNull(rate, "rate is null");
  }

  /** Reads the keys {@code path}, {@code rate} and {@code loop}; records every problem. */
  static ReplayConfig from(AdapterProperties properties, AdapterContext context) {
    String file = properties.requireString("path");
    Path path = null;
    if (file.isEmpty()) {
      if (properties.problems().isEmpty()) {
        properties.problem("path", "must not be empty (a file path, or \"-\" for stdin)");
      }
    } else if (!file.equals(STDIN)) {
      path = context.baseDirectory().resolve(file);
    }
    OptionalDouble rate = OptionalDouble.empty();
    Object rawRate = properties.raw("rate");
    if (rawRate != null) {
      if (Values.isNumber(rawRate) && ((Number) rawRate).doubleValue() > 0) {
        rate = OptionalDouble.of(((Number) rawRate).doubleValue());
      } else {
        properties.problem(
            "rate",
            "must be a number of events per second above 0 (got %s)"
                .formatted(rawRate instanceof String s ? "\"" + s + "\"" : Values.pyStr(rawRate)));
      }
    }
    boolean loop = properties.bool("loop", false);
    if (loop && file.equals(STDIN)) {
      properties.problem("loop", "cannot loop over stdin (path = \"-\")");
    }
    return new ReplayConfig(path, rate, loop);
  }
}
