package io.github.qtogglemqtt.core.port.out;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link BrokerPublisher} tells the core about its connection, and asks of it. The core's
 * handler implements it.
 *
 * <p>Methods are called from the publisher's own threads; they return quickly and never throw.
 *
 * @since 0.1
 */
public interface ConnectionListener {

  /**
   * The identity to connect with, asked before <em>every</em> connection attempt: the core renders
   * the {@code client_id}, {@code username} and {@code password} templates with the current device
   * attributes (spec 7.3).
   */
  Credentials credentials();

  /**
   * The availability messages for the coming connection attempt (asked right after {@link
   * #credentials()}), or null when the handler has no {@code availability_topic}.
   */
  default @Nullable Availability availability() {
    return null;
  }

  /** The broker accepted the connection; publishing may start. */
  void connected();

  /**
   * A connection attempt failed or an established connection was lost; the publisher retries on its
   * own.
   *
   * @param reason the reason in words (the broker's CONNACK reason, "connection refused", ...);
   *     never contains credentials
   * @param retryInSeconds when the next attempt starts
   */
  void disconnected(String reason, @Nullable Throwable cause, double retryInSeconds);

  /**
   * A subscription made with {@link BrokerPublisher#subscribe} failed on the current connection
   * (the broker refused it or did not answer); it is tried again after the next connect.
   *
   * @param topicFilter the filter
   * @param reason the reason in words
   * @since 0.2
   */
  default void subscriptionFailed(String topicFilter, String reason) {}
}
