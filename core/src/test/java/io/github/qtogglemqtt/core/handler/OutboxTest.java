package io.github.qtogglemqtt.core.handler;

import static io.github.qtogglemqtt.core.handler.HandlerFixture.idle;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.PublishException;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.model.HandlingOutcome.DropReason;
import io.github.qtogglemqtt.core.model.ValueChange;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.testing.FakeBrokerPublisher;
import io.github.qtogglemqtt.core.testing.Poll;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The outbox in front of the broker publisher (issue 5): buffering, overflow, retry, shutdown. */
@Timeout(30)
class OutboxTest {
  private final HandlerFixture fixture = new HandlerFixture();
  private @Nullable EventHandler handler;

  @AfterEach
  void close() {
    if (handler != null) {
      handler.close();
    }
  }

  private EventHandler start(String extraKeys, FakeBrokerPublisher publisher) {
    handler =
        fixture.real(
            "{\"skip_startup\": false, \"topic\": \"t\", \"template\": \"{{new_value}}\""
                + extraKeys
                + "}",
            publisher);
    return handler;
  }

  private static Event valueChange(long value) {
    Map<String, @Nullable Object> params = new LinkedHashMap<>();
    params.put("id", "p");
    params.put("value", value);
    return new ValueChange("p", params, 1_718_000_000.0 + value);
  }

  private static void send(EventHandler handler, int from, int to) {
    for (int i = from; i < to; i++) {
      handler.event(valueChange(i));
    }
  }

  private static List<String> numbers(int from, int to) {
    return IntStream.range(from, to).mapToObj(Integer::toString).toList();
  }

  private void awaitOutcomes(Class<? extends HandlingOutcome> kind, int count) {
    Poll.until(
        count + " " + kind.getSimpleName(), () -> fixture.observer.outcomes(kind).size() >= count);
  }

  private List<DropReason> dropReasons() {
    return fixture.observer.outcomes(HandlingOutcome.Dropped.class).stream()
        .map(HandlingOutcome.Dropped::reason)
        .toList();
  }

  @Test
  void publish_connected_publishesEveryMessageInOrder() {
    FakeBrokerPublisher publisher = FakeBrokerPublisher.connecting();
    EventHandler h = start("", publisher);

    send(h, 0, 500);
    idle(h);

    assertThat(publisher.payloads()).containsExactlyElementsOf(numbers(0, 500));
    assertThat(fixture.observer.published()).hasSize(500);
    assertThat(fixture.observer.outcomes(HandlingOutcome.Published.class))
        .allSatisfy(p -> assertThat(p.latencyNanos()).isNotNegative());
  }

  @Test
  void publish_whileDisconnected_buffersThenPublishesInOrderAfterConnect() {
    FakeBrokerPublisher publisher = FakeBrokerPublisher.disconnected();
    EventHandler h = start("", publisher);

    send(h, 0, 5);
    awaitOutcomes(HandlingOutcome.Buffered.class, 5);
    assertThat(h.awaitIdle(Duration.ofMillis(50))).isFalse();
    assertThat(fixture.observer.outcomes(HandlingOutcome.Buffered.class))
        .extracting(HandlingOutcome.Buffered::depth)
        .containsExactly(1, 2, 3, 4, 5);

    publisher.connect();
    idle(h);

    assertThat(publisher.payloads()).containsExactlyElementsOf(numbers(0, 5));
    assertThat(dropReasons()).isEmpty();
  }

  @Test
  void publish_bufferSizeZeroWhileDisconnected_dropsAsNotConnected() {
    FakeBrokerPublisher publisher = FakeBrokerPublisher.disconnected();
    EventHandler h = start(", \"buffer_size\": 0", publisher);

    send(h, 0, 3);
    idle(h);
    publisher.connect();
    send(h, 3, 4);
    idle(h);

    assertThat(dropReasons())
        .containsExactly(
            DropReason.NOT_CONNECTED, DropReason.NOT_CONNECTED, DropReason.NOT_CONNECTED);
    assertThat(publisher.payloads()).containsExactly("3");
  }

  @Test
  void overflow_dropOldest_keepsTheNewestMessages() {
    FakeBrokerPublisher publisher = FakeBrokerPublisher.disconnected();
    EventHandler h = start(", \"buffer_size\": 3", publisher);

    send(h, 0, 5);
    awaitOutcomes(HandlingOutcome.Dropped.class, 2);
    publisher.connect();
    idle(h);

    assertThat(dropReasons())
        .containsExactly(DropReason.OVERFLOW_OLDEST, DropReason.OVERFLOW_OLDEST);
    assertThat(fixture.observer.outcomes(HandlingOutcome.Dropped.class))
        .extracting(d -> d.message().payloadText())
        .containsExactly("0", "1");
    assertThat(publisher.payloads()).containsExactly("2", "3", "4");
  }

  @Test
  void overflow_dropNewest_keepsTheOldestMessages() {
    FakeBrokerPublisher publisher = FakeBrokerPublisher.disconnected();
    EventHandler h = start(", \"buffer_size\": 3, \"buffer_overflow\": \"drop_newest\"", publisher);

    send(h, 0, 5);
    awaitOutcomes(HandlingOutcome.Dropped.class, 2);
    publisher.connect();
    idle(h);

    assertThat(dropReasons())
        .containsExactly(DropReason.OVERFLOW_NEWEST, DropReason.OVERFLOW_NEWEST);
    assertThat(publisher.payloads()).containsExactly("0", "1", "2");
  }

  @Test
  void publishFailure_qos1ConnectionLost_retriesInOrderAfterReconnectAndLosesNothing() {
    FakeBrokerPublisher publisher = FakeBrokerPublisher.connecting();
    publisher.autoComplete(false);
    EventHandler h = start(", \"qos\": 1", publisher);

    send(h, 0, 3);
    Poll.until("3 publishes in flight", () -> publisher.pendingCount() == 3);
    publisher.disconnect("connection lost");
    for (int i = 0; i < 3; i++) {
      publisher.failNext(new PublishException("connection lost", null));
    }
    send(h, 3, 4);
    awaitOutcomes(HandlingOutcome.Buffered.class, 4);

    publisher.connect();
    Poll.until("4 publishes in flight again", () -> publisher.pendingCount() == 4);
    for (int i = 0; i < 4; i++) {
      publisher.completeNext();
    }
    idle(h);

    assertThat(publisher.payloads()).containsExactly("0", "1", "2", "3");
    assertThat(dropReasons()).isEmpty();
  }

  @Test
  void publish_slowBroker_neverMoreThanMaxInFlightOutstanding() {
    FakeBrokerPublisher publisher = FakeBrokerPublisher.connecting();
    publisher.autoComplete(false);
    EventHandler h = start(", \"qos\": 1", publisher);

    send(h, 0, 100);
    Poll.until("a full window", () -> publisher.pendingCount() == BrokerPublisher.MAX_IN_FLIGHT);
    assertThat(h.awaitIdle(Duration.ofMillis(50))).isFalse();
    assertThat(publisher.pendingCount()).isEqualTo(BrokerPublisher.MAX_IN_FLIGHT);
    assertThat(publisher.publishAttempts()).isEqualTo(BrokerPublisher.MAX_IN_FLIGHT);
    for (int completed = 0; completed < 100; ) {
      if (publisher.completeNext()) {
        completed++;
      } else {
        Poll.until("the next publish", () -> publisher.pendingCount() > 0);
      }
    }
    idle(h);

    assertThat(publisher.payloads()).containsExactlyElementsOf(numbers(0, 100));
  }

  @Test
  void publishFailure_qos0_dropsAsPublishFailed() {
    FakeBrokerPublisher publisher = FakeBrokerPublisher.connecting();
    publisher.autoComplete(false);
    EventHandler h = start("", publisher);

    send(h, 0, 1);
    Poll.until("a publish in flight", () -> publisher.pendingCount() == 1);
    publisher.failNext(new PublishException("write failed", null));
    idle(h);

    assertThat(fixture.observer.outcomes(HandlingOutcome.Dropped.class))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.reason()).isEqualTo(DropReason.PUBLISH_FAILED);
              assertThat(d.detail()).isEqualTo("write failed");
            });
  }

  @Test
  void publishFailure_brokerRefusedAtQos1_dropsInsteadOfRetryingForever() {
    FakeBrokerPublisher publisher = FakeBrokerPublisher.connecting();
    publisher.autoComplete(false);
    EventHandler h = start(", \"qos\": 1", publisher);

    send(h, 0, 2);
    Poll.until("2 publishes in flight", () -> publisher.pendingCount() == 2);
    publisher.failNext(new PublishException(ErrorKind.USER, "not authorized", null));
    publisher.completeNext();
    idle(h);

    assertThat(dropReasons()).containsExactly(DropReason.PUBLISH_FAILED);
    assertThat(publisher.payloads()).containsExactly("1");
  }

  @Test
  void close_connected_flushesEverythingThenClosesThePublisher() {
    FakeBrokerPublisher publisher = FakeBrokerPublisher.connecting();
    EventHandler h = start("", publisher);

    send(h, 0, 50);
    h.close();

    assertThat(publisher.payloads()).containsExactlyElementsOf(numbers(0, 50));
    assertThat(publisher.isClosed()).isTrue();
    assertThat(dropReasons()).isEmpty();
  }

  @Test
  void close_disconnected_reportsLeftoversAsDroppedAtShutdown() {
    FakeBrokerPublisher publisher = FakeBrokerPublisher.disconnected();
    EventHandler h = start(", \"shutdown_timeout\": \"100ms\"", publisher);

    send(h, 0, 3);
    awaitOutcomes(HandlingOutcome.Buffered.class, 3);
    h.close();

    assertThat(dropReasons())
        .containsExactly(DropReason.SHUTDOWN, DropReason.SHUTDOWN, DropReason.SHUTDOWN);
    assertThat(fixture.observer.outcomes(HandlingOutcome.Dropped.class))
        .extracting(d -> d.message().payloadText())
        .containsExactly("0", "1", "2");
    assertThat(publisher.isClosed()).isTrue();
  }

  @Test
  void event_afterClose_isIgnored() {
    FakeBrokerPublisher publisher = FakeBrokerPublisher.connecting();
    EventHandler h = start("", publisher);
    h.close();

    h.event(valueChange(1));

    assertThat(fixture.observer.outcomes(HandlingOutcome.Ignored.class)).hasSize(1);
    assertThat(publisher.payloads()).isEmpty();
  }

  @Test
  void publish_payloadOverMaxPayloadBytes_dropsAsTooLarge() {
    FakeBrokerPublisher publisher = FakeBrokerPublisher.connecting();
    EventHandler h = start(", \"max_payload_bytes\": 2", publisher);

    send(h, 99, 101);
    idle(h);

    assertThat(dropReasons()).containsExactly(DropReason.TOO_LARGE);
    assertThat(publisher.payloads()).containsExactly("99");
  }

  @Test
  void dryRun_everyAcceptedMessage_reportedPublishedAtOnceInOrder() {
    EventHandler h =
        fixture.dryRun(
            "{\"skip_startup\": false, \"topic\": \"t\", \"template\": \"{{new_value}}\"}");
    handler = h;

    send(h, 0, 20);
    idle(h);

    assertThat(fixture.observer.publishedPayloads()).containsExactlyElementsOf(numbers(0, 20));
    assertThat(fixture.observer.outcomes(HandlingOutcome.Published.class))
        .allSatisfy(p -> assertThat(p.latencyNanos()).isZero());
  }
}
