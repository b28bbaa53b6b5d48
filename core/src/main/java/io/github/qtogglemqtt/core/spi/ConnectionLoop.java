package io.github.qtogglemqtt.core.spi;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.error.BridgeException;
import io.github.qtogglemqtt.core.error.PublishException;
import io.github.qtogglemqtt.core.model.InboundMessage;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.Availability;
import io.github.qtogglemqtt.core.port.out.ConnectionListener;
import io.github.qtogglemqtt.core.port.out.Credentials;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The connection loop of spec 7.4, shared by every MQTT client adapter so that they behave the
 * same: asks the {@link ConnectionListener} for credentials and availability before <em>every</em>
 * attempt, connects through the adapter's {@link Connector}, publishes the retained {@code online}
 * message, reports every change, waits {@link MqttConnectionSettings#retryDelay} after a failed or
 * lost connection, and on {@link #close()} publishes the retained {@code offline} message and
 * disconnects cleanly.
 *
 * <p>Publishing: {@link #publish} fails at once with a {@link PublishException} when there is no
 * connection (the core's outbox keeps the message); otherwise the message goes to the session in
 * call order, at most {@link Session#maxInflight()} at a time (the rest wait here, in order, so a
 * client library's in-flight limit never reaches the caller), and the returned future completes
 * when the library does, or fails after {@link MqttConnectionSettings#operationTimeout()}. Messages
 * still waiting when the connection is lost fail with a {@link PublishException}.
 *
 * <p>Thread-safe. Runs on one daemon thread of its own; the adapter's callbacks may come from any
 * thread.
 *
 * @since 0.1
 */
public final class ConnectionLoop implements AutoCloseable {

  /** What an adapter implements: opens one connection with its client library. */
  @FunctionalInterface
  public interface Connector {
    /**
     * Opens one connection. Non-blocking.
     *
     * @param credentials the identity of this attempt
     * @param availability when not null: set its {@code offlinePayload} as the retained last will
     * @param lost to call (once, from any thread) when the established connection breaks, with the
     *     reason in words; not called for {@link Session#close}
     * @return completes with the session once the broker accepted the connection; completes
     *     exceptionally (preferably with a {@link BridgeException} whose message is the reason in
     *     words, such as the CONNACK reason) when the attempt fails. When neither happens within
     *     {@link ConnectionLoop#connectTimeout} the loop cancels this future; the connector then
     *     abandons the attempt and releases its client
     */
    CompletableFuture<Session> connect(
        Credentials credentials, @Nullable Availability availability, ConnectionLost lost);
  }

  /** Called by an adapter when its established connection breaks. */
  @FunctionalInterface
  public interface ConnectionLost {
    /** The connection broke; {@code reason} is in words and never contains credentials. */
    void lost(String reason, @Nullable Throwable cause);
  }

  /** One established connection of a client library. */
  public interface Session {
    /**
     * Sends one message. Non-blocking; completes when written (QoS 0) or acknowledged (QoS 1, 2).
     */
    CompletableFuture<Void> publish(OutboundMessage message);

    /** How many messages may be handed to {@link #publish} before earlier ones complete. */
    default int maxInflight() {
      return Integer.MAX_VALUE;
    }

    /**
     * Subscribes on this connection. Non-blocking.
     *
     * @param listener told every message that arrives on the filter
     * @return completes when the broker granted the subscription; completes exceptionally when it
     *     refused it or the connection broke
     * @since 0.2
     */
    default CompletableFuture<Void> subscribe(
        String topicFilter, int qos, Consumer<InboundMessage> listener) {
      return CompletableFuture.failedFuture(
          new UnsupportedOperationException("this client cannot subscribe"));
    }

    /**
     * Disconnects cleanly (a normal DISCONNECT, so the broker does not publish the last will).
     * Blocks at most {@code timeout}; never throws.
     */
    void disconnect(Duration timeout);
  }

  private final String broker;
  private final MqttConnectionSettings settings;
  private final Connector connector;
  private final RandomGenerator random;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private volatile @Nullable Thread loopThread;

  // the fields below are only touched on the loop's thread, except `current` (volatile)
  private volatile @Nullable ConnectionListener listener;
  private volatile @Nullable Connected current;
  private int failures;
  private int attempt;
  private int lostAttempt;
  private @Nullable ScheduledFuture<?> nextAttempt;

  /**
   * A loop that has not started yet.
   *
   * @param settings the handler's connection settings
   * @param connector the adapter's way to open a connection
   * @param random the source of back-off jitter
   */
  public ConnectionLoop(
      MqttConnectionSettings settings, Connector connector, RandomGenerator random) {
    this.settings = requireNonNull(settings, "settings is null");
    this.connector = requireNonNull(connector, "connector is null");
    this.random = requireNonNull(random, "random is null");
    this.broker = "%s:%d".formatted(settings.server(), settings.port());
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "mqtt-connection-" + broker);
              thread.setDaemon(true);
              loopThread = thread;
              return thread;
            });
  }

  /**
   * Starts connecting in the background and returns at once.
   *
   * @throws IllegalStateException when called twice or after {@link #close()}
   */
  public void start(ConnectionListener listener) {
    requireNonNull(listener, "listener is null");
    if (closed.get() || !started.compareAndSet(false, true)) {
      throw new IllegalStateException("the connection to %s was already started".formatted(broker));
    }
    executor.execute(
        () -> {
          this.listener = listener;
          connect();
        });
  }

  /** Whether a connection is established now. Non-blocking. */
  public boolean isConnected() {
    return current != null && !closed.get();
  }

  /** Publishes one message; see the class comment. Non-blocking. */
  public CompletableFuture<Void> publish(OutboundMessage message) {
    requireNonNull(message, "message is null");
    Connected connected = current;
    if (connected == null || closed.get()) {
      return CompletableFuture.failedFuture(
          new PublishException("cannot publish to %s: not connected".formatted(broker), null));
    }
    return connected.publish(message);
  }

  /**
   * Subscribes on the current connection, if any, and on every later one. Non-blocking; may be
   * called before {@link #start}. Failures are told to the listener's {@link
   * ConnectionListener#subscriptionFailed}.
   *
   * @since 0.2
   */
  public void subscribe(String topicFilter, int qos, Consumer<InboundMessage> listener) {
    requireNonNull(topicFilter, "topicFilter is null");
    requireNonNull(listener, "listener is null");
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2 (got %d)".formatted(qos));
    }
    Subscription subscription = new Subscription(topicFilter, qos, listener);
    subscriptions.add(subscription);
    try {
      executor.execute(
          () -> {
            Connected connected = current;
            if (connected != null && !closed.get()) {
              subscribeOn(connected.session, subscription);
            }
          });
    } catch (RejectedExecutionException e) {
      // closed: nothing to subscribe on
    }
  }

  private void subscribeOn(Session session, Subscription subscription) {
    CompletableFuture<Void> result;
    try {
      result =
          session.subscribe(subscription.filter(), subscription.qos(), subscription.listener());
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    result.whenComplete(
        (ignored, error) -> {
          ConnectionListener l = listener;
          if (error != null && l != null && !closed.get()) {
            l.subscriptionFailed(subscription.filter(), reason(unwrap(error)));
          }
        });
  }

  private record Subscription(String filter, int qos, Consumer<InboundMessage> listener) {}

  /**
   * Publishes the retained {@code offline} message (if any), disconnects cleanly and stops
   * reconnecting. Blocks at most about twice the operation timeout. Idempotent; never throws.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (Thread.currentThread() == loopThread) {
      // called from a listener callback: shut down right here instead of waiting for ourselves
      shutDown();
      executor.shutdown();
      return;
    }
    try {
      executor.submit(this::shutDown).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | RejectedExecutionException e) {
      // nothing more to do: the executor stops below
    }
    executor.shutdownNow();
  }

  private void shutDown() {
    if (nextAttempt != null) {
      nextAttempt.cancel(false);
    }
    Connected connected = current;
    current = null;
    if (connected == null) {
      return;
    }
    Availability availability = connected.availability;
    Duration timeout = settings.operationTimeout();
    if (availability != null) {
      OutboundMessage offline =
          OutboundMessage.of(
              availability.topic(), availability.offlinePayload(), availability.qos(), true);
      try {
        connected.publish(offline).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        // the broker is going or gone: the last will may still tell the subscribers
      }
    }
    connected.failWaiting("the connection to %s was closed".formatted(broker));
    connected.session.disconnect(timeout);
  }

  private void connect() {
    if (closed.get()) {
      return;
    }
    ConnectionListener l = requireNonNull(listener, "listener is null");
    int thisAttempt = ++attempt;
    Credentials credentials;
    Availability availability;
    try {
      credentials = l.credentials();
      availability = l.availability();
    } catch (RuntimeException e) {
      failed("cannot build the identity of the connection: " + reason(e), e);
      return;
    }
    CompletableFuture<Session> future;
    try {
      future =
          connector.connect(
              credentials,
              availability,
              (reason, cause) -> executor.execute(() -> lost(thisAttempt, reason, cause)));
    } catch (RuntimeException e) {
      failed(reason(e), e);
      return;
    }
    // spec 7.4: the socket connect, then at most the operation timeout for the CONNACK; a library
    // that does not time the CONNACK out itself (Paho) is stopped here
    Duration guard = connectTimeout(settings);
    future
        .copy()
        .orTimeout(guard.toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (session, error) -> {
              try {
                executor.execute(
                    () -> connected(thisAttempt, future, session, error, availability));
              } catch (RejectedExecutionException e) {
                if (session != null) {
                  session.disconnect(Duration.ZERO);
                }
              }
            });
  }

  private void connected(
      int thisAttempt,
      CompletableFuture<Session> future,
      @Nullable Session session,
      @Nullable Throwable error,
      @Nullable Availability availability) {
    if (error != null || session == null) {
      Throwable cause = unwrap(error);
      if (cause instanceof TimeoutException) {
        if (!future.cancel(false)) {
          future.thenAccept(late -> late.disconnect(Duration.ZERO));
        }
        failed(
            "no CONNACK from %s within %ss".formatted(broker, connectTimeout(settings).toSeconds()),
            cause);
      } else {
        failed(reason(cause), cause);
      }
      return;
    }
    if (closed.get() || thisAttempt != attempt) {
      session.disconnect(settings.operationTimeout());
      return;
    }
    if (lostAttempt == thisAttempt) {
      // the connection broke before its success was handled here
      failed("the connection to %s was lost right after it was made".formatted(broker), null);
      return;
    }
    Connected connected = new Connected(session, availability);
    if (availability != null) {
      connected.publish(
          OutboundMessage.of(
              availability.topic(), availability.onlinePayload(), availability.qos(), true));
    }
    failures = 0;
    current = connected;
    for (Subscription subscription : subscriptions) {
      subscribeOn(session, subscription);
    }
    requireNonNull(listener, "listener is null").connected();
  }

  /**
   * How long one connection attempt may take in all: the socket (and TLS) connect and then the
   * CONNACK, each bounded by {@link MqttConnectionSettings#operationTimeout()}.
   */
  public static Duration connectTimeout(MqttConnectionSettings settings) {
    return settings.operationTimeout().multipliedBy(2).plusSeconds(1);
  }

  private void lost(int thisAttempt, String reason, @Nullable Throwable cause) {
    lostAttempt = thisAttempt;
    Connected connected = current;
    if (closed.get() || connected == null || thisAttempt != attempt) {
      return;
    }
    current = null;
    connected.failWaiting("the connection to %s was lost: %s".formatted(broker, reason));
    failed(reason, cause);
  }

  private void failed(String reason, @Nullable Throwable cause) {
    if (closed.get()) {
      return;
    }
    failures++;
    Duration delay = settings.retryDelay(failures, random);
    try {
      requireNonNull(listener, "listener is null")
          .disconnected(reason, cause, delay.toMillis() / 1000.0);
    } finally {
      nextAttempt = executor.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private static @Nullable Throwable unwrap(@Nullable Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  private static String reason(@Nullable Throwable error) {
    Throwable e = unwrap(error);
    if (e == null) {
      return "unknown error";
    }
    if (e instanceof BridgeException && e.getMessage() != null) {
      return e.getMessage();
    }
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  /** One established connection with its in-flight window. */
  private final class Connected {
    private final Session session;
    private final @Nullable Availability availability;
    private final int maxInflight;
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private int inflight;
    private boolean gone;

    private record Waiting(OutboundMessage message, CompletableFuture<Void> result) {}

    Connected(Session session, @Nullable Availability availability) {
      this.session = session;
      this.availability = availability;
      this.maxInflight = Math.max(1, session.maxInflight());
    }

    CompletableFuture<Void> publish(OutboundMessage message) {
      CompletableFuture<Void> result = new CompletableFuture<>();
      boolean sendNow;
      synchronized (this) {
        if (gone) {
          return CompletableFuture.failedFuture(
              new PublishException("cannot publish to %s: not connected".formatted(broker), null));
        }
        sendNow = waiting.isEmpty() && inflight < maxInflight;
        if (sendNow) {
          inflight++;
        } else {
          waiting.addLast(new Waiting(message, result));
        }
      }
      if (sendNow) {
        send(message, result);
      }
      return result;
    }

    private void send(OutboundMessage message, CompletableFuture<Void> result) {
      CompletableFuture<Void> sent;
      try {
        sent = session.publish(message);
      } catch (RuntimeException e) {
        sent = CompletableFuture.failedFuture(e);
      }
      Duration timeout = settings.operationTimeout();
      sent.copy()
          .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .whenComplete(
              (ignored, error) -> {
                release();
                if (error == null) {
                  result.complete(null);
                } else {
                  result.completeExceptionally(translate(message, unwrap(error), timeout));
                }
              });
    }

    private void release() {
      Waiting next;
      synchronized (this) {
        next = gone ? null : waiting.pollFirst();
        if (next == null) {
          inflight--;
        }
      }
      if (next != null) {
        send(next.message(), next.result());
      }
    }

    void failWaiting(String reason) {
      Deque<Waiting> failed;
      synchronized (this) {
        gone = true;
        failed = new ArrayDeque<>(waiting);
        waiting.clear();
      }
      for (Waiting w : failed) {
        w.result().completeExceptionally(new PublishException(reason, null));
      }
    }

    private Throwable translate(
        OutboundMessage message, @Nullable Throwable error, Duration timeout) {
      if (error instanceof PublishException) {
        return error;
      }
      if (error instanceof TimeoutException) {
        return new PublishException(
            "no acknowledgement from %s within %ss for %s"
                .formatted(broker, timeout.toMillis() / 1000.0, message.topic()),
            error);
      }
      return new PublishException(
          "publishing to %s on %s failed: %s".formatted(broker, message.topic(), reason(error)),
          error);
    }
  }
}
