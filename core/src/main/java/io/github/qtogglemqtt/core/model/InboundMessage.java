package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * One MQTT message received on a subscription of a handler's broker connection (Home Assistant's
 * birth message, issue 9).
 *
 * @param topic the topic it was published on
 * @param payload the payload bytes (the array is not copied; nobody may change it)
 * @param retained whether the broker delivered it as the topic's retained message
 * @since 0.2
 */
public record InboundMessage(String topic, byte[] payload, boolean retained) {
  public InboundMessage {
    requireNonNull(topic, "topic is null");
    requireNonNull(payload, "payload is null");
  }

  /** The payload decoded as UTF-8. */
  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "InboundMessage[topic=%s, %d bytes, retained=%s]"
        .formatted(topic, payload.length, retained);
  }
}
