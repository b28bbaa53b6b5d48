/**
 * Driven (secondary) ports: what the core needs from the outside. Template engines, the JSON
 * encoder, MQTT broker publishers and the observer of handling outcomes are adapters of these
 * interfaces.
 */
@NullMarked
package io.github.qtogglemqtt.core.port.out;

import org.jspecify.annotations.NullMarked;
