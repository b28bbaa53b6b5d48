package io.github.qtogglemqtt.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qtogglemqtt.core.error.PublishException;
import io.github.qtogglemqtt.core.model.InboundMessage;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.Availability;
import io.github.qtogglemqtt.core.port.out.ConnectionListener;
import io.github.qtogglemqtt.core.port.out.Credentials;
import io.github.qtogglemqtt.core.testing.Poll;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ConnectionLoopTest {
  private final FakeConnector connector = new FakeConnector();
  private final Listener listener = new Listener();
  private @Nullable ConnectionLoop loop;

  @AfterEach
  void close() {
    if (loop != null) {
      loop.close();
    }
  }

  private ConnectionLoop loop(Object... keyValues) {
    Map<String, @Nullable Object> values = new HashMap<>();
    values.put("server", "broker.example");
    values.put("reconnect_interval", "50ms");
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    AdapterProperties p = AdapterProperties.of("h", values);
    MqttConnectionSettings settings = MqttConnectionSettings.parse(p, AdapterContext.system());
    p.throwIfProblems();
    loop = new ConnectionLoop(settings, connector, new SplittableRandom(1));
    return loop;
  }

  @Test
  void start_connectorSucceeds_onlinePublishedRetainedThenListenerConnected() throws Exception {
    listener.availability = new Availability("dev/status", "up", "down", 1);
    ConnectionLoop loop = loop();

    loop.start(listener);

    assertThat(listener.next()).isEqualTo("connected");
    FakeSession session = connector.sessions.take();
    assertThat(session.will).isEqualTo(listener.availability);
    assertThat(session.published.getFirst())
        .satisfies(
            m -> {
              assertThat(m.message().topic()).isEqualTo("dev/status");
              assertThat(m.message().payloadText()).isEqualTo("up");
              assertThat(m.message().retain()).isTrue();
            });
    assertThat(loop.isConnected()).isTrue();
  }

  @Test
  void start_twice_throwsIllegalState() {
    ConnectionLoop loop = loop();
    loop.start(listener);

    assertThatThrownBy(() -> loop.start(listener)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void publish_beforeConnected_failsAtOnceWithPublishException() {
    ConnectionLoop loop = loop();

    CompletableFuture<Void> result = loop.publish(OutboundMessage.of("t", "p", 1, false));

    assertThat(result).isCompletedExceptionally();
    assertThatThrownBy(result::get).hasCauseInstanceOf(PublishException.class);
  }

  @Test
  void connect_fails_reasonReportedAndRetriedWithFreshCredentials() throws Exception {
    connector.failures.set(2);
    ConnectionLoop loop = loop();

    loop.start(listener);

    assertThat(listener.next()).isEqualTo("disconnected: refused 1 (retry in 0.05s)");
    assertThat(listener.next()).isEqualTo("disconnected: refused 2 (retry in 0.05s)");
    assertThat(listener.next()).isEqualTo("connected");
    assertThat(listener.credentialRequests.get()).isEqualTo(3);
    assertThat(connector.clientIds).containsExactly("id-1", "id-2", "id-3");
  }

  @Test
  void lost_afterConnect_waitingMessagesFailAndItReconnects() throws Exception {
    ConnectionLoop loop = loop();
    loop.start(listener);
    assertThat(listener.next()).isEqualTo("connected");
    FakeSession first = connector.sessions.take();

    first.lost.lost("connection reset", null);

    assertThat(listener.next()).isEqualTo("disconnected: connection reset (retry in 0.05s)");
    assertThat(listener.next()).isEqualTo("connected");
    assertThat(connector.sessions.take()).isNotSameAs(first);
  }

  @Test
  void publish_moreThanTheInflightWindow_queuedInOrderNeverOverTheWindow() throws Exception {
    connector.maxInflight = 2;
    ConnectionLoop loop = loop();
    loop.start(listener);
    assertThat(listener.next()).isEqualTo("connected");
    FakeSession session = connector.sessions.take();
    session.autoComplete = false;

    List<CompletableFuture<Void>> results =
        java.util.stream.IntStream.range(0, 5)
            .mapToObj(i -> loop.publish(OutboundMessage.of("t", "m" + i, 1, false)))
            .toList();

    assertThat(session.texts()).containsExactly("m0", "m1");
    session.complete(0);
    assertThat(session.texts()).containsExactly("m0", "m1", "m2");
    session.complete(1);
    session.complete(2);
    session.complete(3);
    session.complete(4);
    CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
    assertThat(session.texts()).containsExactly("m0", "m1", "m2", "m3", "m4");
    assertThat(session.maxSeenInflight).hasValue(2);
  }

  @Test
  void publish_noAcknowledgementWithinTimeout_failsWithPublishException() {
    ConnectionLoop loop = loop("timeout", "200ms");
    loop.start(listener);
    assertThat(listener.next()).isEqualTo("connected");
    FakeSession session = takeSession();
    session.autoComplete = false;

    CompletableFuture<Void> result = loop.publish(OutboundMessage.of("t", "p", 1, false));

    assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(PublishException.class)
        .hasMessageContaining("no acknowledgement");
  }

  @Test
  void close_connected_publishesRetainedOfflineThenDisconnectsOnce() {
    listener.availability = new Availability("dev/status", "up", "down", 0);
    ConnectionLoop loop = loop();
    loop.start(listener);
    assertThat(listener.next()).isEqualTo("connected");
    FakeSession session = takeSession();

    loop.close();
    loop.close();

    assertThat(session.texts()).containsExactly("up", "down");
    assertThat(session.published.getLast().message().retain()).isTrue();
    assertThat(session.disconnects).hasValue(1);
    assertThat(loop.isConnected()).isFalse();
    assertThat(loop.publish(OutboundMessage.of("t", "p", 0, false))).isCompletedExceptionally();
  }

  private FakeSession takeSession() {
    try {
      return connector.sessions.take();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void subscribe_beforeStart_madeOnEveryConnectionAndFailuresReported() throws Exception {
    ConnectionLoop loop = loop();
    List<String> received = new CopyOnWriteArrayList<>();
    loop.subscribe("ha/status", 1, m -> received.add(m.payloadText()));
    loop.start(listener);
    assertThat(listener.next()).isEqualTo("connected");
    FakeSession first = connector.sessions.take();
    assertThat(first.subscribed).containsExactly("ha/status@1");
    first.deliver("ha/status", "online");
    assertThat(received).containsExactly("online");

    connector.refuseSubscriptions = true;
    first.lost.lost("connection reset", null);

    assertThat(listener.next()).startsWith("disconnected: connection reset");
    assertThat(listener.next()).isEqualTo("subscription failed: ha/status: not allowed");
    assertThat(listener.next()).isEqualTo("connected");
    assertThat(connector.sessions.take().subscribed).containsExactly("ha/status@1");
  }

  @Test
  void subscribe_whileConnected_madeOnTheCurrentConnection() throws Exception {
    ConnectionLoop loop = loop();
    loop.start(listener);
    assertThat(listener.next()).isEqualTo("connected");
    FakeSession session = connector.sessions.take();

    loop.subscribe("a/+", 0, m -> {});

    Poll.until("the subscription", () -> session.subscribed.contains("a/+@0"));
  }

  private static final class Listener implements ConnectionListener {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final AtomicInteger credentialRequests = new AtomicInteger();
    volatile @Nullable Availability availability;

    @Override
    public Credentials credentials() {
      return new Credentials("id-" + credentialRequests.incrementAndGet(), null, null);
    }

    @Override
    public @Nullable Availability availability() {
      return availability;
    }

    @Override
    public void connected() {
      events.add("connected");
    }

    @Override
    public void subscriptionFailed(String topicFilter, String reason) {
      events.add("subscription failed: %s: %s".formatted(topicFilter, reason));
    }

    @Override
    public void disconnected(String reason, @Nullable Throwable cause, double retryInSeconds) {
      events.add("disconnected: %s (retry in %ss)".formatted(reason, retryInSeconds));
    }

    String next() {
      try {
        String event = events.poll(10, TimeUnit.SECONDS);
        return event == null ? "(nothing)" : event;
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static final class FakeConnector implements ConnectionLoop.Connector {
    final AtomicInteger failures = new AtomicInteger();
    final BlockingQueue<FakeSession> sessions = new LinkedBlockingQueue<>();
    final List<String> clientIds = new CopyOnWriteArrayList<>();
    volatile int maxInflight = Integer.MAX_VALUE;
    volatile boolean refuseSubscriptions;
    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    public CompletableFuture<ConnectionLoop.Session> connect(
        Credentials credentials,
        @Nullable Availability availability,
        ConnectionLoop.ConnectionLost lost) {
      clientIds.add(credentials.clientId());
      int attempt = attempts.incrementAndGet();
      if (failures.getAndDecrement() > 0) {
        return CompletableFuture.failedFuture(new PublishException("refused " + attempt, null));
      }
      FakeSession session = new FakeSession(availability, lost, maxInflight);
      session.refuseSubscriptions = refuseSubscriptions;
      refuseSubscriptions = false;
      sessions.add(session);
      return CompletableFuture.completedFuture(session);
    }
  }

  private static final class FakeSession implements ConnectionLoop.Session {
    record Sent(OutboundMessage message, CompletableFuture<Void> result) {}

    final @Nullable Availability will;
    final ConnectionLoop.ConnectionLost lost;
    final int maxInflight;
    final List<Sent> published = new CopyOnWriteArrayList<>();
    final AtomicInteger disconnects = new AtomicInteger();
    final AtomicInteger inflight = new AtomicInteger();
    final AtomicInteger maxSeenInflight = new AtomicInteger();
    volatile boolean autoComplete = true;
    volatile boolean refuseSubscriptions;
    final List<String> subscribed = new CopyOnWriteArrayList<>();
    final Map<String, Consumer<InboundMessage>> listeners = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Void> subscribe(
        String topicFilter, int qos, Consumer<InboundMessage> listener) {
      subscribed.add(topicFilter + "@" + qos);
      listeners.put(topicFilter, listener);
      return refuseSubscriptions
          ? CompletableFuture.failedFuture(new PublishException("not allowed", null))
          : CompletableFuture.completedFuture(null);
    }

    void deliver(String topic, String payload) {
      listeners
          .get(topic)
          .accept(new InboundMessage(topic, payload.getBytes(StandardCharsets.UTF_8), false));
    }

    FakeSession(@Nullable Availability will, ConnectionLoop.ConnectionLost lost, int maxInflight) {
      this.will = will;
      this.lost = lost;
      this.maxInflight = maxInflight;
    }

    @Override
    public CompletableFuture<Void> publish(OutboundMessage message) {
      CompletableFuture<Void> result = new CompletableFuture<>();
      maxSeenInflight.accumulateAndGet(inflight.incrementAndGet(), Math::max);
      published.add(new Sent(message, result));
      if (autoComplete) {
        inflight.decrementAndGet();
        result.complete(null);
      }
      return result;
    }

    void complete(int index) {
      inflight.decrementAndGet();
      published.get(index).result().complete(null);
    }

    List<String> texts() {
      return published.stream().map(s -> s.message().payloadText()).toList();
    }

    @Override
    public int maxInflight() {
      return maxInflight;
    }

    @Override
    public void disconnect(Duration timeout) {
      disconnects.incrementAndGet();
    }
  }
}
