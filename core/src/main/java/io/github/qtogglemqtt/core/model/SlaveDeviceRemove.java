package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A slave device was removed: params {@code name}.
 *
 * @since 0.1
 */
public record SlaveDeviceRemove(
    String slaveName, Map<String, @Nullable Object> params, double timestamp)
    implements SlaveEvent {
  public SlaveDeviceRemove {
    requireNonNull(slaveName, "slaveName is null");
    requireNonNull(params, "params is null");
  }

  @Override
  public EventType type() {
    return EventType.SLAVE_DEVICE_REMOVE;
  }
}
