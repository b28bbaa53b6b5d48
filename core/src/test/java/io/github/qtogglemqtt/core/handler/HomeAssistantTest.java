package io.github.qtogglemqtt.core.handler;

import static io.github.qtogglemqtt.core.handler.HandlerFixture.event;
import static io.github.qtogglemqtt.core.handler.HandlerFixture.idle;
import static io.github.qtogglemqtt.core.handler.HandlerFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.testing.FakeBrokerPublisher;
import io.github.qtogglemqtt.core.testing.FakeTemplateEngine;
import io.github.qtogglemqtt.core.testing.Poll;
import io.github.qtogglemqtt.core.testing.TestJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HomeAssistantTest {
  private static final String DEVICE =
      """
      {"name": "hall", "display_name": "Hall", "version": "0.24.1", "vendor": "qToggle"}""";

  private static final String PORTS =
      """
      [
        {"id": "relay", "type": "boolean", "writable": true, "enabled": true, "value": true,
         "display_name": "Lamp"},
        {"id": "door", "type": "boolean", "writable": false, "enabled": true, "value": false},
        {"id": "temp", "type": "number", "writable": false, "enabled": true, "value": 21.5,
         "unit": "°C"},
        {"id": "level", "type": "number", "writable": true, "enabled": true, "value": 40,
         "min": 0, "max": 100, "step": 5, "unit": "%"},
        {"id": "mode", "type": "number", "writable": true, "enabled": true, "value": 1,
         "choices": [{"value": 1, "display_name": "eco"}, {"value": 2, "display_name": "comfort"}]},
        {"id": "off", "type": "boolean", "writable": true, "enabled": false, "value": null}
      ]""";

  private final HandlerFixture fixture = new HandlerFixture();
  private @Nullable EventHandler handler;

  @AfterEach
  void close() {
    if (handler != null) {
      handler.close();
    }
  }

  private EventHandler start(String homeassistant) {
    handler =
        fixture.dryRun(
            "{\"server\": \"broker\", \"topic\": \"own/{{event.type}}\", \"qos\": 1,"
                + " \"homeassistant\": "
                + homeassistant
                + "}");
    handler.snapshot(snapshot(DEVICE, PORTS, "[]", 1_718_000_000.0));
    idle(handler);
    return handler;
  }

  private Map<String, OutboundMessage> byTopic() {
    Map<String, OutboundMessage> map = new LinkedHashMap<>();
    for (OutboundMessage message : fixture.observer.published()) {
      map.put(message.topic(), message);
    }
    return map;
  }

  private Map<String, @Nullable Object> config(String topic) {
    OutboundMessage message = byTopic().get(topic);
    assertThat(message).as("config on %s", topic).isNotNull();
    assertThat(message.retain()).isTrue();
    return TestJson.object(message.payloadText());
  }

  @Test
  void snapshot_readOnly_announcesBinarySensorsAndSensorsWithDeviceAndOrigin() {
    start("{\"enabled\": true}");

    Map<String, @Nullable Object> relay = config("homeassistant/binary_sensor/hall/relay/config");
    assertThat(relay)
        .containsEntry("name", "Lamp")
        .containsEntry("unique_id", "qtoggle_hall_relay")
        .containsEntry("state_topic", "hall/relay/state")
        .containsEntry("payload_on", "ON")
        .containsEntry("payload_off", "OFF")
        .containsEntry("qos", 1L)
        .doesNotContainKey("command_topic");
    assertThat(relay.get("device"))
        .isEqualTo(
            Map.of(
                "identifiers",
                List.of("qtoggle_hall"),
                "name",
                "Hall",
                "manufacturer",
                "qToggle",
                "sw_version",
                "0.24.1"));
    assertThat(relay.get("origin")).isEqualTo(Map.of("name", "qtoggle-mqtt"));

    assertThat(config("homeassistant/sensor/hall/temp/config"))
        .containsEntry("unit_of_measurement", "°C")
        .containsEntry("device_class", "temperature")
        .containsEntry("state_class", "measurement");
    // % says humidity only when the port says so
    assertThat(config("homeassistant/sensor/hall/level/config"))
        .containsEntry("unit_of_measurement", "%")
        .doesNotContainKey("device_class");
    assertThat(config("homeassistant/sensor/hall/mode/config"))
        .containsEntry("device_class", "enum")
        .containsEntry("options", List.of("1", "2"));
    assertThat(byTopic()).doesNotContainKey("homeassistant/binary_sensor/hall/off/config");
  }

  @Test
  void snapshot_configsFirst_thenRetainedStatesIndependentOfTheHandlerTopic() {
    start("{\"enabled\": true}");

    List<OutboundMessage> published = fixture.observer.published();
    assertThat(published).hasSize(10);
    assertThat(published.subList(0, 5)).allMatch(m -> m.topic().endsWith("/config"));
    assertThat(published.subList(5, 10))
        .extracting(OutboundMessage::topic, OutboundMessage::payloadText)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("hall/relay/state", "ON"),
            org.assertj.core.groups.Tuple.tuple("hall/door/state", "OFF"),
            org.assertj.core.groups.Tuple.tuple("hall/temp/state", "21.5"),
            org.assertj.core.groups.Tuple.tuple("hall/level/state", "40"),
            org.assertj.core.groups.Tuple.tuple("hall/mode/state", "1"));
    assertThat(published).allMatch(m -> m.retain() && m.qos() == 1);
  }

  @Test
  void commands_writablePorts_announceSwitchNumberSelectWithCommandTopics() {
    start("{\"enabled\": true, \"commands\": true, \"state_base\": \"qt/hall\"}");

    assertThat(config("homeassistant/switch/hall/relay/config"))
        .containsEntry("command_topic", "qt/hall/relay/set")
        .containsEntry("state_topic", "qt/hall/relay/state")
        .containsEntry("payload_on", "ON")
        .containsEntry("state_on", "ON")
        .containsEntry("retain", false);
    assertThat(config("homeassistant/binary_sensor/hall/door/config"))
        .doesNotContainKey("command_topic");
    assertThat(config("homeassistant/number/hall/level/config"))
        .containsEntry("command_topic", "qt/hall/level/set")
        .containsEntry("min", 0L)
        .containsEntry("max", 100L)
        .containsEntry("step", 5L)
        .containsEntry("unit_of_measurement", "%");
    assertThat(config("homeassistant/select/hall/mode/config"))
        .containsEntry("command_topic", "qt/hall/mode/set")
        .containsEntry("options", List.of("1", "2"));
  }

  @Test
  void valueChange_rejectedByTheFilter_stillPublishesTheState() {
    handler =
        fixture.dryRun(
            "{\"server\": \"broker\", \"filter\": {\"type\": \"device-update\"},"
                + " \"homeassistant\": {\"enabled\": true}}");
    handler.snapshot(snapshot(DEVICE, PORTS, "[]", 1_718_000_000.0));
    idle(handler);
    fixture.observer.clear();

    handler.event(
        event("{\"type\": \"value-change\", \"params\": {\"id\": \"temp\", \"value\": 22}}"));
    handler.event(
        event("{\"type\": \"value-change\", \"params\": {\"id\": \"relay\", \"value\": false}}"));
    handler.event(
        event("{\"type\": \"value-change\", \"params\": {\"id\": \"ghost\", \"value\": 1}}"));
    idle(handler);

    assertThat(fixture.observer.published())
        .extracting(OutboundMessage::topic, OutboundMessage::payloadText)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("hall/temp/state", "22"),
            org.assertj.core.groups.Tuple.tuple("hall/relay/state", "OFF"));
  }

  @Test
  void portRemove_publishesEmptyRetainedConfigAndClearsTheState() {
    start("{\"enabled\": true}");
    fixture.observer.clear();

    handler.event(event("{\"type\": \"port-remove\", \"params\": {\"id\": \"temp\"}}"));
    idle(handler);

    assertThat(fixture.observer.published())
        .extracting(OutboundMessage::topic, m -> m.payload().length, OutboundMessage::retain)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("homeassistant/sensor/hall/temp/config", 0, true),
            org.assertj.core.groups.Tuple.tuple("hall/temp/state", 0, true));
  }

  @Test
  void portUpdate_renamed_refreshesOnlyThatConfig() {
    start("{\"enabled\": true}");
    fixture.observer.clear();

    handler.event(
        event(
            """
            {"type": "port-update", "params": {"id": "door", "type": "boolean",
             "writable": false, "enabled": true, "value": false, "display_name": "Front door"}}"""));
    idle(handler);

    assertThat(fixture.observer.published()).hasSize(1);
    assertThat(config("homeassistant/binary_sensor/hall/door/config"))
        .containsEntry("name", "Front door")
        .containsEntry("unique_id", "qtoggle_hall_door");
  }

  @Test
  void portAdd_announcesTheNewPortAndItsState() {
    start("{\"enabled\": true}");
    fixture.observer.clear();

    handler.event(
        event(
            """
            {"type": "port-add", "params": {"id": "power", "type": "number",
             "writable": false, "enabled": true, "value": 1200.0, "unit": "W"}}"""));
    idle(handler);

    assertThat(config("homeassistant/sensor/hall/power/config"))
        .containsEntry("device_class", "power");
    assertThat(byTopic().get("hall/power/state").payloadText()).isEqualTo("1200.0");
  }

  @Test
  void portUpdate_disabled_removesTheEntity() {
    start("{\"enabled\": true}");
    fixture.observer.clear();

    handler.event(
        event(
            """
            {"type": "port-update", "params": {"id": "door", "type": "boolean",
             "writable": false, "enabled": false, "value": null}}"""));
    idle(handler);

    assertThat(fixture.observer.published())
        .extracting(OutboundMessage::topic, m -> m.payload().length)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("homeassistant/binary_sensor/hall/door/config", 0),
            org.assertj.core.groups.Tuple.tuple("hall/door/state", 0));
  }

  @Test
  void ids_withOtherCharacters_areSanitised() {
    handler = fixture.dryRun("{\"server\": \"broker\", \"homeassistant\": {\"enabled\": true}}");
    handler.snapshot(
        snapshot(
            "{\"name\": \"my hall.1\"}",
            "[{\"id\": \"a.b+c#\", \"type\": \"number\", \"value\": 1}]",
            "[]",
            1_718_000_000.0));
    idle(handler);

    assertThat(config("homeassistant/sensor/my_hall_1/a_b_c_/config"))
        .containsEntry("unique_id", "qtoggle_my_hall_1_a_b_c_")
        .containsEntry("state_topic", "my_hall_1/a_b_c_/state");
  }

  @Test
  void availabilityTopic_whenSet_isInEveryConfig() {
    handler =
        fixture.dryRun(
            "{\"server\": \"broker\", \"availability_topic\": \"qt/{{device_attrs.name}}/status\","
                + " \"homeassistant\": {\"enabled\": true, \"node_id\": \"n1\","
                + " \"discovery_prefix\": \"ha\"}}");
    handler.snapshot(snapshot(DEVICE, PORTS, "[]", 1_718_000_000.0));
    idle(handler);

    assertThat(config("ha/sensor/n1/temp/config"))
        .containsEntry("availability_topic", "qt/hall/status")
        .containsEntry("payload_available", "online")
        .containsEntry("payload_not_available", "offline")
        .containsEntry("unique_id", "qtoggle_n1_temp");
  }

  @Test
  void disabled_byDefault_publishesNothingExtra() {
    handler = fixture.dryRun("{\"server\": \"broker\"}");
    handler.snapshot(snapshot(DEVICE, PORTS, "[]", 1_718_000_000.0));
    idle(handler);

    assertThat(fixture.observer.published()).isEmpty();
    assertThat(handler.settings().homeAssistant()).isEqualTo(HomeAssistantSettings.DISABLED);
  }

  @Test
  void parse_badValues_recordsProblems() {
    AdapterProperties entry =
        AdapterProperties.of(
            "event_handlers[0]",
            TestJson.object(
                """
                {"server": "b", "homeassistant": {"enabled": true, "node_id": "a b",
                 "discovery_prefix": "ha/#", "colour": 1}}"""));

    HandlerSettings.parse(entry, "0", new FakeTemplateEngine());

    assertThat(entry.problems())
        .extracting(p -> p.path())
        .containsExactlyInAnyOrder(
            "event_handlers[0].homeassistant.node_id",
            "event_handlers[0].homeassistant.discovery_prefix",
            "event_handlers[0].homeassistant.colour");
  }

  @Test
  void deviceClass_percent_dependsOnThePortName() {
    assertThat(HomeAssistant.deviceClass("%", "humidity1", Map.of())).isEqualTo("humidity");
    assertThat(HomeAssistant.deviceClass("%", "x", Map.of("display_name", "Battery")))
        .isEqualTo("battery");
    assertThat(HomeAssistant.deviceClass("%", "level", Map.of())).isNull();
    assertThat(HomeAssistant.deviceClass("kWh", "e", Map.of())).isEqualTo("energy");
    assertThat(HomeAssistant.deviceClass("furlongs", "e", Map.of())).isNull();
  }

  @Test
  void birth_online_republishesEveryConfigAndState_otherPayloadsDoNothing() {
    FakeBrokerPublisher broker = FakeBrokerPublisher.connecting();
    handler =
        fixture.real(
            "{\"server\": \"broker\", \"qos\": 1, \"homeassistant\": {\"enabled\": true,"
                + " \"status_topic\": \"ha/status\"}}",
            broker);
    handler.snapshot(snapshot(DEVICE, PORTS, "[]", 1_718_000_000.0));
    idle(handler);
    assertThat(broker.messages()).hasSize(10);
    assertThat(broker.subscriptions())
        .singleElement()
        .satisfies(
            sub -> {
              assertThat(sub.topicFilter()).isEqualTo("ha/status");
              assertThat(sub.qos()).isEqualTo(1);
            });

    broker.deliver("ha/status", "offline");
    broker.deliver("ha/status", "online");
    Poll.until("the re-published discovery", () -> broker.messages().size() >= 20);
    idle(handler);

    List<OutboundMessage> again = broker.messages().subList(10, broker.messages().size());
    assertThat(again).hasSize(10);
    assertThat(again)
        .extracting(OutboundMessage::topic)
        .containsExactlyElementsOf(
            broker.messages().subList(0, 10).stream().map(OutboundMessage::topic).toList());
  }

  @Test
  void disabled_doesNotSubscribe() {
    FakeBrokerPublisher broker = FakeBrokerPublisher.connecting();
    handler = fixture.real("{\"server\": \"broker\"}", broker);
    handler.snapshot(snapshot(DEVICE, PORTS, "[]", 1_718_000_000.0));
    idle(handler);

    assertThat(broker.subscriptions()).isEmpty();
  }

  private record Written(String portId, Object value) {}

  private EventHandler withCommands(FakeBrokerPublisher broker, List<Written> written) {
    handler =
        fixture.real(
            "{\"server\": \"broker\", \"homeassistant\": {\"enabled\": true,"
                + " \"commands\": true}}",
            broker);
    handler.commandsTo(
        (portId, value) -> {
          written.add(new Written(portId, value));
          return CompletableFuture.completedFuture(null);
        });
    handler.snapshot(snapshot(DEVICE, PORTS, "[]", 1_718_000_000.0));
    idle(handler);
    return handler;
  }

  @Test
  void command_valid_writtenToThePortAsItsType() {
    FakeBrokerPublisher broker = FakeBrokerPublisher.connecting();
    List<Written> written = new CopyOnWriteArrayList<>();
    withCommands(broker, written);
    assertThat(broker.subscriptions())
        .extracting(FakeBrokerPublisher.Subscription::topicFilter)
        .containsExactly("homeassistant/status", "hall/+/set");

    broker.deliver("hall/relay/set", "OFF");
    broker.deliver("hall/level/set", "55");
    broker.deliver("hall/mode/set", "2");
    idle(handler);

    assertThat(written)
        .containsExactly(
            new Written("relay", false), new Written("level", 55L), new Written("mode", 2L));
    assertThat(fixture.observer.warnings()).isEmpty();
  }

  @Test
  void command_invalid_rejectedWithTheReasonAndNotWritten() {
    FakeBrokerPublisher broker = FakeBrokerPublisher.connecting();
    List<Written> written = new CopyOnWriteArrayList<>();
    withCommands(broker, written);

    broker.deliver("hall/relay/set", "maybe");
    broker.deliver("hall/level/set", "101");
    broker.deliver("hall/level/set", "abc");
    broker.deliver("hall/mode/set", "3");
    broker.deliver("hall/door/set", "ON");
    broker.deliver("hall/relay/set", "ON", true);
    idle(handler);

    assertThat(written).isEmpty();
    assertThat(fixture.observer.warnings())
        .hasSize(6)
        .anySatisfy(w -> assertThat(w).contains("must be ON or OFF"))
        .anySatisfy(w -> assertThat(w).contains("above the maximum 100"))
        .anySatisfy(w -> assertThat(w).contains("is not one"))
        .anySatisfy(w -> assertThat(w).contains("not one of the choices"))
        .anySatisfy(w -> assertThat(w).contains("not the command topic of a writable port"))
        .anySatisfy(w -> assertThat(w).contains("retained command"));
  }

  @Test
  void command_withoutAPortWriter_rejected() {
    FakeBrokerPublisher broker = FakeBrokerPublisher.connecting();
    handler =
        fixture.real(
            "{\"server\": \"broker\", \"homeassistant\": {\"enabled\": true,"
                + " \"commands\": true}}",
            broker);
    handler.snapshot(snapshot(DEVICE, PORTS, "[]", 1_718_000_000.0));
    idle(handler);

    broker.deliver("hall/relay/set", "ON");
    idle(handler);

    assertThat(fixture.observer.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w).contains("cannot write port relay"));
  }
}
