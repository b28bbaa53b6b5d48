package io.github.qtogglemqtt.adapter.mqtt.paho;

import io.github.qtogglemqtt.core.spi.MqttConnectionSettings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Paho's exceptions in words (reason code names, never credentials), and small conversions. */
final class PahoReasons {
  private PahoReasons() {}

  static String uri(MqttConnectionSettings settings) {
    String host = settings.server();
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]"; // an IPv6 literal
    }
    return "%s://%s:%d".formatted(settings.tls() == null ? "tcp" : "ssl", host, settings.port());
  }

  /** Whole seconds, rounded up, at least 1 (Paho's 0 means "wait forever"). */
  static int seconds(Duration duration) {
    long seconds = (duration.toMillis() + 999) / 1000;
    return Math.clamp(seconds, 1, Integer.MAX_VALUE);
  }

  /** A Paho 3 exception in words: its message (the reason code's name), code and cause. */
  static String v3(@Nullable Throwable error) {
    if (error instanceof org.eclipse.paho.client.mqttv3.MqttException e) {
      return describe(e.getMessage(), e.getReasonCode(), e.getCause());
    }
    return plain(error);
  }

  /** A Paho 5 exception in words. */
  static String v5(@Nullable Throwable error) {
    if (error instanceof org.eclipse.paho.mqttv5.common.MqttException e) {
      return describe(e.getMessage(), e.getReasonCode(), e.getCause());
    }
    return plain(error);
  }

  private static String describe(@Nullable String message, int code, @Nullable Throwable cause) {
    StringBuilder text = new StringBuilder(message == null ? "error" : message);
    text.append(" (code ").append(code).append(')');
    if (cause != null && cause.getMessage() != null && !cause.getMessage().equals(message)) {
      text.append(": ").append(plain(cause));
    }
    return text.toString();
  }

  private static String plain(@Nullable Throwable error) {
    if (error == null) {
      return "unknown error";
    }
    String message = error.getMessage();
    return message == null
        ? error.getClass().getSimpleName()
        : error.getClass().getSimpleName() + ": " + message;
  }
}
