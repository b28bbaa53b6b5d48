package io.github.qtogglemqtt.core.handler;

import static io.github.qtogglemqtt.core.handler.HandlerFixture.event;
import static io.github.qtogglemqtt.core.handler.HandlerFixture.idle;
import static io.github.qtogglemqtt.core.handler.HandlerFixture.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.model.DeviceUpdate;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.model.ValueChange;
import io.github.qtogglemqtt.core.port.out.Availability;
import io.github.qtogglemqtt.core.port.out.Credentials;
import io.github.qtogglemqtt.core.testing.FakeBrokerPublisher;
import io.github.qtogglemqtt.core.testing.TestJson;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The defects of the original (spec 7.9) that concern the core: each test fails on the original's
 * behaviour. D2, D8, D16 are in {@link HandlerSettingsTest}; D3/D4 for slaves and D7 in {@link
 * WorkedExamplesTest}; D10 and D14 in {@link OutboxTest}; D13 and D18 state rules in the filter
 * package's DeviceStateTest; D22 in EventFilterTest.
 */
@Timeout(30)
class DefectsTest {
  private static final String DEVICE =
      "{\"name\": \"hub\", \"admin_password\": \"set\", \"wifi_key\": \"k1\", \"uptime\": 10}";
  private static final String PORTS =
      """
      [{"id": "relay1", "type": "boolean", "enabled": true, "value": false},
       {"id": "temp", "type": "number", "enabled": true, "unit": "°C", "value": 21.5}]
      """;
  private static final double SNAPSHOT_TS = 1_717_999_990.0;

  private final HandlerFixture fixture = new HandlerFixture();

  private EventHandler ready(String entry) {
    EventHandler handler = fixture.dryRun(entry);
    handler.snapshot(snapshot(DEVICE, PORTS, "[]", SNAPSHOT_TS));
    return handler;
  }

  private List<String> payloadsAfter(EventHandler handler) {
    idle(handler);
    handler.close();
    return fixture.observer.publishedPayloads();
  }

  @Test
  void d1_noPassword_connectsWithoutOne() {
    FakeBrokerPublisher publisher = FakeBrokerPublisher.disconnected();
    EventHandler handler =
        fixture.real("{\"username\": \"{{device_attrs.name}}-user\"}", publisher);
    handler.snapshot(snapshot(DEVICE, PORTS, "[]", SNAPSHOT_TS));
    idle(handler);

    publisher.connect();
    handler.close();

    Credentials credentials = publisher.credentials().get(0);
    assertThat(credentials.clientId()).isEqualTo("hub");
    assertThat(credentials.username()).isEqualTo("hub-user");
    assertThat(credentials.password()).isNull();
    assertThat(fixture.observer.connections()).containsExactly("0: connected");
  }

  @Test
  void connectionTemplates_renderedPerAttemptWithDeviceAttrsAndMetadata() {
    fixture.global = new GlobalSettings(null, Map.of("mqtt", Map.of("password", "pw-1")), Set.of());
    FakeBrokerPublisher publisher = FakeBrokerPublisher.disconnected();
    EventHandler handler =
        fixture.real(
            """
            {"skip_startup": false, "client_id": "qt-{{device_attrs.name}}", "username": "u",
             "password": "{{metadata.mqtt.password}}",
             "availability_topic": "{{device_attrs.name}}/status",
             "availability_payload_offline": "gone"}
            """,
            publisher);
    assertThat(publisher.isStarted()).as("no connection before the state is known").isFalse();
    handler.snapshot(snapshot(DEVICE, PORTS, "[]", SNAPSHOT_TS));
    idle(handler);
    publisher.connect();
    Map<String, @Nullable Object> renamed = new LinkedHashMap<>(TestJson.object(DEVICE));
    renamed.put("name", "garage");
    handler.event(new DeviceUpdate(renamed, 1_718_000_000.25));
    idle(handler);
    publisher.disconnect("lost");
    publisher.connect();
    handler.close();

    assertThat(publisher.credentials())
        .extracting(Credentials::clientId)
        .containsExactly("qt-hub", "qt-garage");
    assertThat(publisher.credentials().get(1).password().reveal()).isEqualTo("pw-1");
    assertThat(publisher.availabilities())
        .containsExactly(
            new Availability("hub/status", "online", "gone", 0),
            new Availability("garage/status", "online", "gone", 0));
  }

  @Test
  void d4_deviceUpdate_scrubsSecretsFromEveryAttributeMap() {
    EventHandler handler = ready("{\"skip_startup\": false}");
    Map<String, @Nullable Object> params = new LinkedHashMap<>(TestJson.object(DEVICE));
    params.put("wifi_key", "k2");
    params.put("uptime", 15L);
    handler.event(new DeviceUpdate(params, 1_718_000_000.25));

    String payload = payloadsAfter(handler).get(0);
    assertThat(payload).doesNotContain("password").doesNotContain("wifi_key").doesNotContain("k1");
    assertThat(payload).contains("\"changed_attrs\": {\"uptime\": [10, 15]}");
  }

  @Test
  void d3_slaveWifiKeyInMergedDeviceAttrs_isScrubbed() {
    EventHandler handler =
        fixture.dryRun("{\"skip_startup\": false, \"json_context_fields\": [\"device_attrs\"]}");
    handler.snapshot(
        snapshot(
            DEVICE,
            "[]",
            "[{\"name\": \"shed\", \"online\": true, \"attrs\": {\"wifi_key\": \"hunter22\","
                + " \"normal_password\": \"x\"}}]",
            SNAPSHOT_TS));
    handler.event(event("{\"type\": \"full-update\", \"params\": {}}"));

    assertThat(payloadsAfter(handler))
        .containsExactly(
            "{\"device_attrs\": {\"name\": \"hub\", \"uptime\": 10, \"shed:name\": \"shed\", \"shed:online\": true}}");
  }

  @Test
  void d5_sensitiveMetadata_leftOutOfJsonButVisibleToTemplates() {
    fixture.global =
        new GlobalSettings(
            null,
            TestJson.object("{\"site\": {\"name\": \"home\", \"token\": \"abc\"}}"),
            Set.of("site.token"));
    EventHandler handler =
        ready(
            "{\"skip_startup\": false, \"json_context_fields\": [\"metadata\"], \"templates\":"
                + " {\"port-add\": \"{{metadata.site.token}}\"}}");
    handler.event(event("{\"type\": \"full-update\", \"params\": {}}"));
    handler.event(event("{\"type\": \"port-add\", \"params\": {\"id\": \"p9\", \"value\": 1}}"));

    assertThat(payloadsAfter(handler))
        .containsExactly("{\"metadata\": {\"site\": {\"name\": \"home\"}}}", "abc");
  }

  @Test
  void d6_titleBodyTemplate_isPublishedAsJson() {
    EventHandler handler =
        ready(
            "{\"skip_startup\": false, \"template\": {\"title\": \"Door is {{new_value}}\", \"body\": null}}");
    handler.event(
        event("{\"type\": \"value-change\", \"params\": {\"id\": \"relay1\", \"value\": true}}"));

    assertThat(payloadsAfter(handler))
        .containsExactly("{\"title\": \"Door is True\", \"body\": null}");
    assertThat(fixture.observer.published().get(0).contentType()).isEqualTo("application/json");
  }

  @Test
  void emptyTemplateResult_fallsBackToDefaultJson() {
    EventHandler handler =
        ready(
            "{\"skip_startup\": false, \"template\": \"{{nothing}}\", \"json_context_fields\": [\"type\"]}");
    handler.event(event("{\"type\": \"full-update\", \"params\": {}}"));

    assertThat(payloadsAfter(handler)).containsExactly("{\"type\": \"full-update\"}");
  }

  @Test
  void templatePayload_hasNoContentTypeUnlessConfigured() {
    EventHandler handler = ready("{\"skip_startup\": false, \"template\": \"x\"}");
    handler.event(event("{\"type\": \"full-update\", \"params\": {}}"));
    payloadsAfter(handler);

    assertThat(fixture.observer.published().get(0).contentType()).isNull();
  }

  @Test
  void d9_expressionFailingAtRunTime_rejectsWithAWarningNamingIt() {
    EventHandler handler =
        ready("{\"skip_startup\": false, \"filter\": {\"expression\": \"DIV($nope, 2)\"}}");
    handler.event(event("{\"type\": \"full-update\", \"params\": {}}"));

    assertThat(payloadsAfter(handler)).isEmpty();
    assertThat(fixture.observer.outcomes(HandlingOutcome.Filtered.class)).hasSize(1);
    assertThat(fixture.observer.warnings()).singleElement().asString().contains("DIV($nope, 2)");
  }

  @Test
  void d11_nanValue_isWrittenAsNullWithAWarning() {
    EventHandler handler =
        ready("{\"skip_startup\": false, \"json_context_fields\": [\"new_value\"]}");
    Map<String, @Nullable Object> params = new LinkedHashMap<>();
    params.put("id", "temp");
    params.put("value", Double.NaN);
    handler.event(new ValueChange("temp", params, 1_718_000_000.25));

    assertThat(payloadsAfter(handler)).containsExactly("{\"new_value\": null}");
    assertThat(fixture.observer.warnings()).singleElement().asString().contains("NaN");
  }

  @Test
  void d12_momentInJsonIsUtcWhateverTheZone_prettyMomentIsLocal() {
    fixture.zone = ZoneId.of("Europe/Bucharest");
    EventHandler handler =
        ready(
            "{\"skip_startup\": false, \"json_context_fields\": [\"moment\", \"pretty_moment\"]}");
    handler.event(event("{\"type\": \"full-update\", \"params\": {}}", 1_718_000_000.25));

    assertThat(payloadsAfter(handler))
        .containsExactly(
            "{\"moment\": \"2024-06-10T06:13:20Z\", \"pretty_moment\": \"Mon Jun 10 09:13:20 2024\"}");
  }

  @Test
  void d15_invalidTopics_areReportedAndSkipped() {
    EventHandler handler =
        fixture.dryRun("{\"skip_startup\": false, \"topic\": \"{{new_value}}\"}");
    for (String value : List.of("\"\"", "\"a/+/b\"", "\"a/#\"", "\"a\\u0000b\"", "\"ok\"")) {
      handler.event(
          event(
              "{\"type\": \"value-change\", \"params\": {\"id\": \"s\", \"value\": "
                  + value
                  + "}}"));
    }
    String longTopic = "x".repeat(65_536);
    Map<String, @Nullable Object> params = new LinkedHashMap<>();
    params.put("id", "s");
    params.put("value", longTopic);
    handler.event(new ValueChange("s", params, 1_718_000_000.25));
    idle(handler);
    handler.close();

    assertThat(fixture.observer.outcomes(HandlingOutcome.InvalidTopic.class))
        .extracting(HandlingOutcome.InvalidTopic::reason)
        .containsExactly(
            "the topic is empty",
            "the topic contains a wildcard (+ or #)",
            "the topic contains a wildcard (+ or #)",
            "the topic contains U+0000",
            "the topic is 65536 UTF-8 bytes long (at most 65535)");
    assertThat(fixture.observer.published()).extracting(m -> m.topic()).containsExactly("ok");
  }

  @Test
  void d15_defaultTopicBeforeAnyDeviceAttributes_isEmptyAndSkipped() {
    EventHandler handler = fixture.dryRun("{\"skip_startup\": false}");
    handler.event(event("{\"type\": \"full-update\", \"params\": {}}"));
    idle(handler);
    handler.close();

    assertThat(fixture.observer.outcomes(HandlingOutcome.InvalidTopic.class)).hasSize(1);
  }

  @Test
  void d17_skipStartupTrue_skipsUntilReadyAndOneSecondAfterTheFirstSnapshot() {
    EventHandler handler = fixture.dryRun("{\"topic\": \"t\", \"template\": \"{{timestamp}}\"}");
    handler.event(event("{\"type\": \"full-update\", \"params\": {}}", SNAPSHOT_TS - 1));
    handler.snapshot(snapshot(DEVICE, PORTS, "[]", SNAPSHOT_TS));
    handler.event(event("{\"type\": \"full-update\", \"params\": {}}", SNAPSHOT_TS + 0.5));
    handler.event(event("{\"type\": \"full-update\", \"params\": {}}", SNAPSHOT_TS + 1.5));
    idle(handler);
    handler.close();

    assertThat(fixture.observer.outcomes(HandlingOutcome.SkippedAtStartup.class)).hasSize(2);
    assertThat(fixture.observer.publishedPayloads()).containsExactly("1717999991.5");
  }

  @Test
  void d18_fullUpdate_afterTheSourcesResync_seesTheRefreshedPorts() {
    EventHandler handler =
        ready("{\"skip_startup\": false, \"json_context_fields\": [\"port_values\"]}");
    handler.snapshot(
        snapshot(
            DEVICE,
            "[{\"id\": \"relay1\", \"value\": true}, {\"id\": \"new\", \"value\": 3}]",
            "[]",
            SNAPSHOT_TS + 5));
    handler.event(event("{\"type\": \"full-update\", \"params\": {}}"));

    assertThat(payloadsAfter(handler))
        .containsExactly("{\"port_values\": {\"relay1\": true, \"new\": 3}}");
  }

  @Test
  void d19_twoHandlersWithTheDefaultClientId_areReportedAsDuplicates() {
    EventHandler a = fixture.dryRun("{\"name\": \"a\"}");
    EventHandler b = fixture.dryRun("{\"name\": \"b\"}");
    EventHandler c =
        fixture.dryRun("{\"name\": \"c\", \"client_id\": \"{{device_attrs.name}}-c\"}");
    EventDispatcher dispatcher = new EventDispatcher(List.of(a, b, c));
    dispatcher.snapshot(snapshot(DEVICE, PORTS, "[]", SNAPSHOT_TS));
    idle(a);
    idle(b);
    idle(c);

    assertThat(dispatcher.duplicateClientIds())
        .containsExactly(Map.entry("hub", List.of("a", "b")));
    a.close();
    b.close();
    c.close();
  }

  @Test
  void d20_prettyValueOfAnExplicitNull_isUnknown() {
    EventHandler handler =
        ready(
            "{\"skip_startup\": false, \"template\":"
                + " \"{{port.get_pretty_value(None)}}|{{port.get_pretty_value()}}|{{port.get_pretty_value(old_value)}}\"}");
    handler.event(
        event("{\"type\": \"value-change\", \"params\": {\"id\": \"new\", \"value\": 5}}"));

    assertThat(payloadsAfter(handler)).containsExactly("unknown|5|unknown");
  }

  @Test
  void d21_topicSeesUnscrubbedAttributesEvenWithTheJsonPayload() {
    EventHandler handler =
        ready(
            "{\"skip_startup\": false, \"topic\": \"{{device_attrs.name}}/{{device_attrs['wifi_key']}}\"}");
    handler.event(event("{\"type\": \"full-update\", \"params\": {}}"));
    payloadsAfter(handler);

    assertThat(fixture.observer.published().get(0).topic()).isEqualTo("hub/k1");
    assertThat(fixture.observer.published().get(0).payloadText()).doesNotContain("k1");
  }
}
