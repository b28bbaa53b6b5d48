package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The whole state of a device, read at once (spec 2.10 item 1): delivered to the core as a silent
 * state sync, at start and after every gap in the event stream. Nothing is published for it.
 *
 * @param device the device attributes as {@code GET /api/device} returns them ({@code definitions}
 *     included); empty when the source cannot read them (non-admin user)
 * @param ports the port objects as {@code GET /api/ports} returns them, each with {@code value}
 * @param slaves the slave objects of a hub ({@code GET /api/devices}); empty elsewhere
 * @param timestamp when it was taken, seconds since the epoch (0 when the clock is not real)
 * @since 0.1
 */
public record DeviceSnapshot(
    Map<String, @Nullable Object> device,
    List<Map<String, @Nullable Object>> ports,
    List<Map<String, @Nullable Object>> slaves,
    double timestamp) {
  public DeviceSnapshot {
    requireNonNull(device, "device is null");
    requireNonNull(ports, "ports is null");
    requireNonNull(slaves, "slaves is null");
  }
}
