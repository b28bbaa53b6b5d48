/**
 * Outage tests of the whole publishing path: a real {@link
 * io.github.qtogglemqtt.core.handler.EventHandler} with the real publisher (paho or hivemq), the
 * Pebble engine and the Jackson encoder, fed a stream of counter events while a real mosquitto is
 * started late, restarted, killed, stalled or kept away past the outbox's capacity; a persistent
 * MQTT 5 subscriber counts what arrives.
 */
@NullMarked
package io.github.qtogglemqtt.it.outage;

import org.jspecify.annotations.NullMarked;
