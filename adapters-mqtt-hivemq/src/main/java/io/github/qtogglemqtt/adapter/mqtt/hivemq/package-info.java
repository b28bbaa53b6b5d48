/**
 * The HiveMQ MQTT Client adapter of the {@link io.github.qtogglemqtt.core.port.out.BrokerPublisher}
 * port: a secondary adapter that publishes a handler's messages with the HiveMQ client's MQTT 3.1.1
 * or MQTT 5 async API, selected by {@code protocol_version}. Connection keys are parsed by {@link
 * io.github.qtogglemqtt.core.spi.MqttConnectionSettings}; the connection loop is the shared {@link
 * io.github.qtogglemqtt.core.spi.ConnectionLoop}. Only the factory is public.
 */
@NullMarked
package io.github.qtogglemqtt.adapter.mqtt.hivemq;

import org.jspecify.annotations.NullMarked;
