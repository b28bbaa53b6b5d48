package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything may have changed: device and ports are re-read (spec 1.2, 2.10 item 5). Params are
 * empty.
 *
 * @since 0.1
 */
public record FullUpdate(Map<String, @Nullable Object> params, double timestamp)
    implements DeviceEvent {
  public FullUpdate {

    requireNonNull(params, "params is null");
  }

  @Override
  public EventType type() {
    return EventType.FULL_UPDATE;
  }
}
