package io.github.qtogglemqtt.core.spi;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/**
 * What every adapter factory receives from its host besides its properties.
 *
 * @since 0.1
 */
@DoNotImplement
public interface AdapterContext {

  /** The clock to read; tests fix it. */
  Clock clock();

  /** The time zone for calendar work (expression functions, {@code moment}). */
  ZoneId zone();

  /** The directory against which relative file paths in the configuration are resolved. */
  Path baseDirectory();

  /** A context with the system clock and zone, resolving paths against the working directory. */
  static AdapterContext system() {
    return new AdapterContext() {
      @Override
      public Clock clock() {
        return Clock.systemUTC();
      }

      @Override
      public ZoneId zone() {
        return ZoneId.systemDefault();
      }

      @Override
      public Path baseDirectory() {
        return Path.of("").toAbsolutePath();
      }
    };
  }
}
