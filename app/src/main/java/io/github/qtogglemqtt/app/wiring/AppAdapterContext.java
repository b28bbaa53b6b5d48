package io.github.qtogglemqtt.app.wiring;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.spi.AdapterContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/** The app's {@link AdapterContext}: relative paths resolve against the configuration's folder. */
public record AppAdapterContext(Clock clock, ZoneId zone, Path baseDirectory)
    implements AdapterContext {
  public AppAdapterContext {
    requireNonNull(clock, "clock is null");
    requireNonNull(zone, "zone is null");
    requireNonNull(baseDirectory, "baseDirectory is null");
  }

  /** The system clock (UTC) and time zone, paths relative to {@code baseDirectory}. */
  public static AppAdapterContext system(Path baseDirectory) {
    return new AppAdapterContext(Clock.systemUTC(), ZoneId.systemDefault(), baseDirectory);
  }
}
