/**
 * The embedded default ({@code demo}): an in-process MQTT broker (Moquette) on loopback and a
 * minimal MQTT 3.1.1 subscriber that shows what the handlers publish, so that the application runs
 * on a machine with nothing else installed.
 */
@NullMarked
package io.github.qtogglemqtt.app.demo;

import org.jspecify.annotations.NullMarked;
