package io.github.qtogglemqtt.core.handler;

import static io.github.qtogglemqtt.core.handler.HandlerFixture.event;
import static io.github.qtogglemqtt.core.handler.HandlerFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qtogglemqtt.core.filter.DeviceState;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.Moment;
import io.github.qtogglemqtt.core.model.TemplateObject;
import io.github.qtogglemqtt.core.model.Undefined;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.github.qtogglemqtt.core.testing.FakeJsonEncoder;
import io.github.qtogglemqtt.core.testing.MutableClock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Template contexts (spec 6.4, 6.5) in exact key order, and the objects of 6.6. */
class ContextTest {
  private static final List<String> COMMON =
      List.of(
          "event",
          "type",
          "timestamp",
          "moment",
          "pretty_moment",
          "public_url",
          "device_attrs",
          "port_values",
          "port_attrs",
          "metadata");

  private final EventProcessor processor =
      new EventProcessor(
          HandlerFixture.settings("{\"skip_startup\": false}"),
          GlobalSettings.none(),
          new FakeJsonEncoder(),
          HandlerObserver.NONE,
          MutableClock.atEpochSeconds(1_718_000_000),
          ZoneOffset.UTC);

  ContextTest() {
    processor.snapshot(
        snapshot(
            "{\"name\": \"hub\", \"display_name\": \"\"}",
            """
            [{"id": "relay1", "type": "boolean", "display_name": "Door", "enabled": true,
              "value": false},
             {"id": "mode", "type": "number", "unit": "x", "enabled": true, "value": 1,
              "choices": [{"value": 1, "display_name": "Eco"}, {"value": 2, "display_name": "Max"}]}]
            """,
            "[{\"name\": \"shed\", \"scheme\": \"http\", \"host\": \"h\", \"port\": 8080,"
                + " \"path\": \"/api\", \"online\": true, \"attrs\": {\"display_name\": \"Shed\"}}]",
            1.0));
  }

  private Map<String, @Nullable Object> context(String wireJson) {
    return context(event(wireJson));
  }

  private Map<String, @Nullable Object> context(Event event) {
    DeviceState state = processor.state();
    return processor.context(state.apply(event));
  }

  private static List<String> keys(String... perType) {
    List<String> keys = new java.util.ArrayList<>(COMMON);
    keys.addAll(Arrays.asList(perType));
    return keys;
  }

  @Test
  void context_eachOfTheNineTypes_hasTheKeysOfSpec6InOrder() {
    String diff = "old_attrs,new_attrs,changed_attrs,added_attrs,removed_attrs";
    Map<String, String> expected =
        Map.of(
            "{\"type\": \"value-change\", \"params\": {\"id\": \"relay1\", \"value\": true}}",
            "port,old_value,new_value,attrs",
            "{\"type\": \"port-update\", \"params\": {\"id\": \"relay1\", \"value\": true}}",
            "port," + diff + ",value",
            "{\"type\": \"port-add\", \"params\": {\"id\": \"p2\", \"value\": 1}}",
            "port,attrs,value",
            "{\"type\": \"port-remove\", \"params\": {\"id\": \"p2\"}}",
            "port,attrs,value",
            "{\"type\": \"device-update\", \"params\": {\"name\": \"hub\"}}",
            "device," + diff,
            "{\"type\": \"full-update\", \"params\": {}}",
            "",
            "{\"type\": \"slave-device-update\", \"params\": {\"name\": \"shed\"}}",
            "slave," + diff,
            "{\"type\": \"slave-device-add\", \"params\": {\"name\": \"barn\"}}",
            "slave,attrs",
            "{\"type\": \"slave-device-remove\", \"params\": {\"name\": \"barn\"}}",
            "slave,attrs");
    expected.forEach(
        (wire, perType) ->
            assertThat(context(wire).keySet())
                .as(wire)
                .containsExactlyElementsOf(
                    keys(perType.isEmpty() ? new String[0] : perType.split(","))));
  }

  @Test
  void context_commonValues() {
    Map<String, @Nullable Object> context = context("{\"type\": \"full-update\", \"params\": {}}");

    assertThat(context.get("type")).isEqualTo("full-update");
    assertThat(context.get("timestamp")).isEqualTo(1_718_000_000.25);
    assertThat(context.get("moment")).isInstanceOf(Moment.class);
    assertThat(Moment.class.cast(context.get("moment")).pyStr())
        .isEqualTo("2024-06-10 06:13:20.250000");
    assertThat(context.get("pretty_moment")).isEqualTo("Mon Jun 10 06:13:20 2024");
    assertThat(context.get("public_url")).isNull();
    assertThat(((Map<?, ?>) context.get("device_attrs")).containsKey("shed:display_name")).isTrue();
    assertThat(context.get("metadata")).isEqualTo(Map.of());
  }

  @Test
  void context_timestampZero_isIntegerZeroWithoutMoment() {
    Map<String, @Nullable Object> context =
        context(Event.fromWire("full-update", Map.of(), 0).orElseThrow());

    assertThat(context.get("timestamp")).isEqualTo(0L);
    assertThat(context.get("moment")).isNull();
    assertThat(context.get("pretty_moment")).isEqualTo("");
  }

  @Test
  void port_methodsOfSpec66() {
    TemplateObject port =
        (TemplateObject)
            context(
                    "{\"type\": \"value-change\", \"params\": {\"id\": \"relay1\", \"value\": true}}")
                .get("port");

    assertThat(port.invoke("get_id", List.of())).isEqualTo("relay1");
    assertThat(port.invoke("get_type", List.of())).isEqualTo("boolean");
    assertThat(port.invoke("get_pretty_name", List.of())).isEqualTo("Door");
    assertThat(port.invoke("get_pretty_value", List.of())).isEqualTo("on");
    assertThat(port.invoke("get_pretty_value", List.of(false))).isEqualTo("off");
    assertThat(port.invoke("get_attr", List.of("display_name"))).isEqualTo("Door");
    assertThat(port.invoke("is_enabled", List.of())).isEqualTo(true);
    assertThat(port.invoke("is_integer", List.of())).isEqualTo(false);
    assertThat(port.attribute("pretty_old_value")).isEqualTo("off");
    assertThat(port.attribute("pretty_name")).isEqualTo("Door");
    assertThat(port.attribute("nope")).isEqualTo(Undefined.INSTANCE);
    assertThat(port.pyStr()).isEqualTo("port relay1");
    assertThatThrownBy(() -> port.invoke("get_display_name", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("get_display_name");
    assertThatThrownBy(() -> port.invoke("get_attr", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes 1 argument (0 given)");
  }

  @Test
  void port_prettyValueUsesChoicesAndUnit() {
    TemplateObject port =
        (TemplateObject)
            context("{\"type\": \"value-change\", \"params\": {\"id\": \"mode\", \"value\": 2.0}}")
                .get("port");

    assertThat(port.invoke("get_pretty_value", List.of())).isEqualTo("Maxx");
    assertThat(port.invoke("get_pretty_value", List.of(7L))).isEqualTo("7x");
    assertThat(port.invoke("get_pretty_value", List.of(7.5))).isEqualTo("7.5x");
  }

  @Test
  void slave_nameUrlAndPrettyName() {
    TemplateObject slave =
        (TemplateObject)
            context(
                    "{\"type\": \"slave-device-update\", \"params\": {\"name\": \"shed\", \"scheme\":"
                        + " \"https\", \"host\": \"h\", \"port\": 443, \"path\": \"/api\","
                        + " \"attrs\": {\"display_name\": \"Shed\"}}}")
                .get("slave");

    assertThat(slave.invoke("get_name", List.of())).isEqualTo("shed");
    assertThat(slave.invoke("get_pretty_name", List.of())).isEqualTo("Shed");
    assertThat(slave.invoke("get_url", List.of())).isEqualTo("https://h/api");
    assertThat(slave.attribute("pretty_name")).isEqualTo("Shed");
  }

  @Test
  void device_prettyNameFallsBackToName() {
    TemplateObject device =
        (TemplateObject)
            context(
                    "{\"type\": \"device-update\", \"params\": {\"name\": \"hub\", \"display_name\": \"\"}}")
                .get("device");

    assertThat(device.invoke("get_pretty_name", List.of())).isEqualTo("hub");
  }

  @Test
  void event_valueChangeExposesItsOwnParams() {
    TemplateObject event =
        (TemplateObject)
            context(
                    "{\"type\": \"value-change\", \"params\": {\"id\": \"relay1\", \"value\": true,"
                        + " \"old_value\": 5}}")
                .get("event");

    assertThat(event.attribute("old_value")).isEqualTo(5L);
    assertThat(event.attribute("new_value")).isEqualTo(true);
    assertThat(event.invoke("get_type", List.of())).isEqualTo("value-change");
    assertThat(event.invoke("get_port", List.of())).isInstanceOf(TemplateObject.class);
    assertThatThrownBy(() -> event.invoke("get_slave", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
