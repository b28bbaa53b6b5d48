package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A port was removed: params {@code id}.
 *
 * @since 0.1
 */
public record PortRemove(String portId, Map<String, @Nullable Object> params, double timestamp)
    implements PortEvent {
  public PortRemove {
    requireNonNull(portId, "portId is null");
    requireNonNull(params, "params is null");
  }

  @Override
  public EventType type() {
    return EventType.PORT_REMOVE;
  }
}
