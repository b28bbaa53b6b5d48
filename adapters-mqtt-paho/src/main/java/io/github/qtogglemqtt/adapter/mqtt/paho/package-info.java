/**
 * The Eclipse Paho adapter of the {@link io.github.qtogglemqtt.core.port.out.BrokerPublisher} port:
 * a secondary adapter that publishes a handler's messages with Paho's MQTT 3.1.1 client ({@code
 * org.eclipse.paho.client.mqttv3}) or its MQTT 5 client ({@code org.eclipse.paho.mqttv5.client}),
 * selected by {@code protocol_version}. Connection keys are parsed by {@link
 * io.github.qtogglemqtt.core.spi.MqttConnectionSettings}; the connection loop is the shared {@link
 * io.github.qtogglemqtt.core.spi.ConnectionLoop}. Only the factory is public.
 */
@NullMarked
package io.github.qtogglemqtt.adapter.mqtt.paho;

import org.jspecify.annotations.NullMarked;
