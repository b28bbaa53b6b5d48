package io.github.qtogglemqtt.core.port.out;

import io.github.qtogglemqtt.core.model.InboundMessage;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An MQTT client connection for one handler (Eclipse Paho, HiveMQ MQTT Client). Connects and
 * reconnects on its own with the settings its factory parsed; publishes what the core hands it.
 *
 * <p>Thread-safe. {@link #publish} may be called from any thread, but the core calls it from one
 * thread per handler, in order; the publisher keeps that order on the wire.
 *
 * @since 0.1
 */
public interface BrokerPublisher extends AutoCloseable {

  /**
   * The most messages the core has handed to {@link #publish} and not yet seen completed. A
   * publisher sizes its client's in-flight window to at least this (Paho's {@code maxInflight}), so
   * that "too many publishes in progress" never happens.
   *
   * @since 0.1
   */
  int MAX_IN_FLIGHT = 64;

  /**
   * Starts the connection loop in the background and returns at once. Asks the listener for {@link
   * Credentials} before every attempt and tells it about every connection change.
   *
   * @throws IllegalStateException when called twice
   */
  void start(ConnectionListener listener);

  /** Whether the connection is established now. Non-blocking. */
  boolean isConnected();

  /**
   * Publishes one message. Non-blocking.
   *
   * @return completes when the message is written to the connection (QoS 0) or acknowledged by the
   *     broker (QoS 1 and 2); completes exceptionally with a {@link
   *     io.github.qtogglemqtt.core.error.PublishException} when it is not connected, the broker
   *     refuses it, or no acknowledgement comes within the operation timeout
   */
  CompletableFuture<Void> publish(OutboundMessage message);

  /**
   * Subscribes to {@code topicFilter} on this connection and on every later one (the subscription
   * is made again after each reconnect). Non-blocking; may be called before or after {@link
   * #start}. A subscription that the broker refuses is reported to the {@link ConnectionListener}.
   *
   * @param topicFilter an MQTT topic filter
   * @param qos the maximum QoS of deliveries, 0 to 2
   * @param listener told every message that arrives, from a client thread; must return quickly
   * @throws UnsupportedOperationException when this publisher cannot subscribe (the default)
   * @since 0.2
   */
  default void subscribe(String topicFilter, int qos, Consumer<InboundMessage> listener) {
    throw new UnsupportedOperationException(
        "%s cannot subscribe".formatted(getClass().getSimpleName()));
  }

  /**
   * Disconnects cleanly (sending what the settings say to send on a clean shutdown, such as a
   * retained availability {@code offline}) and stops reconnecting. Blocks at most a few seconds.
   * Idempotent; never throws.
   */
  @Override
  void close();
}
