package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A port's attributes changed: params are the full port object.
 *
 * @since 0.1
 */
public record PortUpdate(String portId, Map<String, @Nullable Object> params, double timestamp)
    implements PortEvent {
  public PortUpdate {
    requireNonNull(portId, "portId is null");
    requireNonNull(params, "params is null");
  }

  @Override
  public EventType type() {
    return EventType.PORT_UPDATE;
  }
}
