package io.github.qtogglemqtt.core.model;

/**
 * An event about a slave device managed by a hub: {@code slave-device-add}, {@code
 * slave-device-update}, {@code slave-device-remove}.
 *
 * @since 0.1
 */
public sealed interface SlaveEvent extends Event
    permits SlaveDeviceAdd, SlaveDeviceUpdate, SlaveDeviceRemove {
  /** The slave's name ({@code params.name}). */
  String slaveName();
}
