package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A port was added: params are the full port object (attributes, {@code value}, {@code
 * pending_value}, {@code definitions}).
 *
 * @since 0.1
 */
public record PortAdd(String portId, Map<String, @Nullable Object> params, double timestamp)
    implements PortEvent {
  public PortAdd {
    requireNonNull(portId, "portId is null");
    requireNonNull(params, "params is null");
  }

  @Override
  public EventType type() {
    return EventType.PORT_ADD;
  }
}
