package io.github.qtogglemqtt.core.model;

import java.util.Optional;

/**
 * The nine qToggle event types the MQTT handler publishes (spec 1.2), by their wire names.
 *
 * @since 0.1
 */
public enum EventType {
  VALUE_CHANGE("value-change"),
  PORT_UPDATE("port-update"),
  PORT_ADD("port-add"),
  PORT_REMOVE("port-remove"),
  DEVICE_UPDATE("device-update"),
  FULL_UPDATE("full-update"),
  SLAVE_DEVICE_UPDATE("slave-device-update"),
  SLAVE_DEVICE_ADD("slave-device-add"),
  SLAVE_DEVICE_REMOVE("slave-device-remove");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name on the wire and in configuration, e.g. {@code value-change}. */
  public String wireName() {
    return wireName;
  }

  /** The type with that wire name, or empty for any other name (peripheral-*, dashboard-*, ...). */
  public static Optional<EventType> fromWireName(String name) {
    for (EventType type : values()) {
      if (type.wireName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return wireName;
  }
}
