/**
 * The simulator event source, a primary adapter: an in-process, qToggle-like device with a relay, a
 * thermometer and a mode selector whose values follow a seeded random walk. It feeds the core's
 * {@code EventSink} with a snapshot and then value changes, so that {@code demo} runs with nothing
 * else installed.
 */
@NullMarked
package io.github.qtogglemqtt.adapter.source.simulator;

import org.jspecify.annotations.NullMarked;
