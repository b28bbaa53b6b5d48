package io.github.qtogglemqtt.core.port.out;

import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import org.jspecify.annotations.Nullable;

/**
 * Told what happens to every event and every connection. The core does not log: the app observes,
 * logs at the level the spec gives, and counts (metrics).
 *
 * <p>Called from handler and publisher threads; implementations are thread-safe, return quickly and
 * never throw.
 *
 * @since 0.1
 */
public interface HandlerObserver {

  /** An observer that ignores everything. */
  HandlerObserver NONE = new HandlerObserver() {};

  /**
   * One outcome for one event of one handler.
   *
   * @param handler the handler's name (its {@code name}, or its index in {@code event_handlers})
   * @param event the event, or null for outcomes of messages that no longer know their event
   */
  default void outcome(String handler, @Nullable Event event, HandlingOutcome outcome) {}

  /** The handler's broker connection is up. */
  default void connected(String handler) {}

  /** The handler's broker connection failed or was lost; {@code reason} never holds secrets. */
  default void disconnected(String handler, String reason, double retryInSeconds) {}

  /** Something the user should know that is not tied to one outcome (NaN written as null, ...). */
  default void warning(String handler, String message) {}
}
