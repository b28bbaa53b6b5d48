package io.github.qtogglemqtt.adapter.source.simulator;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.EventSourceFactory;

/**
 * Creates simulated devices ({@code "simulator"}), the source of {@code demo}. Keys: {@code name}
 * (default {@code simulator}), {@code interval} (default 1s), {@code seed} (default 42), {@code
 * device_updates} (default false).
 */
public final class SimulatorEventSourceFactory implements EventSourceFactory {

  /** Public for {@link java.util.ServiceLoader}. */
  public SimulatorEventSourceFactory() {}

  @Override
  public String name() {
    return "simulator";
  }

  @Override
  public EventSource create(AdapterProperties properties, AdapterContext context, EventSink sink) {
    requireNonNull(properties, "properties is null");
    requireNonNull(context, "context is null");
    requireNonNull(sink, "sink is null");
    SimulatorConfig config = SimulatorConfig.from(properties);
    properties.throwIfProblems();
    return new SimulatorEventSource(config, context.clock(), sink);
  }
}
