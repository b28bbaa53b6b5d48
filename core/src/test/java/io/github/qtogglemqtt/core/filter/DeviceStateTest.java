package io.github.qtogglemqtt.core.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.testing.TestJson;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Handler state tracking (spec 3): what each event computes and changes. */
class DeviceStateTest {
  private final DeviceState state = new DeviceState();

  @SuppressWarnings("unchecked")
  private void sync(String device, String ports, String slaves) {
    state.sync(
        new DeviceSnapshot(
            TestJson.object(device),
            (List<Map<String, @Nullable Object>>) TestJson.parse(ports),
            (List<Map<String, @Nullable Object>>) TestJson.parse(slaves),
            1.0));
  }

  private EventDelta apply(String wireJson) {
    Map<String, @Nullable Object> wire = TestJson.object(wireJson);
    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> params = (Map<String, @Nullable Object>) wire.get("params");
    return state.apply(Event.fromWire((String) wire.get("type"), params, 2.0).orElseThrow());
  }

  @Test
  void diff_keysOfNewInOrderThenKeysOnlyInOld_D13() {
    sync("{\"z\": 1, \"a\": 1, \"gone\": 5, \"same\": 1, \"nulled\": 2, \"m\": 0}", "[]", "[]");

    EventDelta delta =
        apply(
            "{\"type\": \"device-update\", \"params\": {\"m\": 9, \"new\": 1, \"a\": 2,"
                + " \"same\": 1.0, \"nulled\": null, \"z\": 3}}");

    assertThat(delta.changedAttrs().keySet()).containsExactly("m", "a", "z");
    assertThat(delta.changedAttrs().get("a")).isEqualTo(List.of(1L, 2L));
    assertThat(delta.addedAttrs()).containsOnlyKeys("new");
    // an explicit null counts as removed; a key that disappeared too, after the keys of new
    assertThat(delta.removedAttrs().keySet()).containsExactly("nulled", "gone");
    assertThat(state.deviceAttrs().keySet())
        .containsExactly("m", "new", "a", "same", "nulled", "z");
  }

  @Test
  void diff_oneToOnePointZeroOrTrue_isNotAChange() {
    sync("{\"a\": 1, \"b\": 1}", "[]", "[]");

    EventDelta delta =
        apply("{\"type\": \"device-update\", \"params\": {\"a\": 1.0, \"b\": true}}");

    assertThat(delta.changedAttrs()).isEmpty();
  }

  @Test
  void valueChange_oldValueComesFromStateNotFromTheEvent() {
    sync("{}", "[{\"id\": \"p\", \"enabled\": true, \"value\": 1}]", "[]");

    EventDelta delta =
        apply(
            "{\"type\": \"value-change\", \"params\": {\"id\": \"p\", \"value\": 3, \"old_value\": 2}}");

    assertThat(delta.oldValue()).isEqualTo(1L);
    assertThat(delta.newValue()).isEqualTo(3L);
    assertThat(delta.newAttrs()).containsEntry("id", "p").doesNotContainKey("value");
    assertThat(state.portValues()).containsEntry("p", 3L);
  }

  @Test
  void valueChange_unknownPort_fallsBackToTheEventsOldValue() {
    EventDelta delta =
        apply(
            "{\"type\": \"value-change\", \"params\": {\"id\": \"q\", \"value\": 3, \"old_value\": 2}}");

    assertThat(delta.oldValue()).isEqualTo(2L);
    assertThat(delta.oldAttrs()).isEmpty();
  }

  @Test
  void portUpdate_dropsValuePendingValueAndDefinitionsFromAttributes() {
    sync("{}", "[{\"id\": \"p\", \"tag\": \"a\", \"value\": 1}]", "[]");

    EventDelta delta =
        apply(
            "{\"type\": \"port-update\", \"params\": {\"id\": \"p\", \"tag\": \"b\", \"value\": 1,"
                + " \"pending_value\": null, \"definitions\": {}}}");

    assertThat(delta.newAttrs()).containsOnlyKeys("id", "tag");
    assertThat(delta.changedAttrs()).containsOnlyKeys("tag");
    assertThat(delta.oldValue()).isEqualTo(1L);
  }

  @Test
  void portRemove_reportsStoredAttrsAsRemovedAndForgetsThePort() {
    sync(
        "{}",
        "[{\"id\": \"p\", \"tag\": \"a\", \"value\": 7}, {\"id\": \"q\", \"value\": 1}]",
        "[]");

    EventDelta delta = apply("{\"type\": \"port-remove\", \"params\": {\"id\": \"p\"}}");

    assertThat(delta.oldValue()).isEqualTo(7L);
    assertThat(delta.newValue()).isEqualTo(7L);
    assertThat(delta.removedAttrs()).isEqualTo(Map.of("id", "p", "tag", "a"));
    assertThat(state.portValues()).containsOnlyKeys("q");
    apply("{\"type\": \"port-add\", \"params\": {\"id\": \"p\", \"value\": 0}}");
    assertThat(state.portValues().keySet()).containsExactly("q", "p");
  }

  @Test
  void slaveAdd_flattensAttrsAndMergesThemIntoDeviceAttrs() {
    sync("{\"name\": \"garage\"}", "[]", "[]");

    EventDelta delta =
        apply(
            "{\"type\": \"slave-device-add\", \"params\": {\"enabled\": true, \"name\": \"shed\","
                + " \"online\": true, \"attrs\": {\"name\": \"shed2\", \"display_name\": \"Shed\"}}}");

    assertThat(delta.newAttrs())
        .containsExactly(
            Map.entry("enabled", true),
            Map.entry("name", "shed2"),
            Map.entry("online", true),
            Map.entry("display_name", "Shed"));
    assertThat(state.mergedDeviceAttrs().keySet())
        .containsExactly("name", "shed:enabled", "shed:name", "shed:online", "shed:display_name");
    assertThat(state.deviceAttrs()).containsOnlyKeys("name");
  }

  @Test
  void slaveRemove_reportsTheStoredMapAsRemoved() {
    sync("{}", "[]", "[{\"name\": \"shed\", \"online\": true}]");

    EventDelta delta =
        apply("{\"type\": \"slave-device-remove\", \"params\": {\"name\": \"shed\"}}");

    assertThat(delta.removedAttrs()).isEqualTo(Map.of("name", "shed", "online", true));
    assertThat(state.slaveAttrs()).isEmpty();
  }

  @Test
  void fullUpdate_newAttrsAreTheResyncedDeviceAttrs_D18() {
    sync("{\"name\": \"a\", \"uptime\": 1}", "[{\"id\": \"p\", \"value\": 1}]", "[]");
    sync("{\"name\": \"a\", \"uptime\": 2}", "[{\"id\": \"p\", \"value\": 2}]", "[]");

    EventDelta delta = apply("{\"type\": \"full-update\", \"params\": {}}");

    assertThat(delta.newAttrs()).containsEntry("uptime", 2L);
    assertThat(state.portValues()).containsEntry("p", 2L);
  }

  @Test
  void snapshotWithoutDevice_keepsTheStoredDeviceAttrs() {
    sync("{\"name\": \"a\"}", "[]", "[]");
    sync("{}", "[]", "[]");

    assertThat(state.deviceAttrs()).containsEntry("name", "a");
  }
}
