package io.github.qtogglemqtt.app.lifecycle;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Counts what happens (Micrometer, exported in the Prometheus format) and knows whether the
 * application is healthy: every handler connected and the source live. Fed as a {@link
 * HandlerObserver} by the handlers and as a sink decorator by the source.
 *
 * <p>Metrics, all with a {@code handler} tag except the first: {@code
 * qtoggle_mqtt_events_received_total}, {@code qtoggle_mqtt_outcomes_total{outcome}} (published,
 * filtered, skipped, ignored, buffered, invalid_topic, failed, dropped), {@code
 * qtoggle_mqtt_dropped_total{reason}}, {@code qtoggle_mqtt_publish_latency_seconds}, {@code
 * qtoggle_mqtt_reconnects_total}, {@code qtoggle_mqtt_connected} (0 or 1) and {@code
 * qtoggle_mqtt_buffered} (the outbox depth last reported).
 */
public final class Monitoring implements HandlerObserver {
  /** The source's state as health reports it. */
  public enum SourceState {
    STARTING,
    LIVE,
    FINISHED,
    FAILED,
    STOPPED
  }

  /** What {@code /health} answers. */
  public record Health(boolean healthy, Map<String, Boolean> connected, SourceState source) {
    public Health {
      connected = Collections.unmodifiableMap(new LinkedHashMap<>(connected));
      requireNonNull(source, "source is null");
    }
  }

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<String> handlers;
  private final Map<String, AtomicInteger> connected = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> buffered = new ConcurrentHashMap<>();
  private final AtomicReference<SourceState> source = new AtomicReference<>(SourceState.STARTING);
  private final Counter received;

  /** Monitoring of the named handlers. */
  public Monitoring(List<String> handlers) {
    this.handlers = List.copyOf(handlers);
    this.received =
        Counter.builder("qtoggle.mqtt.events.received")
            .description("Events (and snapshots) the source delivered")
            .register(registry);
    for (String handler : this.handlers) {
      AtomicInteger up = connected.computeIfAbsent(handler, h -> new AtomicInteger());
      Gauge.builder("qtoggle.mqtt.connected", up, AtomicInteger::get)
          .description("1 while the handler's broker connection is up")
          .tag("handler", handler)
          .register(registry);
      AtomicInteger depth = buffered.computeIfAbsent(handler, h -> new AtomicInteger());
      Gauge.builder("qtoggle.mqtt.buffered", depth, AtomicInteger::get)
          .description("Messages waiting in the handler's outbox, as last reported")
          .tag("handler", handler)
          .register(registry);
    }
  }

  /** The source delivered a snapshot or an event. */
  void received() {
    received.increment();
    source.compareAndSet(SourceState.STARTING, SourceState.LIVE);
  }

  /** The source stopped: at the end of its input, after a failure, or closed. */
  void sourceEnded(@Nullable Throwable failure, boolean closing) {
    source.set(
        closing
            ? SourceState.STOPPED
            : failure == null ? SourceState.FINISHED : SourceState.FAILED);
  }

  @Override
  public void outcome(String handler, @Nullable Event event, HandlingOutcome outcome) {
    String name =
        switch (outcome) {
          case HandlingOutcome.Published p -> {
            Timer.builder("qtoggle.mqtt.publish.latency")
                .description("From hand-over to the broker until sent (QoS 0) or acknowledged")
                .tag("handler", handler)
                .register(registry)
                .record(p.latencyNanos(), TimeUnit.NANOSECONDS);
            yield "published";
          }
          case HandlingOutcome.Filtered f -> "filtered";
          case HandlingOutcome.SkippedAtStartup s -> "skipped";
          case HandlingOutcome.Ignored i -> "ignored";
          case HandlingOutcome.Buffered b -> {
            buffered.computeIfAbsent(handler, h -> new AtomicInteger()).set(b.depth());
            yield "buffered";
          }
          case HandlingOutcome.InvalidTopic t -> "invalid_topic";
          case HandlingOutcome.Failed f -> "failed";
          case HandlingOutcome.Dropped d -> {
            Counter.builder("qtoggle.mqtt.dropped")
                .description("Messages dropped, by reason")
                .tag("handler", handler)
                .tag("reason", d.reason().name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
            yield "dropped";
          }
        };
    Counter.builder("qtoggle.mqtt.outcomes")
        .description("What each handler did with each event")
        .tag("handler", handler)
        .tag("outcome", name)
        .register(registry)
        .increment();
  }

  @Override
  public void connected(String handler) {
    connected.computeIfAbsent(handler, h -> new AtomicInteger()).set(1);
  }

  @Override
  public void disconnected(String handler, String reason, double retryInSeconds) {
    AtomicInteger up = connected.computeIfAbsent(handler, h -> new AtomicInteger());
    up.set(0);
    Counter.builder("qtoggle.mqtt.reconnects")
        .description("Connection attempts that failed or connections that were lost")
        .tag("handler", handler)
        .register(registry)
        .increment();
  }

  /** Every handler connected and the source live. */
  public Health health() {
    Map<String, Boolean> state = new LinkedHashMap<>();
    for (String handler : handlers) {
      state.put(handler, connected.get(handler).get() == 1);
    }
    SourceState sourceState = source.get();
    boolean healthy =
        state.values().stream().allMatch(Boolean::booleanValue) && sourceState == SourceState.LIVE;
    return new Health(healthy, state, sourceState);
  }

  /** The metrics in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }
}
