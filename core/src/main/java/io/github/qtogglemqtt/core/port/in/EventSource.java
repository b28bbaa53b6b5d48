package io.github.qtogglemqtt.core.port.in;

import java.util.concurrent.CompletionStage;

/**
 * A source of qToggle events: the qToggle API (long-poll), a webhook receiver, a replay of recorded
 * events, a simulated device. Created by an {@link
 * io.github.qtogglemqtt.core.spi.EventSourceFactory} with the {@link EventSink} it feeds; started
 * and closed by the app.
 *
 * @since 0.1
 */
public interface EventSource extends AutoCloseable {

  /**
   * Starts delivering: does its I/O on its own thread(s) and returns at once. Failures after start
   * (device unreachable, ...) are retried and reported by the adapter, not thrown here.
   *
   * @throws io.github.qtogglemqtt.core.error.EventSourceException when it cannot start at all (port
   *     in use, file missing)
   */
  void start();

  /**
   * Completes normally when a finite source (a replay) has delivered everything to the sink, or
   * exceptionally when the source gave up. A live source completes only after {@link #close()}.
   * Non-blocking; thread-safe.
   */
  CompletionStage<Void> completion();

  /** Stops delivering and releases resources. Idempotent; never throws. */
  @Override
  void close();
}
