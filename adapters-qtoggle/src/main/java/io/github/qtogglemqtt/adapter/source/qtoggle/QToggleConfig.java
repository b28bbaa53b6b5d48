package io.github.qtogglemqtt.adapter.source.qtoggle;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import java.time.Duration;

/**
 * The long-poll source's settings.
 *
 * @param api how to reach the device
 * @param keepaliveSeconds the {@code timeout} of {@code GET /api/listen} after the first poll
 * @param resyncEvents after a gap, deliver the differences as events instead of only a silent
 *     snapshot
 */
record QToggleConfig(ApiConfig api, long keepaliveSeconds, boolean resyncEvents) {
  static final long DEFAULT_KEEPALIVE_SECONDS = 10;

  QToggleConfig {
    requireNonNull(api, "api is null");
  }

  /** The client's read timeout of a listen request: keep-alive + 10 s (spec 2.9). */
  Duration listenReadTimeout() {
    return Duration.ofSeconds(keepaliveSeconds + 10);
  }

  /** Reads the keys of a {@code qtoggle} source; records every problem. */
  static QToggleConfig from(AdapterProperties properties, AdapterContext context) {
    ApiConfig api = ApiConfig.from(properties, context, "password");
    long keepalive = keepaliveSeconds(properties);
    boolean resync = properties.bool("resync_events", true);
    return new QToggleConfig(api, keepalive, resync);
  }

  private static long keepaliveSeconds(AdapterProperties properties) {
    Duration keepalive =
        properties.duration("keepalive", Duration.ofSeconds(DEFAULT_KEEPALIVE_SECONDS));
    long seconds = keepalive.getSeconds();
    if (keepalive.getNano() != 0 || seconds < 1 || seconds > 3600) {
      properties.problem(
          "keepalive",
          "must be a whole number of seconds between 1 and 3600 (got %s)"
              .formatted(Durations.describe(keepalive)));
      return DEFAULT_KEEPALIVE_SECONDS;
    }
    return seconds;
  }
}
