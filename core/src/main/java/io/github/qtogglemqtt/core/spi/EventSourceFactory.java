package io.github.qtogglemqtt.core.spi;

import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.in.EventSource;

/**
 * Creates {@link EventSource}s of one kind (qToggle API, webhooks, replay, simulator). Registered
 * in {@code META-INF/services/io.github.qtogglemqtt.core.spi.EventSourceFactory}; selected by the
 * configuration's source.
 *
 * @since 0.1
 */
public interface EventSourceFactory {

  /** Stable, lowercase id, e.g. {@code qtoggle}, {@code replay}. */
  String name();

  /**
   * Parses the source's keys and returns a ready, not yet started source that will feed {@code
   * sink}. No I/O.
   *
   * @throws io.github.qtogglemqtt.core.error.ConfigurationException with every problem found
   */
  EventSource create(AdapterProperties properties, AdapterContext context, EventSink sink);
}
