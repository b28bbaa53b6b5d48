package io.github.qtogglemqtt.core.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.error.Problem;
import io.github.qtogglemqtt.core.model.EventType;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.testing.FakeTemplateEngine;
import io.github.qtogglemqtt.core.testing.TestJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handler keys of spec 7.2 and the extensions: types, defaults, validation. */
class HandlerSettingsTest {
  private AdapterProperties entry;

  private HandlerSettings parse(String json) {
    entry = AdapterProperties.of("event_handlers[0]", TestJson.object(json));
    return HandlerSettings.parse(entry, "0", new FakeTemplateEngine());
  }

  private List<String> problems() {
    return entry.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void parse_onlyServer_usesTheAddOnsDefaults() {
    HandlerSettings settings =
        parse("{\"driver\": \"qtoggleserver.mqtt.MQTTEventHandler\", \"server\": \"broker\"}");

    assertThat(problems()).isEmpty();
    assertThat(settings.name()).isEqualTo("0");
    assertThat(settings.topicSource()).isEqualTo("{{device_attrs.name}}");
    assertThat(settings.clientIdSource()).isEqualTo("{{device_attrs.name}}");
    assertThat(settings.qos()).isZero();
    assertThat(settings.retain(EventType.VALUE_CHANGE)).isFalse();
    assertThat(settings.skipStartup()).isTrue();
    assertThat(settings.skipStartupSeconds()).isEqualTo(1.0);
    assertThat(settings.jsonContextFields()).isNull();
    assertThat(settings.bufferSize()).isEqualTo(10_000);
    assertThat(settings.bufferOverflow()).isEqualTo(HandlerSettings.OverflowPolicy.DROP_OLDEST);
    assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.maxPayloadBytes()).isEqualTo(268_435_455);
    assertThat(settings.richExpressionContext()).isFalse();
    assertThat(settings.hasAvailability()).isFalse();
    assertThat(settings.contentType()).isNull();
    assertThat(settings.messageExpirySeconds()).isZero();
    assertThat(settings.userProperties()).isEmpty();
    assertThat(settings.warnings()).isEmpty();
    // driver is marked read for the app; connection keys are left to the MQTT adapter
    assertThat(entry.unreadKeys()).containsExactly("server");
  }

  @Test
  void parse_qosThree_isAProblemNamingTheKey() {
    parse("{\"qos\": 3}");

    assertThat(problems()).containsExactly("event_handlers[0].qos: must be 0, 1 or 2 (got 3)");
  }

  @Test
  void parse_passwordWithoutUsername_isAProblem_D2() {
    parse("{\"password\": \"secret\"}");

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith("event_handlers[0].password: is set without a username")
        .doesNotContain("secret");
  }

  @Test
  void parse_emptyJsonContextFields_meansAllFieldsWithAWarning_D16() {
    HandlerSettings settings = parse("{\"json_context_fields\": []}");

    assertThat(problems()).isEmpty();
    assertThat(settings.jsonContextFields()).isNull();
    assertThat(settings.warnings())
        .singleElement()
        .asString()
        .startsWith("event_handlers[0].json_context_fields: the list is empty");
  }

  @Test
  void parse_topicThatDoesNotCompile_isAProblemWithLineAndColumn() {
    parse("{\"topic\": \"a/\\n{{ device_attrs.name\"}");

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith("event_handlers[0].topic: does not compile: (line 2, column 1)");
  }

  @Test
  void parse_passwordTemplateThatDoesNotCompile_neverShowsTheSource() {
    parse("{\"username\": \"u\", \"password\": \"{{ s3cret\"}");

    assertThat(problems())
        .containsExactly("event_handlers[0].password: is not a valid template (line 1, column 1)");
  }

  @Test
  void parse_badTransitionInFilter_isAProblemWithTheFilterPath() {
    parse("{\"filter\": {\"port_value_transition\": [1, 2, 3]}}");

    assertThat(problems())
        .containsExactly(
            "event_handlers[0].filter.port_value_transition: must be a two-element list [from, to]"
                + " (got a list of 3 elements)");
  }

  @Test
  void parse_filterExpressionSyntaxError_isAProblemAtConfigurationTime_D8() {
    parse("{\"filter\": {\"expression\": \"NOPE($t1)\"}}");

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith("event_handlers[0].filter.expression: expression \"NOPE($t1)\" does not parse");
  }

  @Test
  void parse_unknownFilterKeyAndUnknownTemplateType_areWarnings() {
    HandlerSettings settings =
        parse("{\"filter\": {\"colour\": \"red\"}, \"templates\": {\"value-chnage\": \"x\"}}");

    assertThat(problems()).isEmpty();
    assertThat(settings.warnings()).hasSize(2);
    assertThat(settings.warnings().get(0)).startsWith("event_handlers[0].templates.value-chnage");
    assertThat(settings.warnings().get(1)).startsWith("event_handlers[0].filter.colour");
  }

  @Test
  void parse_retainTypesList_retainsOnlyThoseTypes() {
    HandlerSettings settings =
        parse("{\"retain\": true, \"retain_types\": [\"device-update\", \"port-add\"]}");

    assertThat(settings.retain(EventType.DEVICE_UPDATE)).isTrue();
    assertThat(settings.retain(EventType.PORT_ADD)).isTrue();
    assertThat(settings.retain(EventType.VALUE_CHANGE)).isFalse();
  }

  @Test
  void parse_retainTypesMap_overridesRetainPerType() {
    HandlerSettings settings =
        parse("{\"retain\": true, \"retain_types\": {\"value-change\": false}}");

    assertThat(settings.retain(EventType.VALUE_CHANGE)).isFalse();
    assertThat(settings.retain(EventType.DEVICE_UPDATE)).isTrue();
  }

  @Test
  void parse_retainTypesWithUnknownType_isAProblem() {
    parse("{\"retain_types\": [\"value-changed\"]}");

    assertThat(problems())
        .singleElement()
        .asString()
        .startsWith("event_handlers[0].retain_types[0]: must be one of value-change,");
  }

  @Test
  void parse_skipStartupNumberFalseAndString() {
    assertThat(parse("{\"skip_startup\": 5}").skipStartupSeconds()).isEqualTo(5.0);
    assertThat(parse("{\"skip_startup\": false}").skipStartup()).isFalse();
    assertThat(parse("{\"skip_startup\": 0}").skipStartup()).isFalse();
    parse("{\"skip_startup\": \"yes\"}");
    assertThat(problems()).singleElement().asString().startsWith("event_handlers[0].skip_startup:");
  }

  @Test
  void parse_outboxAndMqtt5Keys() {
    HandlerSettings settings =
        parse(
            """
            {"buffer_size": 0, "buffer_overflow": "drop_newest", "shutdown_timeout": "2s",
             "max_payload_bytes": 1000, "content_type": "text/plain", "message_expiry": 60,
             "user_properties": {"site": "home"}, "expression_context": "rich",
             "availability_topic": "{{device_attrs.name}}/status", "name": "main"}
            """);

    assertThat(problems()).isEmpty();
    assertThat(settings.name()).isEqualTo("main");
    assertThat(settings.bufferSize()).isZero();
    assertThat(settings.bufferOverflow()).isEqualTo(HandlerSettings.OverflowPolicy.DROP_NEWEST);
    assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.maxPayloadBytes()).isEqualTo(1000);
    assertThat(settings.contentType()).isEqualTo("text/plain");
    assertThat(settings.messageExpirySeconds()).isEqualTo(60);
    assertThat(settings.userProperties()).containsEntry("site", "home");
    assertThat(settings.richExpressionContext()).isTrue();
    assertThat(settings.hasAvailability()).isTrue();
  }

  @Test
  void parse_badOutboxValues_areProblems() {
    parse(
        "{\"buffer_size\": -1, \"buffer_overflow\": \"drop_all\", \"user_properties\": {\"a\": 1}}");

    assertThat(problems())
        .containsExactly(
            "event_handlers[0].buffer_size: must be between 0 and 10000000 (got -1)",
            "event_handlers[0].buffer_overflow: must be one of drop_oldest, drop_newest (got"
                + " \"drop_all\")",
            "event_handlers[0].user_properties.a: must be a string (got integer)");
  }
}
