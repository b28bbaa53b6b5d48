package io.github.qtogglemqtt.adapter.source.replay;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.EventSourceFactory;

/**
 * Creates replay sources ({@code "replay"}): recorded events and snapshots as UTF-8 JSON lines,
 * from a file or stdin. Keys: {@code path} (required; {@code "-"} for stdin), {@code rate} (events
 * per second; default as fast as possible), {@code loop} (default false).
 */
public final class ReplayEventSourceFactory implements EventSourceFactory {

  /** Public for {@link java.util.ServiceLoader}. */
  public ReplayEventSourceFactory() {}

  @Override
  public String name() {
    return "replay";
  }

  @Override
  public EventSource create(AdapterProperties properties, AdapterContext context, EventSink sink) {
    requireNonNull(properties, "properties is null");
    requireNonNull(context, "context is null");
    requireNonNull(sink, "sink is null");
    ReplayConfig config = ReplayConfig.from(properties, context);
    properties.throwIfProblems();
    return new ReplayEventSource(config, context.clock(), sink);
  }
}
