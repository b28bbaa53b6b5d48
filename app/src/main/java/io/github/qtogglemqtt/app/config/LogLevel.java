package io.github.qtogglemqtt.app.config;

import java.util.Locale;
import java.util.Set;

/**
 * Applies {@code --log-level} before the logging backend starts: the backend's configuration reads
 * the level from a system property.
 */
public final class LogLevel {
  /** The system property {@code logback.xml} reads the root level from. */
  public static final String PROPERTY = "qtogglemqtt.log.level";

  private static final Set<String> LEVELS =
      Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE", "OFF");

  private LogLevel() {}

  /** Finds {@code --log-level X} or {@code --log-level=X} among the arguments and applies it. */
  public static void apply(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String level = null;
      if (args[i].equals("--log-level") && i + 1 < args.length) {
        level = args[i + 1];
      } else if (args[i].startsWith("--log-level=")) {
        level = args[i].substring("--log-level=".length());
      }
      if (level != null && LEVELS.contains(level.toUpperCase(Locale.ROOT))) {
        System.setProperty(PROPERTY, level.toUpperCase(Locale.ROOT));
      }
    }
  }
}
