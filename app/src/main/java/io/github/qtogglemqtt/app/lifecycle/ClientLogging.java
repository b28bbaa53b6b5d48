package io.github.qtogglemqtt.app.lifecycle;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The add-on's {@code client_logging} key: whether the MQTT client libraries' own log lines are
 * shown. Paho logs through {@code java.util.logging} (bridged into SLF4J here) and the HiveMQ
 * client through SLF4J; both are process-wide, so the switch is on when any handler asks for it.
 */
public final class ClientLogging {
  /** The loggers of the client libraries. */
  static final List<String> LIBRARY_LOGGERS = List.of("org.eclipse.paho", "com.hivemq.client");

  private ClientLogging() {}

  /**
   * Shows the libraries' log lines from DEBUG up when {@code on}, none otherwise. With a logging
   * backend other than Logback the backend's own configuration decides.
   */
  public static void apply(boolean on) {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      Level level = on ? Level.DEBUG : Level.OFF;
      for (String name : LIBRARY_LOGGERS) {
        context.getLogger(name).setLevel(level);
      }
    }
  }
}
