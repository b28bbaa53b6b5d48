package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A port's value changed: params {@code id}, {@code value}, optionally {@code old_value}. The
 * handler's old value comes from its own state (spec 3.2), not from {@code old_value}.
 *
 * @since 0.1
 */
public record ValueChange(String portId, Map<String, @Nullable Object> params, double timestamp)
    implements PortEvent {
  public ValueChange {
    requireNonNull(portId, "portId is null");
    requireNonNull(params, "params is null");
  }

  @Override
  public EventType type() {
    return EventType.VALUE_CHANGE;
  }
}
