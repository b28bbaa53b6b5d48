package io.github.qtogglemqtt.adapter.source.simulator;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.EventSourceException;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.port.out.PortWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link SimulatedDevice} on one scheduler thread: a snapshot first, then the value
 * changes of every step, and optionally a {@code device-update} every 5 s. Live: completes when
 * closed.
 */
final class SimulatorEventSource implements EventSource, PortWriter {
  private static final Logger log = LoggerFactory.getLogger(SimulatorEventSource.class);
  private static final long DEVICE_UPDATE_MILLIS = 5_000;

  private final SimulatorConfig config;
  private final Clock clock;
  private final EventSink sink;
  private final SimulatedDevice device;
  private final CompletableFuture<Void> completion = new CompletableFuture<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().name("simulator-source").daemon(true).unstarted(r));

  SimulatorEventSource(SimulatorConfig config, Clock clock, EventSink sink) {
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.sink = requireNonNull(sink, "sink is null");
    this.device = new SimulatedDevice(config.name(), config.seed());
  }

  @Override
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new EventSourceException(ErrorKind.INTERNAL, "simulator already started", null);
    }
    long interval = config.interval().toMillis();
    scheduler.execute(this::snapshot);
    scheduler.scheduleAtFixedRate(
        () -> guarded(() -> step(interval)), interval, interval, TimeUnit.MILLISECONDS);
    if (config.deviceUpdates()) {
      scheduler.scheduleAtFixedRate(
          () -> guarded(this::deviceUpdate),
          DEVICE_UPDATE_MILLIS,
          DEVICE_UPDATE_MILLIS,
          TimeUnit.MILLISECONDS);
    }
    log.info(
        "simulated device {} started: a step every {} ms, seed {}",
        config.name(),
        config.interval().toMillis(),
        config.seed());
  }

  /** Applies a written value to the simulated device and reports it as a value-change. */
  @Override
  public CompletionStage<Void> write(String portId, Object value) {
    return CompletableFuture.runAsync(
        () -> {
          SimulatedDevice.Change change = device.set(portId, value);
          log.info("simulated device {}: port {} written: {}", config.name(), portId, value);
          if (change != null) {
            emit(change);
          }
        },
        scheduler);
  }

  @Override
  public CompletionStage<Void> completion() {
    return completion.minimalCompletionStage();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      scheduler.shutdownNow();
      completion.complete(null);
    }
  }

  private void guarded(Runnable action) {
    if (closed.get()) {
      return;
    }
    try {
      action.run();
    } catch (RuntimeException e) {
      // a failing sink must not stop the schedule (a thrown exception would cancel it)
      log.error("simulated device {}: delivery failed", config.name(), e);
    }
  }

  private void snapshot() {
    guarded(
        () ->
            sink.snapshot(
                new DeviceSnapshot(device.deviceAttributes(), device.ports(), List.of(), now())));
  }

  private void step(long elapsedMillis) {
    for (SimulatedDevice.Change change : device.step(elapsedMillis)) {
      emit(change);
    }
  }

  private void emit(SimulatedDevice.Change change) {
    Map<String, @Nullable Object> params = new LinkedHashMap<>();
    params.put("id", change.portId());
    params.put("value", change.newValue());
    params.put("old_value", change.oldValue());
    Event.fromWire("value-change", params, now()).ifPresent(sink::event);
  }

  private void deviceUpdate() {
    Event.fromWire("device-update", device.deviceAttributes(), now()).ifPresent(sink::event);
  }

  private double now() {
    Instant instant = clock.instant();
    return instant.getEpochSecond() + instant.getNano() / 1e9;
  }
}
