package io.github.qtogglemqtt.adapter.source.qtoggle;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.EventSourceException;
import io.github.qtogglemqtt.core.error.InvalidEventException;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.Values;
import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.port.out.PortWriter;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The qToggle API long-poll source (spec 2.10): a silent snapshot, then {@code GET /api/listen} in
 * a loop with one session id, first with {@code timeout=1}, then with the keep-alive. After any
 * failure it waits the retry interval, polls with {@code timeout=1} again and takes a new snapshot
 * before delivering further events; with {@code resync_events} the differences to what the handlers
 * hold are delivered as events. Everything reaches the sink from one thread, in order.
 */
final class QToggleEventSource implements EventSource, PortWriter {
  private static final Logger log = LoggerFactory.getLogger(QToggleEventSource.class);

  private final QToggleConfig config;
  private final Clock clock;
  private final EventSink sink;
  private final String sessionId;
  private final DeviceView view = new DeviceView();
  private final CompletableFuture<Void> completion = new CompletableFuture<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile @Nullable QToggleApiClient client;
  private volatile @Nullable Thread worker;
  private boolean warnedNonAdmin;
  private @Nullable String lastFailure;

  QToggleEventSource(QToggleConfig config, Clock clock, EventSink sink) {
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.sink = requireNonNull(sink, "sink is null");
    this.sessionId = newSessionId();
  }

  /** A session id of 26 ASCII letters and digits, which every qToggle implementation accepts. */
  static String newSessionId() {
    byte[] random = new byte[12];
    new SecureRandom().nextBytes(random);
    return "qm" + HexFormat.of().formatHex(random);
  }

  @Override
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new EventSourceException(ErrorKind.INTERNAL, "qtoggle source already started", null);
    }
    client = new QToggleApiClient(config.api(), clock);
    Thread thread = Thread.ofPlatform().name("qtoggle-source").daemon(true).unstarted(this::run);
    worker = thread;
    thread.start();
    log.info(
        "listening to {} as user {} (session {}, keep-alive {} s)",
        config.api().base(),
        config.api().username(),
        sessionId,
        config.keepaliveSeconds());
  }

  /** Writes Home Assistant's commands with {@code PATCH /api/ports/<id>/value}. */
  @Override
  public CompletionStage<Void> write(String portId, Object value) {
    QToggleApiClient c = client;
    if (c == null || closed.get()) {
      return CompletableFuture.failedFuture(
          new EventSourceException(ErrorKind.INTERNAL, "the qtoggle source is not running", null));
    }
    log.info("writing {} to port {} of {}", value, portId, config.api().base());
    return c.writeValue(portId, value);
  }

  @Override
  public CompletionStage<Void> completion() {
    return completion.minimalCompletionStage();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      closing.countDown();
      QToggleApiClient c = client;
      if (c != null) {
        c.close();
      }
      Thread thread = worker;
      if (thread != null) {
        thread.interrupt();
      }
      completion.complete(null);
    }
  }

  private void run() {
    QToggleApiClient api = requireNonNull(client, "client is null");
    boolean needSnapshot = true;
    boolean firstSnapshot = true;
    long timeout = 1;
    while (!closed.get()) {
      try {
        List<@Nullable Object> events = api.listen(sessionId, timeout, config.listenReadTimeout());
        if (needSnapshot) {
          // the events of this first answer predate the snapshot, which already holds their effect
          if (!events.isEmpty()) {
            log.debug("{} events queued before the snapshot: covered by it", events.size());
          }
          deliverSnapshot(api, firstSnapshot);
          firstSnapshot = false;
          needSnapshot = false;
          recovered();
        } else {
          boolean restarted = false;
          for (Object raw : events) {
            if (closed.get()) {
              return;
            }
            restarted |= handle(api, raw);
          }
          if (restarted) {
            log.warn(
                "{}: the device restarted (its uptime went back); resynchronising",
                config.api().base());
            needSnapshot = true;
            timeout = 1;
            continue;
          }
        }
        timeout = config.keepaliveSeconds();
      } catch (EventSourceException e) {
        if (closed.get()) {
          return;
        }
        failed(e);
        needSnapshot = true;
        timeout = 1;
        pause();
      } catch (RuntimeException e) {
        if (closed.get()) {
          return;
        }
        log.error("{}: unexpected failure; starting over", config.api().base(), e);
        needSnapshot = true;
        timeout = 1;
        pause();
      }
    }
  }

  /** Delivers one event of a listen answer; returns whether it shows that the device restarted. */
  private boolean handle(QToggleApiClient api, @Nullable Object raw) {
    Optional<Event> event = parse(raw);
    if (event.isEmpty()) {
      return false;
    }
    boolean restarted = false;
    switch (event.get().type()) {
      case FULL_UPDATE -> {
        DeviceSnapshot snapshot = snapshot(api);
        view.reset(snapshot);
        sink.snapshot(snapshot);
      }
      case DEVICE_UPDATE -> restarted = view.restartedBy(event.get());
      default -> {}
    }
    view.apply(event.get());
    sink.event(event.get());
    return restarted;
  }

  /** An event from one element of a listen answer; empty (and logged) when it cannot be handled. */
  @SuppressWarnings("unchecked")
  private Optional<Event> parse(@Nullable Object raw) {
    if (!(raw instanceof Map<?, ?> object)) {
      log.warn(
          "{}: listen answered an event that is not an object (got {}); skipped",
          config.api().base(),
          Values.typeName(raw));
      return Optional.empty();
    }
    if (!(object.get("type") instanceof String type)) {
      log.warn(
          "{}: listen answered an event without a string type: {}; skipped",
          config.api().base(),
          abbreviate(raw));
      return Optional.empty();
    }
    Object params = object.containsKey("params") ? object.get("params") : new LinkedHashMap<>();
    if (!(params instanceof Map<?, ?> paramsMap)) {
      log.warn(
          "{}: {} event whose params is not an object ({}); skipped",
          config.api().base(),
          type,
          Values.typeName(params));
      return Optional.empty();
    }
    try {
      Optional<Event> event =
          Event.fromWire(type, (Map<String, @Nullable Object>) paramsMap, now());
      if (event.isEmpty()) {
        log.debug("{}: {} event ignored (not handled)", config.api().base(), type);
      }
      return event;
    } catch (InvalidEventException e) {
      log.warn("{}: {}; skipped", config.api().base(), e.getMessage());
      return Optional.empty();
    }
  }

  private void deliverSnapshot(QToggleApiClient api, boolean first) {
    DeviceSnapshot fresh = snapshot(api);
    if (first || !config.resyncEvents()) {
      view.reset(fresh);
      sink.snapshot(fresh);
      log.debug("{}: snapshot of {} ports delivered", config.api().base(), fresh.ports().size());
      return;
    }
    DeviceView.Resync resync = view.resync(fresh);
    sink.snapshot(resync.snapshot());
    for (Event event : resync.events()) {
      sink.event(event);
    }
    log.info(
        "{}: resynchronised after a gap; {} missed changes delivered as events",
        config.api().base(),
        resync.events().size());
  }

  /** Reads device (admin only), ports and, on a hub, slaves. */
  private DeviceSnapshot snapshot(QToggleApiClient api) {
    Map<String, @Nullable Object> device = new LinkedHashMap<>();
    if (config.api().isAdmin()) {
      device = api.device();
    } else if (!warnedNonAdmin) {
      warnedNonAdmin = true;
      log.warn(
          "{}: user {} cannot read the device attributes nor receive device and slave events;"
              + " only ports are followed (use the admin user for everything)",
          config.api().base(),
          config.api().username());
    }
    List<Map<String, @Nullable Object>> ports = api.ports();
    List<Map<String, @Nullable Object>> slaves = List.of();
    if (config.api().isAdmin()
        && device.get("flags") instanceof List<?> flags
        && flags.contains("master")) {
      slaves = api.slaves();
    }
    return new DeviceSnapshot(device, ports, slaves, now());
  }

  private void failed(EventSourceException e) {
    String message = e.getMessage();
    if (message != null && message.equals(lastFailure)) {
      log.debug("{}; retrying in {}", message, Durations.describe(config.api().retryInterval()));
      return;
    }
    lastFailure = message;
    if (e.kind() == ErrorKind.USER) {
      log.error("{}; retrying every {}", message, Durations.describe(config.api().retryInterval()));
    } else {
      log.warn("{}; retrying every {}", message, Durations.describe(config.api().retryInterval()));
    }
  }

  private void recovered() {
    if (lastFailure != null) {
      log.info("{}: listening again", config.api().base());
      lastFailure = null;
    }
  }

  private void pause() {
    try {
      closing.await(config.api().retryInterval().toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private double now() {
    Instant instant = clock.instant();
    return instant.getEpochSecond() + instant.getNano() / 1e9;
  }

  private static String abbreviate(@Nullable Object value) {
    String text = Values.pyRepr(value);
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
