package io.github.qtogglemqtt.adapter.source.qtoggle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DeviceViewTest {

  private static Map<String, @Nullable Object> port(String id, Object value, String displayName) {
    Map<String, @Nullable Object> port = new LinkedHashMap<>();
    port.put("id", id);
    port.put("display_name", displayName);
    port.put("type", "number");
    port.put("value", value);
    port.put("pending_value", null);
    port.put("definitions", new LinkedHashMap<>());
    return port;
  }

  private static Map<String, @Nullable Object> device(long uptime) {
    Map<String, @Nullable Object> device = new LinkedHashMap<>();
    device.put("name", "garage");
    device.put("uptime", uptime);
    return device;
  }

  private static DeviceSnapshot snapshot(
      Map<String, @Nullable Object> device, List<Map<String, @Nullable Object>> ports) {
    return new DeviceSnapshot(device, new ArrayList<>(ports), List.of(), 100.0);
  }

  @Test
  void resync_nothingChanged_noEvents() {
    DeviceView view = new DeviceView();
    view.reset(snapshot(device(1), List.of(port("a", 1L, "A"))));

    DeviceView.Resync resync = view.resync(snapshot(device(1), List.of(port("a", 1.0, "A"))));

    assertThat(resync.events()).isEmpty();
    assertThat(resync.snapshot().ports()).hasSize(1);
  }

  @Test
  void resync_changes_becomeEventsAfterASnapshotOfTheOldState() {
    DeviceView view = new DeviceView();
    view.reset(
        snapshot(
            device(1), List.of(port("a", 1L, "A"), port("b", 2L, "B"), port("gone", 0L, "G"))));
    Map<String, @Nullable Object> vc = new LinkedHashMap<>();
    vc.put("id", "b");
    vc.put("value", 3L);
    view.apply(Event.fromWire("value-change", vc, 50).orElseThrow());

    DeviceView.Resync resync =
        view.resync(
            snapshot(
                device(99),
                List.of(port("a", 5L, "A"), port("b", 3L, "Bee"), port("new", 7L, "N"))));

    assertThat(resync.events())
        .extracting(e -> e.type().wireName() + " " + e.params().getOrDefault("id", ""))
        .containsExactly(
            "port-remove gone",
            "value-change a",
            "port-update b",
            "port-add new",
            "device-update ");
    Event valueChange = resync.events().get(1);
    assertThat(valueChange.params()).containsEntry("value", 5L).containsEntry("old_value", 1L);
    assertThat(resync.events()).allMatch(e -> e.timestamp() == 100.0);
    // the silent snapshot holds the old state of what the events are about to change
    assertThat(resync.snapshot().device()).containsEntry("uptime", 1L);
    assertThat(resync.snapshot().ports())
        .extracting(p -> p.get("id") + "=" + p.get("value") + "/" + p.get("display_name"))
        .containsExactly("gone=0/G", "a=1/A", "b=3/B");

    // afterwards the view is the fresh state: a second resync finds nothing
    assertThat(
            view.resync(
                    snapshot(
                        device(99),
                        List.of(port("a", 5L, "A"), port("b", 3L, "Bee"), port("new", 7L, "N"))))
                .events())
        .isEmpty();
  }

  @Test
  void resync_slaves_addUpdateRemove() {
    DeviceView view = new DeviceView();
    view.reset(
        new DeviceSnapshot(
            device(1), List.of(), List.of(slave("shed", true), slave("barn", true)), 1.0));

    DeviceView.Resync resync =
        view.resync(
            new DeviceSnapshot(
                device(1), List.of(), List.of(slave("shed", false), slave("attic", true)), 2.0));

    assertThat(resync.events())
        .extracting(e -> e.type().wireName() + " " + e.params().get("name"))
        .containsExactly(
            "slave-device-remove barn", "slave-device-update shed", "slave-device-add attic");
  }

  private static Map<String, @Nullable Object> slave(String name, boolean online) {
    Map<String, @Nullable Object> slave = new LinkedHashMap<>();
    slave.put("name", name);
    slave.put("online", online);
    return slave;
  }

  @Test
  void restartedBy_uptimeGoingBack_isARestart() {
    DeviceView view = new DeviceView();
    view.reset(snapshot(device(500), List.of()));

    assertThat(view.restartedBy(Event.fromWire("device-update", device(3), 1).orElseThrow()))
        .isTrue();
    assertThat(view.restartedBy(Event.fromWire("device-update", device(505), 1).orElseThrow()))
        .isFalse();
  }
}
