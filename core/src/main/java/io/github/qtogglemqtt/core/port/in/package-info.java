/**
 * Driving (primary) ports: what the core offers to the outside. An event source adapter pushes
 * snapshots and events into an {@link io.github.qtogglemqtt.core.port.in.EventSink}.
 */
@NullMarked
package io.github.qtogglemqtt.core.port.in;

import org.jspecify.annotations.NullMarked;
