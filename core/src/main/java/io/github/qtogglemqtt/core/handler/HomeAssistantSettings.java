package io.github.qtogglemqtt.core.handler;

import io.github.qtogglemqtt.core.spi.AdapterProperties;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code homeassistant} section of a handler entry (issue 9): Home Assistant MQTT discovery
 * configs and per-port state topics, published next to the handler's own messages.
 *
 * @param enabled {@code enabled}, default false
 * @param discoveryPrefix {@code discovery_prefix}, default {@code homeassistant}
 * @param nodeId {@code node_id}, or null for the sanitised device name
 * @param stateBase {@code state_base}, or null for the device name; state topics are {@code
 *     <state_base>/<port>/state}
 * @param commands {@code commands}: writable ports are announced as switch, number or select
 * @param statusTopic {@code status_topic}, Home Assistant's birth topic, default {@code
 *     homeassistant/status}
 */
public record HomeAssistantSettings(
    boolean enabled,
    String discoveryPrefix,
    @Nullable String nodeId,
    @Nullable String stateBase,
    boolean commands,
    String statusTopic) {

  /** Discovery off. */
  public static final HomeAssistantSettings DISABLED =
      new HomeAssistantSettings(false, "homeassistant", null, null, false, "homeassistant/status");

  /** Parses the section {@code homeassistant} of {@code entry}, recording problems there. */
  static HomeAssistantSettings parse(AdapterProperties entry) {
    if (entry.raw("homeassistant") == null) {
      entry.markRead("homeassistant");
      return DISABLED;
    }
    if (entry.map("homeassistant").isEmpty()) {
      return DISABLED;
    }
    AdapterProperties section = entry.section("homeassistant");
    boolean enabled = section.bool("enabled", false);
    String prefix = topicPart(section, "discovery_prefix", "homeassistant");
    String nodeId = section.optionalString("node_id").orElse(null);
    if (nodeId != null && !HomeAssistant.sanitise(nodeId).equals(nodeId)) {
      section.problem(
          "node_id", "may hold only a-z, A-Z, 0-9, _ and - (got \"%s\")".formatted(nodeId));
      nodeId = HomeAssistant.sanitise(nodeId);
    }
    String stateBase = section.optionalString("state_base").orElse(null);
    if (stateBase != null) {
      stateBase = topicPart(section, "state_base", stateBase);
    }
    boolean commands = section.bool("commands", false);
    String statusTopic = topicPart(section, "status_topic", "homeassistant/status");
    for (String key : section.unreadKeys()) {
      section.problem(
          key,
          "is not a homeassistant setting (known: %s)"
              .formatted(
                  String.join(
                      ", ",
                      List.of(
                          "enabled",
                          "discovery_prefix",
                          "node_id",
                          "state_base",
                          "commands",
                          "status_topic"))));
    }
    return new HomeAssistantSettings(enabled, prefix, nodeId, stateBase, commands, statusTopic);
  }

  private static String topicPart(AdapterProperties section, String key, String defaultValue) {
    String value = section.string(key, defaultValue);
    String invalid = Topics.invalidReason(value);
    if (invalid == null && (value.startsWith("/") || value.endsWith("/"))) {
      invalid = "the topic starts or ends with /";
    }
    if (invalid != null) {
      section.problem(key, "is not a usable topic: %s (got \"%s\")".formatted(invalid, value));
      return defaultValue;
    }
    return value;
  }
}
