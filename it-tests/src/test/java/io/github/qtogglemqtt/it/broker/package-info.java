/**
 * Test fixtures for real MQTT brokers: a {@code mosquitto} process per test class on a free
 * loopback port (plain, TLS, mutual TLS, password file, persistence; stop, kill, restart, pause), a
 * TCP proxy whose connections can be cut abruptly, and an MQTT 5 test subscriber.
 */
@NullMarked
package io.github.qtogglemqtt.it.broker;

import org.jspecify.annotations.NullMarked;
