package io.github.qtogglemqtt.adapter.source.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.ValueChange;
import io.github.qtogglemqtt.core.model.Values;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayLineTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.ofEpochSecond(1_700_000_000L, 250_000_000), ZoneOffset.UTC);

  private static Event event(String line) {
    ReplayLine.Parsed parsed = ReplayLine.parse(line, CLOCK);
    assertThat(parsed).isInstanceOf(ReplayLine.WireEvent.class);
    return ((ReplayLine.WireEvent) parsed).event();
  }

  @Test
  void parse_valueChangeWithoutTimestamp_usesTheClock() {
    Event event =
        event("{\"type\": \"value-change\", \"params\": {\"id\": \"relay1\", \"value\": true}}");

    assertThat(event).isInstanceOf(ValueChange.class);
    assertThat(((ValueChange) event).portId()).isEqualTo("relay1");
    assertThat(event.timestamp()).isEqualTo(1_700_000_000.25);
  }

  @Test
  void parse_topLevelTimestamp_replacesTheReceiveTime() {
    Event event =
        event(
            "{\"type\": \"port-remove\", \"params\": {\"id\": \"v2\"}, \"timestamp\": 1718000000.5}");

    assertThat(event.timestamp()).isEqualTo(1_718_000_000.5);
  }

  @Test
  void parse_numbers_keepIntegerAndFloatApart() {
    Event event =
        event(
            "{\"type\": \"value-change\", \"params\": {\"id\": \"t\", \"value\": 21.0,"
                + " \"old_value\": 21, \"big\": 123456789012345678901234567890, \"e\": 1e5,"
                + " \"huge\": 1e999, \"neg\": -0.0}}");

    Map<String, Object> params = event.params();
    assertThat(params.get("value")).isEqualTo(21.0);
    assertThat(params.get("old_value")).isEqualTo(21L);
    assertThat(params.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(params.get("e")).isEqualTo(100000.0);
    assertThat(params.get("huge")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Values.formatFloat((Double) params.get("neg"))).isEqualTo("-0.0");
  }

  @Test
  void parse_objects_keepInsertionOrder() {
    Event event =
        event(
            "{\"type\": \"port-update\", \"params\": {\"id\": \"t1\", \"zeta\": 1, \"alpha\": 2,"
                + " \"mid\": [1, {\"b\": 1, \"a\": 2}]}}");

    assertThat(event.params().keySet()).containsExactly("id", "zeta", "alpha", "mid");
    Map<?, ?> nested = (Map<?, ?>) ((List<?>) event.params().get("mid")).get(1);
    assertThat(nested.keySet()).hasToString("[b, a]");
  }

  @Test
  void parse_snapshot_carriesDevicePortsAndSlaves() {
    ReplayLine.Parsed parsed =
        ReplayLine.parse(
            "{\"type\": \"snapshot\", \"device\": {\"name\": \"garage\"}, \"ports\": [{\"id\":"
                + " \"relay1\", \"value\": false}], \"slaves\": [], \"timestamp\": 12.5}",
            CLOCK);

    assertThat(parsed).isInstanceOf(ReplayLine.Snapshot.class);
    var snapshot = ((ReplayLine.Snapshot) parsed).snapshot();
    assertThat(snapshot.device()).containsEntry("name", "garage");
    assertThat(snapshot.ports()).hasSize(1);
    assertThat(snapshot.ports().get(0)).containsEntry("value", false);
    assertThat(snapshot.slaves()).isEmpty();
    assertThat(snapshot.timestamp()).isEqualTo(12.5);
  }

  @Test
  void parse_badLines_areInvalidWithAReason() {
    assertThat(ReplayLine.parse("{not json", CLOCK)).isInstanceOf(ReplayLine.Invalid.class);
    assertThat(ReplayLine.parse("[1, 2]", CLOCK))
        .isEqualTo(new ReplayLine.Invalid("not a JSON object (got array)"));
    assertThat(ReplayLine.parse("{\"params\": {}}", CLOCK))
        .isEqualTo(new ReplayLine.Invalid("no \"type\""));
    assertThat(ReplayLine.parse("{\"type\": \"value-change\", \"params\": {}}", CLOCK))
        .isInstanceOf(ReplayLine.Invalid.class);
    assertThat(ReplayLine.parse("{\"type\": \"value-change\", \"params\": 3}", CLOCK))
        .isInstanceOf(ReplayLine.Invalid.class);
    assertThat(ReplayLine.parse("{\"type\": \"snapshot\", \"ports\": {}}", CLOCK))
        .isInstanceOf(ReplayLine.Invalid.class);
    assertThat(ReplayLine.parse("{\"type\": \"full-update\"} trailing", CLOCK))
        .isInstanceOf(ReplayLine.Invalid.class);
  }

  @Test
  void parse_unknownTypeAndBlank_areIgnored() {
    assertThat(ReplayLine.parse("{\"type\": \"dashboard-update\", \"session_id\": \"x\"}", CLOCK))
        .isEqualTo(new ReplayLine.Ignored("dashboard-update"));
    assertThat(ReplayLine.parse("   ", CLOCK)).isEqualTo(new ReplayLine.Blank());
  }
}
