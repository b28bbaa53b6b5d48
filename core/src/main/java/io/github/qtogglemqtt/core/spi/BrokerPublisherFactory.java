package io.github.qtogglemqtt.core.spi;

import io.github.qtogglemqtt.core.port.out.BrokerPublisher;

/**
 * Creates {@link BrokerPublisher}s of one MQTT client library. Registered in {@code
 * META-INF/services/io.github.qtogglemqtt.core.spi.BrokerPublisherFactory}; selected by the handler
 * entry's {@code client} key.
 *
 * @since 0.1
 */
public interface BrokerPublisherFactory {

  /** Stable, lowercase id used as {@code client} in configuration, e.g. {@code paho}. */
  String name();

  /**
   * Parses the handler entry's connection keys and returns a ready, not yet connected publisher.
   * Does no I/O except reading configured files (certificates, keys).
   *
   * @throws io.github.qtogglemqtt.core.error.ConfigurationException with every problem found
   */
  BrokerPublisher create(AdapterProperties properties, AdapterContext context);
}
