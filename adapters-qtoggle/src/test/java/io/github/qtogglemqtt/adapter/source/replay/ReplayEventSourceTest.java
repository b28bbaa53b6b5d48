package io.github.qtogglemqtt.adapter.source.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.error.EventSourceException;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.EventSourceFactory;
import io.github.qtogglemqtt.core.testing.Poll;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ReplayEventSourceTest {
  @TempDir Path dir;

  private AdapterContext context() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_000), ZoneOffset.UTC);
    return new AdapterContext() {
      @Override
      public Clock clock() {
        return clock;
      }

      @Override
      public ZoneId zone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Path baseDirectory() {
        return dir;
      }
    };
  }

  private EventSource create(Map<String, Object> keys, RecordingSink sink) {
    return new ReplayEventSourceFactory()
        .create(AdapterProperties.of("source", keys), context(), sink);
  }

  @Test
  void serviceLoader_findsTheReplayFactory() {
    assertThat(ServiceLoader.load(EventSourceFactory.class).stream().map(p -> p.get().name()))
        .contains("replay");
  }

  @Test
  void start_mixedFile_deliversInOrderSkippingBadLinesAndCompletes() throws Exception {
    Files.writeString(
        dir.resolve("events.jsonl"),
        """
        {"type": "snapshot", "device": {"name": "garage"}, "ports": [{"id": "relay1", "value": false}]}

        {"type": "value-change", "params": {"id": "relay1", "value": true}, "timestamp": 5.5}
        this is not json
        {"params": {"id": "relay1"}}
        {"type": "peripheral-add", "params": {}}
        {"type": "port-remove", "params": {"id": "relay1"}}
        """,
        StandardCharsets.UTF_8);
    RecordingSink sink = new RecordingSink();
    try (EventSource source = create(Map.of("path", "events.jsonl"), sink)) {
      source.start();
      source.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    assertThat(sink.received).hasSize(3);
    assertThat(sink.received.get(0)).isInstanceOf(DeviceSnapshot.class);
    assertThat(sink.events())
        .extracting(e -> e.type().wireName())
        .containsExactly("value-change", "port-remove");
    assertThat(sink.events()).extracting(Event::timestamp).containsExactly(5.5, 1000.0);
  }

  @Test
  void start_withRate_pacesEvents() throws Exception {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      lines.append("{\"type\": \"full-update\", \"params\": {}}\n");
    }
    Files.writeString(dir.resolve("paced.jsonl"), lines);
    RecordingSink sink = new RecordingSink();
    long started = System.nanoTime();
    try (EventSource source = create(Map.of("path", "paced.jsonl", "rate", 20), sink)) {
      source.start();
      source.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    // three events at 20 per second: the third is due 100 ms after the first
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(sink.events()).hasSize(3);
  }

  @Test
  void start_loop_repeatsUntilClosed() throws Exception {
    Files.writeString(dir.resolve("loop.jsonl"), "{\"type\": \"full-update\", \"params\": {}}\n");
    RecordingSink sink = new RecordingSink();
    EventSource source = create(Map.of("path", "loop.jsonl", "loop", true), sink);
    source.start();
    Poll.until("five rounds of the looped file", () -> sink.events().size() >= 5);
    assertThat(source.completion().toCompletableFuture().isDone()).isFalse();
    source.close();
    source.completion().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(sink.events().size()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void start_missingFile_throwsEventSourceException() {
    EventSource source = create(Map.of("path", "missing.jsonl"), new RecordingSink());

    assertThatThrownBy(source::start)
        .isInstanceOf(EventSourceException.class)
        .hasMessageContaining("missing.jsonl");
  }

  @Test
  void create_badKeys_reportsEveryProblem() {
    Map<String, Object> keys = new HashMap<>();
    keys.put("rate", -1);
    keys.put("loop", "yes");

    assertThatThrownBy(() -> create(keys, new RecordingSink()))
        .isInstanceOf(ConfigurationException.class)
        .satisfies(
            e ->
                assertThat(((ConfigurationException) e).problems())
                    .extracting(p -> p.path())
                    .containsExactlyInAnyOrder("source.path", "source.rate", "source.loop"));
  }
}
