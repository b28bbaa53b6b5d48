package io.github.qtogglemqtt.core.model;

/**
 * An event about one port: {@code value-change}, {@code port-add}, {@code port-update}, {@code
 * port-remove}.
 *
 * @since 0.1
 */
public sealed interface PortEvent extends Event
    permits ValueChange, PortAdd, PortUpdate, PortRemove {
  /** The id of the port ({@code params.id}). */
  String portId();
}
