package io.github.qtogglemqtt.core.port.out;

import static java.util.Objects.requireNonNull;

/**
 * The availability messages of one connection (rendered per connection attempt from the handler's
 * {@code availability_topic} template): the broker publishes {@code offlinePayload} as the retained
 * last will when the connection dies; the publisher publishes {@code onlinePayload}, retained,
 * right after every connect, and {@code offlinePayload}, retained, on a clean shutdown.
 *
 * @param topic a valid MQTT topic name
 * @param onlinePayload UTF-8 text, e.g. {@code online}
 * @param offlinePayload UTF-8 text, e.g. {@code offline}
 * @param qos the QoS of the three messages
 * @since 0.1
 */
public record Availability(String topic, String onlinePayload, String offlinePayload, int qos) {
  public Availability {
    requireNonNull(topic, "topic is null");
    requireNonNull(onlinePayload, "onlinePayload is null");
    requireNonNull(offlinePayload, "offlinePayload is null");
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2 (got %d)".formatted(qos));
    }
  }
}
