package io.github.qtogglemqtt.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.testing.TestJson;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * One test per row of the filter table of spec 4.8. State before: {@code relay1} false with attrs
 * {@code {"id": "relay1", "type": "boolean", "enabled": true, "tag": "door"}}, number port {@code
 * t1} = 61.5, device {@code {"name": "garage", "uptime": 10}}, slave {@code shed} online.
 *
 * <p>The expression rows run the real expression language (spec 5).
 */
class EventFilterTest {
  private static final double NOW = 1_718_000_000.25;

  private final List<String> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final DeviceState state = new DeviceState();

  EventFilterTest() {
    sync(true);
  }

  private void sync(boolean t1Enabled) {
    state.sync(
        new DeviceSnapshot(
            TestJson.object("{\"name\": \"garage\", \"uptime\": 10}"),
            ports(
                """
                [{"id": "relay1", "type": "boolean", "enabled": true, "tag": "door",
                  "value": false},
                 {"id": "t1", "type": "number", "enabled": %s, "tag": "boiler", "value": 61.5}]
                """
                    .formatted(t1Enabled)),
            ports(
                """
                [{"enabled": true, "name": "shed", "online": true,
                  "attrs": {"name": "shed", "display_name": "Shed"}}]
                """),
            NOW - 100));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, @Nullable Object>> ports(String json) {
    return (List<Map<String, @Nullable Object>>) TestJson.parse(json);
  }

  private EventFilter compile(String filterJson) {
    return EventFilter.compile(
        TestJson.object(filterJson),
        new FilterProblems() {
          @Override
          public void problem(String key, String message) {
            problems.add(key + ": " + message);
          }

          @Override
          public void warning(String key, String message) {
            warnings.add(key + ": " + message);
          }
        },
        false);
  }

  private static Event event(String wireJson) {
    Map<String, @Nullable Object> wire = TestJson.object(wireJson);
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> params = (Map<String, @Nullable Object>) wire.get("params");
    return Event.fromWire((String) wire.get("type"), params, NOW).orElseThrow();
  }

  /** Updates the state with the event first (spec 4.2), then decides. */
  private FilterResult decide(EventFilter filter, String wireJson) {
    EventDelta delta = state.apply(event(wireJson));
    return filter.test(delta, state, (long) (NOW * 1000), ZoneOffset.UTC);
  }

  private boolean accepts(String filterJson, String wireJson) {
    EventFilter filter = compile(filterJson);
    assertThat(problems).as("problems").isEmpty();
    return decide(filter, wireJson).accepted();
  }

  private static final String RELAY1_ON =
      "{\"type\": \"value-change\", \"params\": {\"id\": \"relay1\", \"value\": true}}";

  private static final List<String> NINE_EVENTS =
      List.of(
          RELAY1_ON,
          "{\"type\": \"port-update\", \"params\": {\"id\": \"relay1\", \"type\": \"boolean\","
              + " \"value\": true}}",
          "{\"type\": \"port-add\", \"params\": {\"id\": \"v2\", \"value\": 0}}",
          "{\"type\": \"port-remove\", \"params\": {\"id\": \"v2\"}}",
          "{\"type\": \"device-update\", \"params\": {\"name\": \"garage\", \"uptime\": 15}}",
          "{\"type\": \"full-update\", \"params\": {}}",
          "{\"type\": \"slave-device-update\", \"params\": {\"name\": \"shed\", \"online\": false}}",
          "{\"type\": \"slave-device-add\", \"params\": {\"name\": \"barn\"}}",
          "{\"type\": \"slave-device-remove\", \"params\": {\"name\": \"barn\"}}");

  @Test
  void emptyFilter_anyOfTheNineTypes_accepts() {
    EventFilter filter = compile("{}");
    for (String event : NINE_EVENTS) {
      assertThat(decide(filter, event).accepted()).as(event).isTrue();
    }
  }

  @Test
  void typeValueChange_valueChange_accepts() {
    assertThat(accepts("{\"type\": \"value-change\"}", RELAY1_ON)).isTrue();
  }

  @Test
  void typeListOfPortUpdateAndAdd_valueChange_rejectsByType() {
    EventFilter filter = compile("{\"type\": [\"port-update\", \"port-add\"]}");
    FilterResult result = decide(filter, RELAY1_ON);
    assertThat(result.accepted()).isFalse();
    assertThat(result.reason()).startsWith("type");
  }

  @Test
  void portValueTrue_relayTurnsOn_accepts() {
    assertThat(accepts("{\"port_value\": true}", RELAY1_ON)).isTrue();
  }

  @Test
  void portValueTrue_numberPortBecomesOnePointZero_acceptsBecauseTrueEqualsOne() {
    assertThat(
            accepts(
                "{\"port_value\": true}",
                "{\"type\": \"value-change\", \"params\": {\"id\": \"t1\", \"value\": 1.0}}"))
        .isTrue();
  }

  @Test
  void portValueList_valueNotInList_rejects() {
    assertThat(
            accepts(
                "{\"port_value\": [1, 2]}",
                "{\"type\": \"value-change\", \"params\": {\"id\": \"t1\", \"value\": 3}}"))
        .isFalse();
  }

  @Test
  void portValueTrue_deviceUpdate_acceptsBecausePortRulesIgnoreDeviceEvents() {
    assertThat(
            accepts(
                "{\"port_value\": true}",
                "{\"type\": \"device-update\", \"params\": {\"name\": \"garage\"}}"))
        .isTrue();
  }

  @Test
  void portValueTransitionFalseToTrue_relayTurnsOn_accepts() {
    assertThat(accepts("{\"port_value_transition\": [false, true]}", RELAY1_ON)).isTrue();
  }

  @Test
  void portValueTransitionAnyToTrue_storedValueAlreadyTrue_rejectsAsNoChange() {
    EventFilter filter = compile("{\"port_value_transition\": [\"any\", true]}");
    decide(filter, RELAY1_ON);
    FilterResult again = decide(filter, RELAY1_ON);
    assertThat(again.accepted()).isFalse();
    assertThat(again.reason()).contains("no change");
  }

  @Test
  void portValueTransitionNullToAny_portAddOfUnknownPortWithZero_acceptsAsAChange() {
    assertThat(
            accepts(
                "{\"port_value_transition\": [null, \"any\"]}",
                "{\"type\": \"port-add\", \"params\": {\"id\": \"v2\", \"value\": 0}}"))
        .isTrue();
  }

  @Test
  void portValueExpression_t2IsFour_valueForty_accepts() {
    state.apply(event("{\"type\": \"value-change\", \"params\": {\"id\": \"t2\", \"value\": 4}}"));
    state.apply(
        event(
            "{\"type\": \"port-update\", \"params\": {\"id\": \"t2\", \"type\": \"number\","
                + " \"enabled\": true, \"value\": 4}}"));
    EventFilter filter = compile("{\"port_value\": \"MUL($t2, 10)\"}");
    assertThat(problems).isEmpty();
    assertThat(
            decide(
                    filter,
                    "{\"type\": \"value-change\", \"params\": {\"id\": \"t1\", \"value\": 40.0}}")
                .accepted())
        .isTrue();
  }

  @Test
  void portValueExpression_t2Unknown_rejectsWithAWarning() {
    EventFilter filter = compile("{\"port_value\": \"MUL($t2, 10)\"}");
    assertThat(problems).isEmpty();
    FilterResult result =
        decide(
            filter, "{\"type\": \"value-change\", \"params\": {\"id\": \"t1\", \"value\": 40.0}}");
    assertThat(result.accepted()).isFalse();
    assertThat(result.warning()).contains("MUL($t2, 10)");
  }

  @Test
  void portTagDoor_relayValueChange_acceptsWithAttrsFromState() {
    assertThat(accepts("{\"port_tag\": \"door\"}", RELAY1_ON)).isTrue();
  }

  @Test
  void portTagList_portUpdateWithTagBoiler_rejects() {
    assertThat(
            accepts(
                "{\"port_tag\": [\"door\", \"window\"]}",
                "{\"type\": \"port-update\", \"params\": {\"id\": \"t1\", \"tag\": \"boiler\","
                    + " \"value\": 61.5}}"))
        .isFalse();
  }

  @Test
  void portDisplayNameTransitionAnyToMain_displayNameSet_accepts() {
    assertThat(
            accepts(
                "{\"port_display_name_transition\": [\"any\", \"Main\"]}",
                "{\"type\": \"port-update\", \"params\": {\"id\": \"relay1\", \"type\":"
                    + " \"boolean\", \"enabled\": true, \"tag\": \"door\", \"display_name\":"
                    + " \"Main\", \"value\": false}}"))
        .isTrue();
  }

  @Test
  void portEnabledFalse_portUpdateEnabledTrue_rejects() {
    assertThat(
            accepts(
                "{\"port_enabled\": false}",
                "{\"type\": \"port-update\", \"params\": {\"id\": \"relay1\", \"enabled\": true,"
                    + " \"value\": false}}"))
        .isFalse();
  }

  @Test
  void deviceNameGarage_deviceUpdateNamedGarage_accepts() {
    assertThat(
            accepts(
                "{\"device_name\": \"garage\"}",
                "{\"type\": \"device-update\", \"params\": {\"name\": \"garage\", \"uptime\":"
                    + " 15}}"))
        .isTrue();
  }

  @Test
  void deviceUptimeTransitionAnyAny_uptimeChanges_accepts() {
    assertThat(
            accepts(
                "{\"device_uptime_transition\": [\"any\", \"any\"]}",
                "{\"type\": \"device-update\", \"params\": {\"name\": \"garage\", \"uptime\":"
                    + " 15}}"))
        .isTrue();
  }

  @Test
  void deviceUptimeTransitionAnyAny_fullUpdateWithNothingChanged_rejects() {
    assertThat(
            accepts(
                "{\"device_uptime_transition\": [\"any\", \"any\"]}",
                "{\"type\": \"full-update\", \"params\": {}}"))
        .isFalse();
  }

  @Test
  void slaveOnlineTransitionTrueToFalse_slaveGoesOffline_accepts() {
    assertThat(
            accepts(
                "{\"slave_online_transition\": [true, false]}",
                "{\"type\": \"slave-device-update\", \"params\": {\"enabled\": true, \"name\":"
                    + " \"shed\", \"online\": false, \"attrs\": {\"name\": \"shed\"}}}"))
        .isTrue();
  }

  @Test
  void slaveOnlineTrue_portEvent_acceptsBecauseSlaveRulesIgnorePortEvents() {
    assertThat(accepts("{\"slave_online\": true}", RELAY1_ON)).isTrue();
  }

  @Test
  void expressionGtT1_t1EnabledAbove50_accepts() {
    EventFilter filter = compile("{\"expression\": \"GT($t1, 50)\"}");
    assertThat(problems).isEmpty();
    assertThat(decide(filter, RELAY1_ON).accepted()).isTrue();
  }

  @Test
  void expressionGtT1_t1Disabled_rejects() {
    sync(false);
    EventFilter filter = compile("{\"expression\": \"GT($t1, 50)\"}");
    assertThat(problems).isEmpty();
    FilterResult result = decide(filter, RELAY1_ON);
    assertThat(result.accepted()).isFalse();
    assertThat(result.warning()).contains("GT($t1, 50)");
  }

  @Test
  void expressionDeviceAttr_poorContext_rejects() {
    EventFilter filter = compile("{\"expression\": \"#:uptime\"}");
    assertThat(problems).isEmpty();
    assertThat(decide(filter, RELAY1_ON).accepted()).isFalse();
  }

  @Test
  void typeValueChangeAndDeviceNameOther_valueChange_acceptsBecauseDeviceRuleIgnored() {
    assertThat(accepts("{\"type\": \"value-change\", \"device_name\": \"other\"}", RELAY1_ON))
        .isTrue();
  }

  @Test
  void expressionWithSyntaxError_compile_isAConfigurationProblemNamingKeyExpressionAndPosition() {
    compile("{\"expression\": \"GT($t1, 50) + 1 @\"}");

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .startsWith("expression: ")
        .contains("\"GT($t1, 50) + 1 @\"")
        .contains("does not parse")
        .contains("position");
  }

  @Test
  void transitionNotAPair_compile_isAConfigurationProblem() {
    compile("{\"port_value_transition\": [true], \"device_uptime_transition\": 5}");

    assertThat(problems)
        .containsExactly(
            "port_value_transition: must be a two-element list [from, to] (got a list of 1"
                + " elements)",
            "device_uptime_transition: must be a two-element list [from, to] (got integer)");
  }

  @Test
  void secretAttributeRule_rejection_neverShowsTheValue() {
    EventFilter filter = compile("{\"device_wifi_key\": \"guess\"}");

    FilterResult result =
        decide(filter, "{\"type\": \"device-update\", \"params\": {\"wifi_key\": \"hunter22\"}}");

    assertThat(result.accepted()).isFalse();
    assertThat(result.reason()).isEqualTo("device_wifi_key: the value does not match");
  }

  @Test
  void unknownKey_compile_isAWarningNotAProblem() {
    compile("{\"devices_name\": \"x\"}");

    assertThat(problems).isEmpty();
    assertThat(warnings).singleElement().asString().startsWith("devices_name: unknown filter key");
  }

  @Test
  void expressionContextRich_deviceAttribute_accepts() {
    EventFilter filter =
        EventFilter.compile(
            TestJson.object("{\"expression\": \"#:uptime\"}"),
            new FilterProblems() {
              @Override
              public void problem(String key, String message) {
                problems.add(key + ": " + message);
              }

              @Override
              public void warning(String key, String message) {}
            },
            true);
    assertThat(problems).isEmpty();
    assertThat(decide(filter, RELAY1_ON).accepted()).isTrue();
  }
}
