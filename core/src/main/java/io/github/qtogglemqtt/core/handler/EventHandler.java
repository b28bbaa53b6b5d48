package io.github.qtogglemqtt.core.handler;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.FullUpdate;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.model.InboundMessage;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.model.Values;
import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.out.Availability;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.port.out.ConnectionListener;
import io.github.qtogglemqtt.core.port.out.Credentials;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import io.github.qtogglemqtt.core.port.out.PortWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * One configured MQTT handler: state, filter, context, payload, topic, outbox, publisher (the path
 * of one event, DESIGN.md). Events are processed strictly in order on the handler's own worker
 * thread (D14); handlers run in parallel with each other.
 *
 * <p>Lifecycle: build, {@link #start()}, feed ({@link #snapshot}, {@link #event}), {@link
 * #close()}. {@link #snapshot} and {@link #event} never block on the network and are safe to call
 * from one source thread; events handed in before {@code start()} wait for it. Every outcome is
 * reported to the {@link HandlerObserver}.
 */
public final class EventHandler implements EventSink, AutoCloseable {
  private static final Runnable STOP = () -> {};
  private static final long BIRTH_DELAY_MIN_MILLIS = 200;
  private static final long BIRTH_DELAY_SPREAD_MILLIS = 1_800;

  private final HandlerSettings settings;
  private final @Nullable BrokerPublisher publisher;
  private final HandlerObserver observer;
  private final EventProcessor processor;
  private final Outbox outbox;
  private final @Nullable HomeAssistant homeAssistant;
  private final String name;
  private final Clock clock;
  private final RandomGenerator random = RandomGenerator.getDefault();
  private volatile @Nullable PortWriter portWriter;

  private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
  private final AtomicLong pending = new AtomicLong();
  private final Object idleMonitor = new Object();
  private final Object lifecycle = new Object();
  private @Nullable Thread worker;
  private volatile boolean accepting = true;
  private boolean started;
  private volatile boolean publisherStarted;
  private boolean publisherClosed;
  private boolean closed;

  /**
   * A handler publishing through {@code publisher}.
   *
   * @param settings the parsed settings; owned by this handler from now on (filter state)
   * @param global public URL and metadata
   * @param publisher the broker connection; started by {@link #start()}, closed by {@link #close()}
   * @param json the encoder of JSON payloads
   * @param observer told every outcome and warning
   * @param clock the clock (start-up timing, events without a real timestamp)
   * @param zone the zone of {@code moment} and of calendar functions
   */
  public EventHandler(
      HandlerSettings settings,
      GlobalSettings global,
      BrokerPublisher publisher,
      JsonEncoder json,
      HandlerObserver observer,
      Clock clock,
      ZoneId zone) {
    this(
        settings,
        global,
        requireNonNull(publisher, "publisher is null"),
        json,
        observer,
        clock,
        zone,
        false);
  }

  private EventHandler(
      HandlerSettings settings,
      GlobalSettings global,
      @Nullable BrokerPublisher publisher,
      JsonEncoder json,
      HandlerObserver observer,
      Clock clock,
      ZoneId zone,
      boolean dryRun) {
    this.settings = requireNonNull(settings, "settings is null");
    this.observer = requireNonNull(observer, "observer is null");
    this.publisher = publisher;
    this.name = settings.name();
    this.clock = requireNonNull(clock, "clock is null");
    this.processor = new EventProcessor(settings, global, json, observer, clock, zone);
    this.outbox =
        dryRun || publisher == null
            ? new DryRunOutbox(name, observer)
            : new PublisherOutbox(
                name,
                publisher,
                observer,
                settings.bufferSize(),
                settings.bufferOverflow(),
                this::progress);
    this.homeAssistant =
        settings.homeAssistant().enabled()
            ? new HomeAssistant(
                settings.homeAssistant(), settings.qos(), json, processor::availability)
            : null;
  }

  /**
   * A handler without a broker (the {@code render} dry run): every accepted message is reported at
   * once, in order, as {@link HandlingOutcome.Published} with latency 0.
   */
  public static EventHandler dryRun(
      HandlerSettings settings,
      GlobalSettings global,
      JsonEncoder json,
      HandlerObserver observer,
      Clock clock,
      ZoneId zone) {
    return new EventHandler(settings, global, null, json, observer, clock, zone, true);
  }

  /** The handler's name. */
  public String name() {
    return name;
  }

  /** The settings it runs with. */
  public HandlerSettings settings() {
    return settings;
  }

  /**
   * Renders {@code client_id} with the device attributes known now (spec 7.3), for the app's
   * duplicate check (D19). Thread-safe.
   *
   * @throws io.github.qtogglemqtt.core.error.TemplateException when the template fails
   */
  public String clientId() {
    return processor.clientId();
  }

  /**
   * Starts the handler's worker thread and the outbox; the publisher's connection loop starts as
   * soon as the first snapshot or event has been processed. Idempotent.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  public void start() {
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException("handler %s is closed".formatted(name));
      }
      if (started) {
        return;
      }
      started = true;
      worker =
          Thread.ofPlatform().daemon().name("qtoggle-mqtt-handler-" + name).start(this::workLoop);
      outbox.start();
    }
  }

  /**
   * Starts the publisher's connection loop once the state has something to connect with: after the
   * first snapshot or event, so that {@code client_id} and {@code availability_topic} render with
   * the device attributes (spec 7.3) rather than empty.
   */
  private void startPublisher() {
    if (publisherStarted || publisher == null) {
      return;
    }
    synchronized (lifecycle) {
      if (publisherClosed || publisherStarted) {
        return;
      }
      publisherStarted = true;
    }
    if (homeAssistant != null) {
      HomeAssistantSettings ha = settings.homeAssistant();
      try {
        publisher.subscribe(ha.statusTopic(), settings.qos(), this::homeAssistantStatus);
        if (ha.commands()) {
          // on the worker thread, after the first snapshot or event: the state names the base
          publisher.subscribe(
              homeAssistant.commandFilter(processor.state()),
              settings.qos(),
              message -> submit(() -> homeAssistantCommand(message), null));
        }
      } catch (RuntimeException e) {
        observer.warning(
            name,
            "cannot subscribe to %s, Home Assistant restarts will not re-publish the discovery: %s"
                .formatted(ha.statusTopic(), e));
      }
    }
    try {
      publisher.start(new Listener());
    } catch (RuntimeException e) {
      observer.warning(name, "the broker connection did not start: %s".formatted(e));
    }
  }

  /**
   * Home Assistant's birth message: {@code online} re-publishes every discovery config and state
   * after a short random delay, so that many bridges do not answer at the same instant.
   */
  private void homeAssistantStatus(InboundMessage message) {
    if (!message.payloadText().equals("online") || !accepting) {
      return;
    }
    long delayMillis = BIRTH_DELAY_MIN_MILLIS + random.nextLong(BIRTH_DELAY_SPREAD_MILLIS);
    CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS)
        .execute(() -> submit(this::republishHomeAssistant, null));
  }

  /**
   * Where Home Assistant's commands go ({@code homeassistant.commands = true}): the source's port
   * writer. Without one every command is rejected. Call before {@link #start()}.
   *
   * @since 0.2
   */
  public void commandsTo(PortWriter writer) {
    this.portWriter = requireNonNull(writer, "writer is null");
  }

  private void homeAssistantCommand(InboundMessage message) {
    HomeAssistant ha = homeAssistant;
    if (ha == null) {
      return;
    }
    switch (ha.command(
        message.topic(), message.payloadText(), message.retained(), processor.state())) {
      case HomeAssistant.Command.Rejected rejected ->
          observer.warning(name, "Home Assistant command rejected: " + rejected.reason());
      case HomeAssistant.Command.Write write -> {
        PortWriter writer = portWriter;
        if (writer == null) {
          observer.warning(
              name,
              "Home Assistant command rejected: the event source cannot write port %s"
                  .formatted(write.portId()));
          return;
        }
        try {
          writer
              .write(write.portId(), write.value())
              .whenComplete(
                  (ignored, error) -> {
                    if (error != null) {
                      observer.warning(
                          name,
                          "writing %s to port %s failed: %s"
                              .formatted(
                                  Values.pyStr(write.value()), write.portId(), error.getMessage()));
                    }
                  });
        } catch (RuntimeException e) {
          observer.warning(
              name, "writing port %s failed: %s".formatted(write.portId(), e.getMessage()));
        }
      }
    }
  }

  private void republishHomeAssistant() {
    HomeAssistant ha = homeAssistant;
    if (ha != null) {
      double now = clock.millis() / 1000.0;
      offerAll(ha.reconcile(processor.state(), true), new FullUpdate(Event.noParams(), now));
    }
  }

  @Override
  public void snapshot(DeviceSnapshot snapshot) {
    requireNonNull(snapshot, "snapshot is null");
    submit(() -> snapshotTask(snapshot), null);
  }

  @Override
  public void event(Event event) {
    requireNonNull(event, "event is null");
    submit(() -> handle(event), event);
  }

  private void submit(Runnable task, @Nullable Event event) {
    if (!accepting) {
      if (event != null) {
        observer.outcome(name, event, new HandlingOutcome.Ignored("the handler is closed"));
      }
      return;
    }
    pending.incrementAndGet();
    tasks.add(task);
  }

  /**
   * Syncs the state with a snapshot on the caller's thread, without the worker: for tools that
   * drive a handler synchronously (benchmarks, one-shot dry runs). Only before {@link #start()}.
   *
   * @throws IllegalStateException once the handler is started or closed
   */
  public void snapshotNow(DeviceSnapshot snapshot) {
    requireNonNull(snapshot, "snapshot is null");
    requireUnstarted();
    snapshotTask(snapshot);
  }

  private void snapshotTask(DeviceSnapshot snapshot) {
    processor.snapshot(snapshot);
    if (homeAssistant != null) {
      // the discovery messages of a snapshot are reported under a synthetic full-update
      Event origin = new FullUpdate(Event.noParams(), snapshot.timestamp());
      offerAll(homeAssistant.reconcile(processor.state(), false), origin);
    }
  }

  private void offerAll(List<OutboundMessage> messages, Event event) {
    for (OutboundMessage message : messages) {
      outbox.offer(message, event);
    }
  }

  /**
   * Handles one event on the caller's thread, without the worker: state, filter, context, payload,
   * topic, then the outbox (a dry-run handler reports the message published at once). For tools
   * that drive a handler synchronously (benchmarks, one-shot dry runs); call from one thread at a
   * time, only before {@link #start()}.
   *
   * @return the message handed to the outbox, or null when the event ended before it (its outcome
   *     is reported)
   * @throws IllegalStateException once the handler is started or closed
   */
  public @Nullable OutboundMessage processNow(Event event) {
    requireNonNull(event, "event is null");
    requireUnstarted();
    return handle(event);
  }

  private void requireUnstarted() {
    synchronized (lifecycle) {
      if (started || closed) {
        throw new IllegalStateException(
            "handler %s is %s".formatted(name, closed ? "closed" : "started"));
      }
    }
  }

  private @Nullable OutboundMessage handle(Event event) {
    OutboundMessage message = handleOwn(event);
    if (homeAssistant != null) {
      try {
        offerAll(homeAssistant.after(event, processor.state()), event);
      } catch (RuntimeException e) {
        observer.warning(name, "Home Assistant discovery failed: %s".formatted(String.valueOf(e)));
      }
    }
    return message;
  }

  private @Nullable OutboundMessage handleOwn(Event event) {
    OutboundMessage message;
    try {
      message = processor.process(event);
    } catch (RuntimeException e) {
      observer.outcome(
          name,
          event,
          new HandlingOutcome.Failed(
              "handler", "unexpected failure: %s".formatted(String.valueOf(e))));
      return null;
    }
    if (message == null) {
      return null;
    }
    if (message.payload().length > settings.maxPayloadBytes()) {
      observer.outcome(
          name,
          event,
          new HandlingOutcome.Dropped(
              message,
              HandlingOutcome.DropReason.TOO_LARGE,
              "the payload is %d bytes (max_payload_bytes = %d)"
                  .formatted(message.payload().length, settings.maxPayloadBytes())));
      return null;
    }
    outbox.offer(message, event);
    return message;
  }

  private void workLoop() {
    while (true) {
      Runnable task;
      try {
        task = tasks.take();
      } catch (InterruptedException e) {
        return;
      }
      if (task == STOP) {
        return;
      }
      try {
        task.run();
      } catch (RuntimeException e) {
        observer.warning(name, "unexpected failure: %s".formatted(String.valueOf(e)));
      } finally {
        startPublisher();
        pending.decrementAndGet();
        progress();
      }
    }
  }

  private void progress() {
    synchronized (idleMonitor) {
      idleMonitor.notifyAll();
    }
  }

  private boolean idle() {
    return pending.get() == 0 && outbox.idle();
  }

  /**
   * Waits until every event handed in so far is processed and every message it produced is
   * published (sent at QoS 0, acknowledged at QoS ≥ 1) or dropped. Before {@link #start()}, waits
   * in vain unless nothing was handed in.
   *
   * @return false when the timeout ran out first
   */
  public boolean awaitIdle(Duration timeout) {
    requireNonNull(timeout, "timeout is null");
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idleMonitor) {
      while (!idle()) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(idleMonitor, Math.min(remaining, 50_000_000L));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Stops taking events, processes what was handed in, flushes the outbox within {@code
   * shutdown_timeout}, reports leftovers as dropped (SHUTDOWN), then closes the publisher.
   * Idempotent; blocks at most about the shutdown timeout plus the publisher's close.
   */
  @Override
  public void close() {
    Thread thread;
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      accepting = false;
      thread = worker;
    }
    long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
    if (thread != null) {
      tasks.add(STOP);
      long millis = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
      try {
        thread.join(Math.max(1, millis));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        thread.interrupt();
      }
    }
    int unprocessed = 0;
    for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
      if (task != STOP) {
        unprocessed++;
        pending.decrementAndGet();
      }
    }
    if (unprocessed > 0) {
      observer.warning(
          name,
          "%d event%s not handled before the shutdown timeout"
              .formatted(unprocessed, unprocessed == 1 ? "" : "s"));
    }
    outbox.shutdown(deadline);
    synchronized (lifecycle) {
      publisherClosed = true;
    }
    if (publisher != null) {
      try {
        publisher.close();
      } catch (RuntimeException e) {
        observer.warning(name, "closing the broker connection failed: %s".formatted(e));
      }
    }
    progress();
  }

  /** What the publisher asks of, and tells, the core about its connection. */
  private final class Listener implements ConnectionListener {
    @Override
    public Credentials credentials() {
      return processor.credentials();
    }

    @Override
    public @Nullable Availability availability() {
      return processor.availability();
    }

    @Override
    public void connected() {
      observer.connected(name);
      outbox.connectionChanged(true);
    }

    @Override
    public void subscriptionFailed(String topicFilter, String reason) {
      observer.warning(name, "the subscription to %s failed: %s".formatted(topicFilter, reason));
    }

    @Override
    public void disconnected(String reason, @Nullable Throwable cause, double retryInSeconds) {
      observer.disconnected(name, reason, retryInSeconds);
      outbox.connectionChanged(false);
    }
  }
}
