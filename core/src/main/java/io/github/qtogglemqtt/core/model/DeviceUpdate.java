package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The main device's attributes (params: the full device object, {@code definitions} included).
 *
 * @since 0.1
 */
public record DeviceUpdate(Map<String, @Nullable Object> params, double timestamp)
    implements DeviceEvent {
  public DeviceUpdate {

    requireNonNull(params, "params is null");
  }

  @Override
  public EventType type() {
    return EventType.DEVICE_UPDATE;
  }
}
