package io.github.qtogglemqtt.adapter.mqtt.hivemq;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.BrokerPublisherFactory;
import io.github.qtogglemqtt.core.spi.MqttConnectionSettings;

/**
 * Creates {@link BrokerPublisher}s on the HiveMQ MQTT Client ({@code client = "hivemq"}, the
 * default client), for MQTT 3.1.1 and MQTT 5. Reads the connection keys of {@link
 * MqttConnectionSettings#KEYS}; no HiveMQ-specific key.
 *
 * @since 0.1
 */
public final class HiveMqBrokerPublisherFactory implements BrokerPublisherFactory {

  /** For {@link java.util.ServiceLoader}. */
  public HiveMqBrokerPublisherFactory() {}

  @Override
  public String name() {
    return "hivemq";
  }

  @Override
  public BrokerPublisher create(AdapterProperties properties, AdapterContext context) {
    requireNonNull(properties, "properties is null");
    requireNonNull(context, "context is null");
    MqttConnectionSettings settings = MqttConnectionSettings.parse(properties, context);
    properties.throwIfProblems();
    return new HiveMqBrokerPublisher(settings);
  }
}
