package io.github.qtogglemqtt.core.model;

/**
 * An event about the main device: {@code device-update} and {@code full-update}.
 *
 * @since 0.1
 */
public sealed interface DeviceEvent extends Event permits DeviceUpdate, FullUpdate {}
