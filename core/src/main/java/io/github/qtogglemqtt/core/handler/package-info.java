/**
 * The orchestration of one configured handler: state tracking, filtering, context building, payload
 * and topic rendering, and the outbox in front of the broker publisher. Implements the driving port
 * {@link io.github.qtogglemqtt.core.port.in.EventSink}.
 */
@NullMarked
package io.github.qtogglemqtt.core.handler;

import org.jspecify.annotations.NullMarked;
