package io.github.qtogglemqtt.core.handler;

import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.OutboundMessage;

/**
 * The last stage of a handler: takes accepted messages in order and sees each one through to an
 * outcome (published or dropped). Two kinds: in front of a broker publisher, and the dry run.
 */
interface Outbox {

  /** Starts any background work. */
  void start();

  /** Takes one message, from the handler's worker thread, in order. Never blocks for long. */
  void offer(OutboundMessage message, Event event);

  /** Whether every message taken so far has an outcome. */
  boolean idle();

  /** The broker connection came up or went down. */
  void connectionChanged(boolean connected);

  /**
   * Publishes what it still holds until {@code deadlineNanos} ({@link System#nanoTime()} base),
   * then reports every leftover as dropped (SHUTDOWN) and stops. Takes nothing afterwards.
   */
  void shutdown(long deadlineNanos);
}
