package io.github.qtogglemqtt.adapter.mqtt.paho;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.BrokerPublisherFactory;
import io.github.qtogglemqtt.core.spi.MqttConnectionSettings;

/**
 * Creates {@link BrokerPublisher}s on Eclipse Paho ({@code client = "paho"}): MQTT 3.1.1 with
 * {@code org.eclipse.paho.client.mqttv3}, MQTT 5 with {@code org.eclipse.paho.mqttv5.client}. Reads
 * the connection keys of {@link MqttConnectionSettings#KEYS}; no Paho-specific key.
 *
 * @since 0.1
 */
public final class PahoBrokerPublisherFactory implements BrokerPublisherFactory {

  /** For {@link java.util.ServiceLoader}. */
  public PahoBrokerPublisherFactory() {}

  @Override
  public String name() {
    return "paho";
  }

  @Override
  public BrokerPublisher create(AdapterProperties properties, AdapterContext context) {
    requireNonNull(properties, "properties is null");
    requireNonNull(context, "context is null");
    MqttConnectionSettings settings = MqttConnectionSettings.parse(properties, context);
    properties.throwIfProblems();
    return new PahoBrokerPublisher(settings);
  }
}
