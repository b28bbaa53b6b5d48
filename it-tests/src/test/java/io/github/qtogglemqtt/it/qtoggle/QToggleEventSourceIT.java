package io.github.qtogglemqtt.it.qtoggle;

import static io.github.qtogglemqtt.it.qtoggle.QToggleApiDouble.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.port.in.EventSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The long-poll source ({@code "qtoggle"}) against the qToggle API double (spec 2.10). */
@Timeout(90)
class QToggleEventSourceIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private QToggleApiDouble device;
  private final RecordingSink sink = new RecordingSink();
  private @Nullable EventSource source;

  @BeforeEach
  void startDevice() throws Exception {
    device = new QToggleApiDouble("garage", "adminpw", "normalpw", "viewpw");
    device.addPortSilently(port("relay1", "boolean", false));
    device.addPortSilently(port("t1", "number", 21.5));
    device.addPortSilently(port("v2", "number", 3L));
    device.start();
  }

  @AfterEach
  void stopAll() {
    if (source != null) {
      source.close();
    }
    device.close();
  }

  private EventSource start(Map<String, Object> overrides) {
    Map<String, Object> keys = new HashMap<>();
    keys.put("url", device.url().toString());
    keys.put("password", "adminpw");
    keys.put("keepalive", 2);
    keys.put("retry_interval", "300ms");
    keys.put("request_timeout", "3s");
    keys.putAll(overrides);
    source = Sources.create("qtoggle", keys, sink);
    source.start();
    return source;
  }

  private void awaitSnapshots(int n) {
    await().atMost(WAIT).until(() -> sink.snapshots().size() >= n);
  }

  @Test
  void start_normalSession_snapshotThenEventsInOrder() {
    start(Map.of());
    awaitSnapshots(1);

    DeviceSnapshot snapshot = sink.snapshots().get(0);
    assertThat(snapshot.device()).containsEntry("name", "garage").containsKey("definitions");
    assertThat(snapshot.ports()).extracting(p -> p.get("id")).containsExactly("relay1", "t1", "v2");
    assertThat(snapshot.ports().get(1).get("value")).isEqualTo(21.5);
    assertThat(snapshot.slaves()).isEmpty();
    assertThat(sink.received().get(0)).isInstanceOf(DeviceSnapshot.class);

    await().atMost(WAIT).until(() -> device.sessionCount() == 1);
    device.setValue("relay1", true);
    device.setValue("t1", 22.0);
    device.setValue("v2", 4L);
    device.deviceUpdate();
    await().atMost(WAIT).until(() -> sink.events().size() >= 4);

    assertThat(sink.eventSummaries())
        .containsExactly(
            "value-change relay1", "value-change t1", "value-change v2", "device-update");
    Event t1 = sink.events().get(1);
    assertThat(t1.params().get("value")).isEqualTo(22.0).isInstanceOf(Double.class);
    assertThat(t1.timestamp()).isGreaterThan(1.7e9);
    assertThat(sink.sawConcurrentCalls()).isFalse();

    // one stable session id of letters and digits; the first poll with timeout=1, then keep-alive
    List<QToggleApiDouble.Request> listens = device.requests("listen");
    Set<String> ids =
        listens.stream().map(QToggleApiDouble.Request::sessionId).collect(Collectors.toSet());
    assertThat(ids).hasSize(1);
    assertThat(ids.iterator().next()).matches("[A-Za-z0-9]{1,32}");
    assertThat(listens.get(0).query()).isEqualTo("timeout=1");
    assertThat(listens.get(listens.size() - 1).query()).isEqualTo("timeout=2");
    assertThat(device.requests()).allMatch(r -> r.level() == QToggleApiDouble.ADMIN);
  }

  @Test
  void listen_emptyPolls_keepTheSessionAliveWithoutEvents() {
    start(Map.of("keepalive", 1));
    awaitSnapshots(1);
    int before = device.requests("listen").size();

    await().atMost(WAIT).until(() -> device.requests("listen").size() >= before + 3);

    assertThat(sink.events()).isEmpty();
    assertThat(sink.snapshots()).hasSize(1);
    assertThat(device.sessionCount()).isEqualTo(1);
  }

  @Test
  void deviceRestart_resyncEventsBringTheHandlersToTheTrueState() throws Exception {
    start(Map.of());
    awaitSnapshots(1);
    await().atMost(WAIT).until(() -> device.sessionCount() == 1);

    device.stop();
    device.setValueSilently("relay1", true);
    device.setPortAttributeSilently("t1", "display_name", "Boiler");
    device.removePortSilently("v2");
    device.addPortSilently(port("v3", "boolean", true));
    device.setDeviceAttributeSilently("display_name", "Garage after the update");
    device.restart();

    awaitSnapshots(2);
    await().atMost(WAIT).until(() -> sink.events().size() >= 5);

    assertThat(sink.eventSummaries())
        .containsExactly(
            "port-remove v2",
            "value-change relay1",
            "port-update t1",
            "port-add v3",
            "device-update");
    Event valueChange = sink.events().get(1);
    assertThat(valueChange.params()).containsEntry("value", true).containsEntry("old_value", false);

    // replaying what the sink got reproduces the device's true state
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    for (Object item : sink.received()) {
      if (item instanceof DeviceSnapshot s) {
        values.clear();
        s.ports().forEach(p -> values.put((String) p.get("id"), p.get("value")));
      } else if (item instanceof Event e) {
        switch (e.type()) {
          case VALUE_CHANGE, PORT_ADD, PORT_UPDATE ->
              values.put((String) e.params().get("id"), e.params().get("value"));
          case PORT_REMOVE -> values.remove((String) e.params().get("id"));
          default -> {}
        }
      }
    }
    assertThat(values)
        .containsOnly(Map.entry("relay1", true), Map.entry("t1", 21.5), Map.entry("v3", true));

    // after the gap the source polled again with timeout=1
    assertThat(
            device.requests("listen").stream().filter(r -> "timeout=1".equals(r.query())).count())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void deviceRestart_withoutResyncEvents_onlyASilentSnapshot() throws Exception {
    start(Map.of("resync_events", false));
    awaitSnapshots(1);
    await().atMost(WAIT).until(() -> device.sessionCount() == 1);

    device.stop();
    device.setValueSilently("relay1", true);
    device.restart();

    awaitSnapshots(2);
    assertThat(sink.events()).isEmpty();
    assertThat(sink.snapshots().get(1).ports().get(0)).containsEntry("value", true);
  }

  @Test
  void wrongPassword_noDeliveryAndNoTightLoop() {
    start(Map.of("password", "wrong", "retry_interval", "500ms"));

    await().atMost(WAIT).until(() -> device.requests().size() >= 4);

    assertThat(sink.received()).isEmpty();
    List<QToggleApiDouble.Request> requests = device.requests();
    // one attempt per retry interval: no tight loop
    for (int i = 1; i < requests.size(); i++) {
      assertThat(Duration.between(requests.get(i - 1).at(), requests.get(i).at()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }
    assertThat(requests).allMatch(r -> r.level() == QToggleApiDouble.NONE);
  }

  @Test
  void nonAdminUser_portsOnlyAndNoAdminEvents() {
    start(Map.of("username", "normal", "password", "normalpw"));
    awaitSnapshots(1);
    await().atMost(WAIT).until(() -> device.sessionCount() == 1);

    assertThat(sink.snapshots().get(0).device()).isEmpty();
    assertThat(sink.snapshots().get(0).ports()).hasSize(3);
    assertThat(device.requests("device")).isEmpty();

    device.deviceUpdate();
    device.setValue("relay1", true);
    await().atMost(WAIT).until(() -> !sink.events().isEmpty());

    assertThat(sink.eventSummaries()).containsExactly("value-change relay1");
    assertThat(device.requests()).allMatch(r -> r.level() == QToggleApiDouble.NORMAL);
  }

  @Test
  void listen_malformedAndUnknownEvents_areSkippedAndTheRestDelivered() {
    start(Map.of());
    awaitSnapshots(1);
    await().atMost(WAIT).until(() -> device.sessionCount() == 1);

    Map<String, @Nullable Object> unknown = new LinkedHashMap<>();
    unknown.put("type", "dashboard-update");
    unknown.put("params", Map.of());
    unknown.put("session_id", "x");
    device.emitRaw(unknown, QToggleApiDouble.VIEWONLY);
    Map<String, @Nullable Object> noId = new LinkedHashMap<>();
    noId.put("type", "value-change");
    noId.put("params", Map.of("value", true));
    device.emitRaw(noId, QToggleApiDouble.VIEWONLY);
    device.emitRaw(Map.of("params", Map.of()), QToggleApiDouble.VIEWONLY);
    device.setValue("relay1", true);

    await().atMost(WAIT).until(() -> !sink.events().isEmpty());
    assertThat(sink.eventSummaries()).containsExactly("value-change relay1");
  }

  @Test
  void listen_invalidJson_isAGapFollowedByANewSnapshot() {
    start(Map.of());
    awaitSnapshots(1);
    await().atMost(WAIT).until(() -> device.sessionCount() == 1);

    device.answerNextListenWith("[{\"type\": \"value-change\", \"params\": {\"id\": ");
    // the next poll gets a broken answer; the change meanwhile must come with the new snapshot
    device.setValueSilently("relay1", true);

    awaitSnapshots(2);
    device.setValue("t1", 30.5);
    await().atMost(WAIT).until(() -> sink.eventSummaries().contains("value-change t1"));
    // the resync reports the change made during the gap as an event after the snapshot
    assertThat(sink.eventSummaries()).startsWith("value-change relay1");
    assertThat(sink.events().get(0).params()).containsEntry("value", true);
  }

  @Test
  void listen_hangingPastTheReadTimeout_retriesAndResyncs() {
    start(Map.of("keepalive", 1));
    awaitSnapshots(1);
    await().atMost(WAIT).until(() -> device.sessionCount() == 1);
    device.hangNextListens(1);
    int before = device.requests("listen").size();
    await().atMost(WAIT).until(() -> device.requests("listen").size() > before);
    device.setValueSilently("relay1", true);

    // read timeout = keep-alive + 10 s = 11 s; then a poll with timeout=1 and a new snapshot
    await().atMost(Duration.ofSeconds(40)).until(() -> sink.snapshots().size() >= 2);

    // the device's uptime moved on meanwhile, hence the device-update
    assertThat(sink.eventSummaries()).containsExactly("value-change relay1", "device-update");
  }

  @Test
  void deviceUpdate_uptimeWentBack_resyncs() throws Exception {
    device.setDeviceAttributeSilently("uptime", 1000L);
    start(Map.of());
    awaitSnapshots(1);
    await().atMost(WAIT).until(() -> device.sessionCount() == 1);

    // a reboot that no poll noticed: the session is gone, silently (spec 2.7 item 9)
    device.rebootQuietly();
    device.setValueSilently("relay1", true);
    await().atMost(WAIT).until(() -> device.sessionCount() == 1);
    device.deviceUpdate();

    awaitSnapshots(2);
    await().atMost(WAIT).until(() -> sink.eventSummaries().contains("value-change relay1"));
    assertThat(sink.eventSummaries()).startsWith("device-update", "value-change relay1");
  }

  @Test
  void fullUpdate_snapshotThenTheEvent() {
    start(Map.of());
    awaitSnapshots(1);
    await().atMost(WAIT).until(() -> device.sessionCount() == 1);

    device.setValueSilently("t1", 40.0);
    device.fullUpdate();
    await().atMost(WAIT).until(() -> !sink.events().isEmpty());

    List<Object> received = sink.received();
    assertThat(received).hasSize(3);
    assertThat(received.get(1)).isInstanceOf(DeviceSnapshot.class);
    assertThat(((DeviceSnapshot) received.get(1)).ports().get(1)).containsEntry("value", 40.0);
    assertThat(sink.eventSummaries()).containsExactly("full-update");
  }

  @Test
  void hub_snapshotIncludesTheSlaves() {
    Map<String, @Nullable Object> slave = new LinkedHashMap<>();
    slave.put("enabled", true);
    slave.put("name", "shed");
    slave.put("online", true);
    slave.put("attrs", Map.of("name", "shed", "display_name", "Shed"));
    device.addSlaveSilently(slave);
    start(Map.of());
    awaitSnapshots(1);

    assertThat(sink.snapshots().get(0).slaves())
        .extracting(s -> s.get("name"))
        .containsExactly("shed");
  }
}
