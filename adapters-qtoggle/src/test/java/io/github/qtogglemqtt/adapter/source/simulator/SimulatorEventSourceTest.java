package io.github.qtogglemqtt.adapter.source.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.ValueChange;
import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.port.out.PortWriter;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.EventSourceFactory;
import io.github.qtogglemqtt.core.testing.Poll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SimulatorEventSourceTest {

  @Test
  void serviceLoader_findsTheSimulatorFactory() {
    assertThat(ServiceLoader.load(EventSourceFactory.class).stream().map(p -> p.get().name()))
        .contains("simulator");
  }

  @Test
  void step_sameSeed_sameSequence() {
    SimulatedDevice a = new SimulatedDevice("sim", 7);
    SimulatedDevice b = new SimulatedDevice("sim", 7);
    List<SimulatedDevice.Change> first = new ArrayList<>();
    List<SimulatedDevice.Change> second = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      first.addAll(a.step(1000));
      second.addAll(b.step(1000));
    }

    assertThat(first).isEqualTo(second).isNotEmpty();
    assertThat(first)
        .extracting(SimulatedDevice.Change::portId)
        .contains("temperature", "relay", "mode");
    assertThat(new SimulatedDevice("sim", 8).step(1000))
        .isNotEqualTo(new SimulatedDevice("sim", 7).step(1000));
  }

  @Test
  void step_temperature_isAlwaysAFloatAndModeAChoice() {
    SimulatedDevice device = new SimulatedDevice("sim", 3);
    for (int i = 0; i < 500; i++) {
      for (SimulatedDevice.Change change : device.step(1000)) {
        switch (change.portId()) {
          case "temperature" -> assertThat(change.newValue()).isInstanceOf(Double.class);
          case "mode" -> assertThat(change.newValue()).isIn(0L, 1L, 2L);
          default -> assertThat(change.newValue()).isInstanceOf(Boolean.class);
        }
      }
    }
  }

  @Test
  void ports_describeRelayThermometerAndChoices() {
    List<Map<String, Object>> ports = new ArrayList<>(new SimulatedDevice("sim", 1).ports());

    assertThat(ports).extracting(p -> p.get("id")).containsExactly("mode", "relay", "temperature");
    assertThat(ports.get(0)).containsKey("choices").containsEntry("writable", true);
    assertThat(ports.get(1)).containsEntry("type", "boolean").containsEntry("writable", true);
    assertThat(ports.get(2))
        .containsEntry("unit", "°C")
        .containsEntry("writable", false)
        .containsEntry("value", 21.5);
  }

  @Test
  void set_writablePorts_changeOnceAndRefuseBadValues() {
    SimulatedDevice device = new SimulatedDevice("sim", 1);

    assertThat(device.set("relay", true))
        .isEqualTo(new SimulatedDevice.Change("relay", false, true));
    assertThat(device.set("relay", true)).isNull();
    assertThat(device.set("mode", 2L)).isEqualTo(new SimulatedDevice.Change("mode", 1L, 2L));
    assertThatThrownBy(() -> device.set("mode", 3L)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> device.set("temperature", 20.0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void write_reportedAsAValueChange() throws Exception {
    List<Event> events = new CopyOnWriteArrayList<>();
    EventSource source =
        new SimulatorEventSourceFactory()
            .create(
                AdapterProperties.of("source", Map.of("interval", "1h", "seed", 1)),
                AdapterContext.system(),
                new EventSink() {
                  @Override
                  public void snapshot(DeviceSnapshot snapshot) {}

                  @Override
                  public void event(Event event) {
                    events.add(event);
                  }
                });
    source.start();
    try {
      ((PortWriter) source).write("relay", true).toCompletableFuture().get(5, TimeUnit.SECONDS);

      assertThat(events)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e).isInstanceOf(ValueChange.class);
                assertThat(e.params()).containsEntry("id", "relay").containsEntry("value", true);
              });
      assertThat(((PortWriter) source).write("temperature", 1.0).toCompletableFuture())
          .failsWithin(5, TimeUnit.SECONDS);
    } finally {
      source.close();
    }
  }

  @Test
  void start_deliversSnapshotFirstThenValueChanges() throws Exception {
    List<Object> received = new CopyOnWriteArrayList<>();
    EventSink sink =
        new EventSink() {
          @Override
          public void snapshot(DeviceSnapshot snapshot) {
            received.add(snapshot);
          }

          @Override
          public void event(Event event) {
            received.add(event);
          }
        };
    EventSource source =
        new SimulatorEventSourceFactory()
            .create(
                AdapterProperties.of("source", Map.of("interval", "5ms", "seed", 1)),
                AdapterContext.system(),
                sink);
    source.start();
    Poll.until("a snapshot and three value changes", () -> received.size() >= 4);
    source.close();
    source.completion().toCompletableFuture().get(5, TimeUnit.SECONDS);

    assertThat(received.get(0)).isInstanceOf(DeviceSnapshot.class);
    assertThat(((DeviceSnapshot) received.get(0)).device()).containsEntry("name", "simulator");
    assertThat(received.subList(1, received.size())).allMatch(ValueChange.class::isInstance);
  }

  @Test
  void create_badKeys_reportsEveryProblem() {
    assertThatThrownBy(
            () ->
                new SimulatorEventSourceFactory()
                    .create(
                        AdapterProperties.of(
                            "source", Map.of("interval", "soon", "name", "1 bad", "seed", "x")),
                        AdapterContext.system(),
                        new EventSink() {
                          @Override
                          public void snapshot(DeviceSnapshot snapshot) {}

                          @Override
                          public void event(Event event) {}
                        }))
        .isInstanceOf(ConfigurationException.class)
        .satisfies(
            e ->
                assertThat(((ConfigurationException) e).problems())
                    .extracting(p -> p.path())
                    .containsExactlyInAnyOrder("source.interval", "source.name", "source.seed"));
  }
}
