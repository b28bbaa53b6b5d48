package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One MQTT message, ready to publish: a validated topic, the payload bytes, QoS and retain, and the
 * MQTT 5 properties (ignored by MQTT 3.1.1 connections).
 *
 * @param topic a valid MQTT topic name: non-empty, no wildcards, no U+0000, at most 65535 UTF-8
 *     bytes
 * @param payload the payload bytes (the array is not copied; nobody may change it)
 * @param qos 0, 1 or 2
 * @param retain whether the broker keeps it as the topic's retained message
 * @param contentType MQTT 5 content type, or null
 * @param messageExpirySeconds MQTT 5 message expiry interval in seconds, or 0 for none
 * @param userProperties MQTT 5 user properties, in order
 * @since 0.1
 */
public record OutboundMessage(
    String topic,
    byte[] payload,
    int qos,
    boolean retain,
    @Nullable String contentType,
    long messageExpirySeconds,
    Map<String, String> userProperties) {

  public OutboundMessage {
    requireNonNull(topic, "topic is null");
    requireNonNull(payload, "payload is null");
    requireNonNull(userProperties, "userProperties is null");
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2 (got %d)".formatted(qos));
    }
    if (messageExpirySeconds < 0) {
      throw new IllegalArgumentException(
          "messageExpirySeconds must be >= 0 (got %d)".formatted(messageExpirySeconds));
    }
  }

  /** A plain message without MQTT 5 properties. */
  public static OutboundMessage of(String topic, String payload, int qos, boolean retain) {
    return new OutboundMessage(
        topic, payload.getBytes(StandardCharsets.UTF_8), qos, retain, null, 0, Map.of());
  }

  /** The payload decoded as UTF-8 (for logs and tests). */
  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "OutboundMessage[topic=%s, %d bytes, qos=%d, retain=%s]"
        .formatted(topic, payload.length, qos, retain);
  }
}
