package io.github.qtogglemqtt.it.outage;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.handler.EventHandler;
import io.github.qtogglemqtt.core.handler.GlobalSettings;
import io.github.qtogglemqtt.core.handler.HandlerSettings;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.model.ValueChange;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.port.out.BrokerPublisherContract;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.BrokerPublisherFactory;
import io.github.qtogglemqtt.core.spi.JsonEncoderFactory;
import io.github.qtogglemqtt.core.spi.TemplateEngineFactory;
import io.github.qtogglemqtt.it.broker.MosquittoBroker;
import io.github.qtogglemqtt.it.broker.TestSubscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The pieces of one outage scenario: a handler entry for a client, the real handler built from it,
 * a counter device whose events carry the values 0, 1, 2, ... round-robin over {@link #PORTS} ports
 * (topic {@code outage/<port>}, payload the value), a feeder that emits them at a steady rate, a
 * recording observer and a collecting subscriber.
 */
final class OutageRig {
  static final int PORTS = 3;
  static final String TOPIC_FILTER = "outage/#";

  private OutageRig() {}

  /** A handler entry for {@code client} against {@code broker}, QoS 1, fast reconnects. */
  static Map<String, @Nullable Object> entry(String client, MosquittoBroker broker) {
    Map<String, @Nullable Object> entry = new LinkedHashMap<>();
    entry.put("name", "outage-" + client);
    entry.put("client", client);
    entry.put("server", broker.host());
    entry.put("port", broker.port());
    entry.put("client_id", "outage-" + client + "-" + UUID.randomUUID());
    entry.put("topic", "outage/{{port.id}}");
    entry.put("templates", Map.of("value-change", "{{new_value}}"));
    entry.put("qos", 1);
    entry.put("keep_alive", 2);
    entry.put("reconnect_interval", 1);
    return entry;
  }

  /** The real handler (Pebble, Jackson, the client's publisher), not started. */
  static EventHandler handler(Map<String, @Nullable Object> entry, HandlerObserver observer) {
    AdapterProperties properties = AdapterProperties.of("event_handlers[0]", entry);
    TemplateEngine engine =
        factory(TemplateEngineFactory.class, TemplateEngineFactory::name, "pebble")
            .create(properties, AdapterContext.system());
    HandlerSettings settings = HandlerSettings.parse(properties, "0", engine);
    String client = String.valueOf(entry.get("client"));
    BrokerPublisher publisher =
        factory(BrokerPublisherFactory.class, BrokerPublisherFactory::name, client)
            .create(properties, AdapterContext.system());
    if (!properties.problems().isEmpty()) {
      publisher.close();
      throw new IllegalStateException("bad handler entry: " + properties.problems());
    }
    JsonEncoder json =
        factory(JsonEncoderFactory.class, JsonEncoderFactory::name, "jackson")
            .create(AdapterContext.system());
    EventHandler handler =
        new EventHandler(
            settings,
            GlobalSettings.none(),
            publisher,
            json,
            observer,
            Clock.systemUTC(),
            ZoneOffset.UTC);
    handler.snapshot(snapshot());
    return handler;
  }

  private static <F> F factory(
      Class<F> type, java.util.function.Function<F, String> name, String wanted) {
    return ServiceLoader.load(type).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> name.apply(f).equals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no %s named %s".formatted(type, wanted)));
  }

  private static DeviceSnapshot snapshot() {
    List<Map<String, @Nullable Object>> ports = new ArrayList<>();
    for (int i = 0; i < PORTS; i++) {
      Map<String, @Nullable Object> port = new LinkedHashMap<>();
      port.put("id", "p" + i);
      port.put("type", "number");
      port.put("enabled", true);
      port.put("writable", true);
      port.put("value", -1L);
      ports.add(port);
    }
    Map<String, @Nullable Object> device = new LinkedHashMap<>();
    device.put("name", "outage");
    return new DeviceSnapshot(device, ports, List.of(), now() - 60);
  }

  private static double now() {
    return System.currentTimeMillis() / 1000.0;
  }

  /** The topic of value {@code n}. */
  static String topicOf(long n) {
    return "outage/p" + (n % PORTS);
  }

  /** The event carrying value {@code n}. */
  static Event event(long n) {
    String port = "p" + (n % PORTS);
    Map<String, @Nullable Object> params = new LinkedHashMap<>();
    params.put("id", port);
    params.put("value", n);
    return new ValueChange(port, params, now());
  }

  /** Emits events 0, 1, 2, ... to a handler, from one thread, at a steady rate or on demand. */
  static final class Feeder implements AutoCloseable {
    private final EventHandler handler;
    private final AtomicInteger next = new AtomicInteger();
    private @Nullable ScheduledExecutorService executor;

    Feeder(EventHandler handler) {
      this.handler = requireNonNull(handler, "handler is null");
    }

    /** Emits {@code perTick} events every {@code period} until {@link #stop()}. */
    void start(Duration period, int perTick) {
      ScheduledExecutorService exec =
          Executors.newSingleThreadScheduledExecutor(
              r -> Thread.ofPlatform().daemon().name("outage-feeder").unstarted(r));
      executor = exec;
      exec.scheduleAtFixedRate(() -> emit(perTick), 0, period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Emits {@code count} events now, on the caller's thread. */
    synchronized void emit(int count) {
      for (int i = 0; i < count; i++) {
        handler.event(event(next.getAndIncrement()));
      }
    }

    /** How many events were emitted. */
    int emitted() {
      return next.get();
    }

    /** Stops the steady stream; returns how many events were emitted in all. */
    int stop() {
      ScheduledExecutorService exec = executor;
      if (exec != null) {
        exec.shutdown();
        try {
          if (!exec.awaitTermination(10, TimeUnit.SECONDS)) {
            exec.shutdownNow();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return emitted();
    }

    @Override
    public void close() {
      stop();
    }
  }

  /** Records what the handler reports: values published (acknowledged), drops, connections. */
  static final class Recorder implements HandlerObserver {
    private final Map<Long, Boolean> published = new ConcurrentHashMap<>();
    private final Map<HandlingOutcome.DropReason, AtomicInteger> dropped =
        new EnumMap<>(HandlingOutcome.DropReason.class);
    private final List<Long> droppedValues =
        java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger outcomes = new AtomicInteger();
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicInteger disconnects = new AtomicInteger();

    Recorder() {
      for (HandlingOutcome.DropReason reason : HandlingOutcome.DropReason.values()) {
        dropped.put(reason, new AtomicInteger());
      }
    }

    @Override
    public void outcome(String handler, @Nullable Event event, HandlingOutcome outcome) {
      outcomes.incrementAndGet();
      switch (outcome) {
        case HandlingOutcome.Published p -> published.put(value(p.message().payloadText()), true);
        case HandlingOutcome.Dropped d -> {
          dropped.get(d.reason()).incrementAndGet();
          droppedValues.add(value(d.message().payloadText()));
        }
        default -> {
          // buffered, filtered, ...: not counted
        }
      }
    }

    @Override
    public void connected(String handler) {
      connects.incrementAndGet();
    }

    @Override
    public void disconnected(String handler, String reason, double retryInSeconds) {
      disconnects.incrementAndGet();
    }

    /** The values acknowledged so far. */
    TreeSet<Long> published() {
      return new TreeSet<>(published.keySet());
    }

    /** How many distinct values were acknowledged so far. */
    int publishedCount() {
      return published.size();
    }

    int dropped(HandlingOutcome.DropReason reason) {
      return dropped.get(reason).get();
    }

    int droppedTotal() {
      return dropped.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    List<Long> droppedValues() {
      synchronized (droppedValues) {
        return List.copyOf(droppedValues);
      }
    }

    int outcomes() {
      return outcomes.get();
    }

    int connects() {
      return connects.get();
    }

    int disconnects() {
      return disconnects.get();
    }
  }

  /** One message as the subscriber got it. */
  record Arrival(String topic, long value, long nanos) {}

  /** A persistent-session subscriber whose messages a thread of its own collects. */
  static final class Collector implements AutoCloseable {
    private static final long SESSION_EXPIRY_SECONDS = 600;

    private final MosquittoBroker broker;
    private final String clientId = "outage-sub-" + UUID.randomUUID();
    private volatile TestSubscriber subscriber;
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private Collector(MosquittoBroker broker) {
      this.broker = broker;
      this.subscriber = connect();
      this.thread = Thread.ofPlatform().daemon().name("outage-collector").start(this::collect);
    }

    /** Subscribes to {@link #TOPIC_FILTER} with a session that outlives broker restarts. */
    static Collector subscribe(MosquittoBroker broker) {
      return new Collector(broker);
    }

    private TestSubscriber connect() {
      return TestSubscriber.subscribe(
          broker.host(), broker.port(), TOPIC_FILTER, clientId, SESSION_EXPIRY_SECONDS);
    }

    /**
     * Disconnects; the broker keeps the session and queues the messages for it. What arrived before
     * stays collected.
     */
    void goOffline() {
      subscriber.close();
    }

    /** Connects again to the same session; the broker delivers what it queued meanwhile. */
    void comeBack() {
      subscriber = connect();
    }

    private void collect() {
      while (running) {
        BrokerPublisherContract.Received r = subscriber.next(Duration.ofMillis(100));
        if (r != null) {
          Arrival arrival = new Arrival(r.topic(), value(r.text()), System.nanoTime());
          synchronized (arrivals) {
            arrivals.add(arrival);
          }
        }
      }
    }

    List<Arrival> arrivals() {
      synchronized (arrivals) {
        return List.copyOf(arrivals);
      }
    }

    /** The distinct values received so far. */
    TreeSet<Long> values() {
      TreeSet<Long> values = new TreeSet<>();
      for (Arrival a : arrivals()) {
        values.add(a.value());
      }
      return values;
    }

    int count() {
      synchronized (arrivals) {
        return arrivals.size();
      }
    }

    @Override
    public void close() {
      running = false;
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      subscriber.close();
    }
  }

  /** Accounting of what a subscriber got against what was sent. */
  record Accounting(
      int sent,
      int received,
      int distinct,
      int duplicates,
      List<Long> missing,
      List<String> order) {

    static Accounting of(int sent, List<Arrival> arrivals) {
      TreeSet<Long> seen = new TreeSet<>();
      Map<String, Long> lastFirst = new TreeMap<>();
      List<String> order = new ArrayList<>();
      int duplicates = 0;
      for (Arrival a : arrivals) {
        if (!a.topic().equals(topicOf(a.value()))) {
          order.add("%d on %s".formatted(a.value(), a.topic()));
        }
        if (!seen.add(a.value())) {
          duplicates++;
          continue;
        }
        // a value seen for the first time must come after every earlier first on its topic
        Long last = lastFirst.get(a.topic());
        if (last != null && last > a.value()) {
          order.add("%s: %d after %d".formatted(a.topic(), a.value(), last));
        }
        lastFirst.merge(a.topic(), a.value(), Math::max);
      }
      List<Long> missing = new ArrayList<>();
      for (long n = 0; n < sent; n++) {
        if (!seen.contains(n)) {
          missing.add(n);
        }
      }
      return new Accounting(
          sent, arrivals.size(), seen.size(), duplicates, missing, List.copyOf(order));
    }

    String summary() {
      return "sent %d, received %d (%d distinct, %d duplicates), missing %d %s, out of order %s"
          .formatted(
              sent,
              received,
              distinct,
              duplicates,
              missing.size(),
              abbreviate(missing),
              abbreviate(order));
    }
  }

  static String abbreviate(List<?> list) {
    return list.size() <= 20 ? list.toString() : list.subList(0, 20) + "... (" + list.size() + ")";
  }

  static long value(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException("not a counter payload: '%s'".formatted(text), e);
    }
  }
}
