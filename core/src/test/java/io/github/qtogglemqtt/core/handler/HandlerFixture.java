package io.github.qtogglemqtt.core.handler;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.testing.FakeJsonEncoder;
import io.github.qtogglemqtt.core.testing.FakeTemplateEngine;
import io.github.qtogglemqtt.core.testing.MutableClock;
import io.github.qtogglemqtt.core.testing.RecordingHandlerObserver;
import io.github.qtogglemqtt.core.testing.TestJson;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds handlers for tests from a JSON handler entry, with the fakes of the test-jar. */
final class HandlerFixture {
  static final Duration WAIT = Duration.ofSeconds(10);

  final RecordingHandlerObserver observer = new RecordingHandlerObserver();
  final MutableClock clock = MutableClock.atEpochSeconds(1_718_000_000.25);
  final FakeJsonEncoder json = new FakeJsonEncoder();
  ZoneId zone = ZoneOffset.UTC;
  GlobalSettings global = GlobalSettings.none();

  static HandlerSettings settings(String entryJson) {
    AdapterProperties entry = AdapterProperties.of("event_handlers[0]", TestJson.object(entryJson));
    HandlerSettings settings = HandlerSettings.parse(entry, "0", new FakeTemplateEngine());
    assertThat(entry.problems()).as("configuration problems").isEmpty();
    return settings;
  }

  EventHandler dryRun(String entryJson) {
    EventHandler handler =
        EventHandler.dryRun(settings(entryJson), global, json, observer, clock, zone);
    handler.start();
    return handler;
  }

  EventHandler real(String entryJson, BrokerPublisher publisher) {
    EventHandler handler =
        new EventHandler(settings(entryJson), global, publisher, json, observer, clock, zone);
    handler.start();
    return handler;
  }

  static Event event(String wireJson) {
    return event(wireJson, 1_718_000_000.25);
  }

  static Event event(String wireJson, double timestamp) {
    Map<String, @Nullable Object> wire = TestJson.object(wireJson);
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> params =
        (Map<String, @Nullable Object>) wire.getOrDefault("params", Map.of());
    return Event.fromWire((String) wire.get("type"), params, timestamp).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  static DeviceSnapshot snapshot(
      String deviceJson, String portsJson, String slavesJson, double ts) {
    return new DeviceSnapshot(
        TestJson.object(deviceJson),
        (List<Map<String, @Nullable Object>>) TestJson.parse(portsJson),
        (List<Map<String, @Nullable Object>>) TestJson.parse(slavesJson),
        ts);
  }

  static void idle(EventHandler handler) {
    assertThat(handler.awaitIdle(WAIT)).as("handler idle").isTrue();
  }
}
