package io.github.qtogglemqtt.core.handler;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** Validation of rendered topic names (spec 7.8, D15). */
final class Topics {
  /** The longest topic name MQTT allows, in UTF-8 bytes. */
  static final int MAX_TOPIC_BYTES = 65_535;

  private Topics() {}

  /**
   * Why a rendered topic cannot be published, or null when it can: empty, a wildcard ({@code +} or
   * {@code #}), U+0000, or longer than 65535 UTF-8 bytes.
   */
  static @Nullable String invalidReason(String topic) {
    if (topic.isEmpty()) {
      return "the topic is empty";
    }
    if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
      return "the topic contains a wildcard (+ or #)";
    }
    if (topic.indexOf('\0') >= 0) {
      return "the topic contains U+0000";
    }
    if (topic.length() > MAX_TOPIC_BYTES / 3) {
      int bytes = topic.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_TOPIC_BYTES) {
        return "the topic is %d UTF-8 bytes long (at most %d)".formatted(bytes, MAX_TOPIC_BYTES);
      }
    }
    return null;
  }
}
