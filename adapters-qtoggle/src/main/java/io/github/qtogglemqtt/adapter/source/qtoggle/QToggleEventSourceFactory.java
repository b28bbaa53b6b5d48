package io.github.qtogglemqtt.adapter.source.qtoggle;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.EventSourceFactory;

/**
 * Creates qToggle API long-poll sources ({@code "qtoggle"}). Keys: {@code url} (required), {@code
 * username} ({@code admin} | {@code normal} | {@code viewonly}, default admin), {@code password} or
 * {@code password_hash} (secrets), {@code tls_verify} (default true), {@code tls_ca}, {@code
 * keepalive} (default 10 s, 1..3600), {@code retry_interval} (default 5 s), {@code request_timeout}
 * (default 10 s), {@code resync_events} (default true). See the module README.
 */
public final class QToggleEventSourceFactory implements EventSourceFactory {

  /** Public for {@link java.util.ServiceLoader}. */
  public QToggleEventSourceFactory() {}

  @Override
  public String name() {
    return "qtoggle";
  }

  @Override
  public EventSource create(AdapterProperties properties, AdapterContext context, EventSink sink) {
    requireNonNull(properties, "properties is null");
    requireNonNull(context, "context is null");
    requireNonNull(sink, "sink is null");
    QToggleConfig config = QToggleConfig.from(properties, context);
    properties.throwIfProblems();
    return new QToggleEventSource(config, context.clock(), sink);
  }
}
