package io.github.qtogglemqtt.core.port.in;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;

/**
 * What an event source pushes into the core. The core's handlers implement it.
 *
 * <p>A source calls these methods from one thread at a time, in the order it observed things: first
 * a {@link #snapshot}, then events; again a snapshot after every gap (reconnect, {@code
 * full-update}). Each handler processes what it receives strictly in that order (spec 3.6).
 *
 * <p>Neither method blocks on the network: handling is queued per handler and the call returns.
 * Neither throws for anything an event contains; a malformed event is the source's to report (see
 * {@link io.github.qtogglemqtt.core.error.InvalidEventException}).
 *
 * @since 0.1
 */
public interface EventSink {

  /**
   * Syncs the handlers' state silently with the whole device (spec 2.10 item 1): nothing is
   * published.
   */
  void snapshot(DeviceSnapshot snapshot);

  /**
   * Handles one event: state update, filter, render, publish (DESIGN.md, "the path of one event").
   */
  void event(Event event);
}
