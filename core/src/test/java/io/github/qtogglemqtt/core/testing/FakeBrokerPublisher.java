package io.github.qtogglemqtt.core.testing;

import io.github.qtogglemqtt.core.error.PublishException;
import io.github.qtogglemqtt.core.model.InboundMessage;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.Availability;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.port.out.ConnectionListener;
import io.github.qtogglemqtt.core.port.out.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A broker publisher for tests: records every message it accepts, with a connection the test
 * controls ({@link #connect()}, {@link #disconnect(String)}) and completions that are either
 * immediate ({@link #autoComplete(boolean)}, the default) or driven by the test ({@link
 * #completeNext()}, {@link #failNext(RuntimeException)}). Thread-safe.
 */
public final class FakeBrokerPublisher implements BrokerPublisher {
  private final List<OutboundMessage> messages = new CopyOnWriteArrayList<>();
  private final List<Credentials> credentials = new CopyOnWriteArrayList<>();
  private final List<@Nullable Availability> availabilities = new CopyOnWriteArrayList<>();
  private final Deque<Pending> pending = new ArrayDeque<>();
  private final boolean connectOnStart;
  private volatile @Nullable ConnectionListener listener;
  private volatile boolean connected;
  private volatile boolean autoComplete = true;
  private volatile boolean closed;
  private volatile int publishAttempts;

  private record Pending(OutboundMessage message, CompletableFuture<Void> future) {}

  private FakeBrokerPublisher(boolean connectOnStart) {
    this.connectOnStart = connectOnStart;
  }

  /** A publisher that connects as soon as it is started. */
  public static FakeBrokerPublisher connecting() {
    return new FakeBrokerPublisher(true);
  }

  /** A publisher that stays disconnected until {@link #connect()}. */
  public static FakeBrokerPublisher disconnected() {
    return new FakeBrokerPublisher(false);
  }

  /** A subscription made through {@link #subscribe}. */
  public record Subscription(String topicFilter, int qos, Consumer<InboundMessage> listener) {}

  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

  @Override
  public void subscribe(String topicFilter, int qos, Consumer<InboundMessage> listener) {
    subscriptions.add(new Subscription(topicFilter, qos, listener));
  }

  /** The subscriptions made so far, in order. */
  public List<Subscription> subscriptions() {
    return List.copyOf(subscriptions);
  }

  /** Delivers a message to every subscription whose filter matches {@code topic}. */
  public void deliver(String topic, String payload) {
    deliver(topic, payload, false);
  }

  /**
   * Delivers a message to every subscription whose filter matches {@code topic} ({@code +} and
   * {@code #} wildcards), as the broker would.
   */
  public void deliver(String topic, String payload, boolean retained) {
    InboundMessage message =
        new InboundMessage(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
    for (Subscription subscription : subscriptions) {
      if (matches(subscription.topicFilter(), topic)) {
        subscription.listener().accept(message);
      }
    }
  }

  private static boolean matches(String filter, String topic) {
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return true;
      }
      if (i >= t.length || !(f[i].equals("+") || f[i].equals(t[i]))) {
        return false;
      }
    }
    return f.length == t.length;
  }

  @Override
  public void start(ConnectionListener listener) {
    if (this.listener != null) {
      throw new IllegalStateException("started twice");
    }
    this.listener = listener;
    if (connectOnStart) {
      connect();
    }
  }

  /** Connects: asks the listener for credentials and availability, then tells it. */
  public void connect() {
    ConnectionListener l = requireListener();
    credentials.add(l.credentials());
    availabilities.add(l.availability());
    connected = true;
    l.connected();
  }

  /** Drops the connection and tells the listener. Messages in flight stay pending. */
  public void disconnect(String reason) {
    connected = false;
    requireListener().disconnected(reason, null, 1.0);
  }

  /** Whether completions happen at once (true, the default) or by {@link #completeNext()}. */
  public void autoComplete(boolean auto) {
    this.autoComplete = auto;
  }

  @Override
  public boolean isConnected() {
    return connected && !closed;
  }

  @Override
  public CompletableFuture<Void> publish(OutboundMessage message) {
    publishAttempts++;
    if (!isConnected()) {
      return CompletableFuture.failedFuture(new PublishException("not connected", null));
    }
    CompletableFuture<Void> future = new CompletableFuture<>();
    if (autoComplete) {
      messages.add(message);
      future.complete(null);
      return future;
    }
    synchronized (pending) {
      pending.addLast(new Pending(message, future));
    }
    return future;
  }

  /** Completes the oldest pending publish successfully; false when none is pending. */
  public boolean completeNext() {
    Pending p;
    synchronized (pending) {
      p = pending.pollFirst();
    }
    if (p == null) {
      return false;
    }
    messages.add(p.message);
    p.future.complete(null);
    return true;
  }

  /** Completes the oldest pending publish with a failure; false when none is pending. */
  public boolean failNext(RuntimeException failure) {
    Pending p;
    synchronized (pending) {
      p = pending.pollFirst();
    }
    if (p == null) {
      return false;
    }
    p.future.completeExceptionally(failure);
    return true;
  }

  /** How many publishes wait for {@link #completeNext()}. */
  public int pendingCount() {
    synchronized (pending) {
      return pending.size();
    }
  }

  /** How many times {@link #publish} was called (refused ones included). */
  public int publishAttempts() {
    return publishAttempts;
  }

  /** The messages completed successfully, in order. */
  public List<OutboundMessage> messages() {
    return List.copyOf(messages);
  }

  /** Their payloads as text. */
  public List<String> payloads() {
    List<String> result = new ArrayList<>();
    for (OutboundMessage m : messages) {
      result.add(m.payloadText());
    }
    return result;
  }

  /** The credentials asked for at each connect, in order. */
  public List<Credentials> credentials() {
    return List.copyOf(credentials);
  }

  /** The availability asked for at each connect, in order (null entries: none). */
  public List<@Nullable Availability> availabilities() {
    return new ArrayList<>(availabilities);
  }

  /** Whether {@link #start} was called. */
  public boolean isStarted() {
    return listener != null;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    connected = false;
  }

  private ConnectionListener requireListener() {
    ConnectionListener l = listener;
    if (l == null) {
      throw new IllegalStateException("not started");
    }
    return l;
  }
}
