package io.github.qtogglemqtt.core.testing;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it. Thread-safe. */
public final class MutableClock extends Clock {
  private volatile Instant now;
  private final ZoneId zone;

  private MutableClock(Instant now, ZoneId zone) {
    this.now = requireNonNull(now, "now is null");
    this.zone = requireNonNull(zone, "zone is null");
  }

  /** A clock at {@code now}, in UTC. */
  public static MutableClock at(Instant now) {
    return new MutableClock(now, ZoneOffset.UTC);
  }

  /** A clock at {@code epochSeconds} (fraction included), in UTC. */
  public static MutableClock atEpochSeconds(double epochSeconds) {
    long seconds = (long) Math.floor(epochSeconds);
    long nanos = Math.round((epochSeconds - seconds) * 1e9);
    return at(Instant.ofEpochSecond(seconds, nanos));
  }

  /** Moves the clock forward. */
  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  /** Sets the clock. */
  public void set(Instant instant) {
    now = requireNonNull(instant, "instant is null");
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
