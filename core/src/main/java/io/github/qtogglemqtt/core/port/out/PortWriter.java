package io.github.qtogglemqtt.core.port.out;

import java.util.concurrent.CompletionStage;

/**
 * Writes a port value to the device (Home Assistant commands, issue 9): the qToggle source with
 * {@code PATCH /api/ports/<id>/value}, replay and simulator sources by applying it to their own
 * state. The device then reports the change as a value-change event, which publishes the new state.
 *
 * <p>A source that can write port values implements this next to {@link
 * io.github.qtogglemqtt.core.port.in.EventSource}; the app hands it to the handlers.
 *
 * <p>Thread-safe; non-blocking.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface PortWriter {

  /**
   * Writes one value, already validated against the port's type, range and choices.
   *
   * @param portId the port's id
   * @param value a {@link Boolean}, {@link Long} or {@link Double}
   * @return completes when the device took the value; completes exceptionally with the reason
   *     otherwise
   */
  CompletionStage<Void> write(String portId, Object value);
}
