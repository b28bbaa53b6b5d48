/**
 * Integration tests of the MQTT publisher adapters: each runs the core's {@link
 * io.github.qtogglemqtt.core.port.out.BrokerPublisherContract} against real mosquitto brokers.
 */
@NullMarked
package io.github.qtogglemqtt.it.mqtt;

import org.jspecify.annotations.NullMarked;
