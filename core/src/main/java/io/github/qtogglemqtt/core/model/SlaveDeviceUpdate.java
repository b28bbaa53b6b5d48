package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A slave device changed: params are the slave object (spec 1.3).
 *
 * @since 0.1
 */
public record SlaveDeviceUpdate(
    String slaveName, Map<String, @Nullable Object> params, double timestamp)
    implements SlaveEvent {
  public SlaveDeviceUpdate {
    requireNonNull(slaveName, "slaveName is null");
    requireNonNull(params, "params is null");
  }

  @Override
  public EventType type() {
    return EventType.SLAVE_DEVICE_UPDATE;
  }
}
