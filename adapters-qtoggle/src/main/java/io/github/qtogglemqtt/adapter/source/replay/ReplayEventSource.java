package io.github.qtogglemqtt.adapter.source.replay;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.EventSourceException;
import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.in.EventSource;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays JSON lines into the sink, on one thread, in file order. A bad line is logged with its
 * number and skipped. Completes at the end of the input (never with {@code loop}, until closed).
 */
final class ReplayEventSource implements EventSource {
  private static final Logger log = LoggerFactory.getLogger(ReplayEventSource.class);

  private final ReplayConfig config;
  private final Clock clock;
  private final EventSink sink;
  private final CompletableFuture<Void> completion = new CompletableFuture<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable Thread worker;

  ReplayEventSource(ReplayConfig config, Clock clock, EventSink sink) {
    this.config = requireNonNull(config, "config is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.sink = requireNonNull(sink, "sink is null");
  }

  @Override
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new EventSourceException(ErrorKind.INTERNAL, "replay source already started", null);
    }
    Path path = config.path();
    if (path != null && !Files.isReadable(path)) {
      throw new EventSourceException(
          ErrorKind.USER, "replay file %s does not exist or cannot be read".formatted(path), null);
    }
    Thread thread = Thread.ofPlatform().name("replay-source").daemon(true).unstarted(this::run);
    worker = thread;
    thread.start();
  }

  @Override
  public CompletionStage<Void> completion() {
    return completion.minimalCompletionStage();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      Thread thread = worker;
      if (thread != null) {
        thread.interrupt();
      }
      completion.complete(null);
    }
  }

  private String describeInput() {
    Path path = config.path();
    return path == null ? "stdin" : path.toString();
  }

  private void run() {
    try {
      long[] delivered = {0};
      long startNanos = System.nanoTime();
      do {
        try (BufferedReader reader = new BufferedReader(open())) {
          replay(reader, delivered, startNanos);
        }
      } while (config.loop() && !closed.get());
      log.debug("replay of {} finished after {} events", describeInput(), delivered[0]);
      completion.complete(null);
    } catch (InterruptedIOException | ClosedSignal e) {
      completion.complete(null);
    } catch (IOException e) {
      if (closed.get()) {
        completion.complete(null);
      } else {
        log.error("replay of {} failed: {}", describeInput(), e.toString());
        completion.completeExceptionally(
            new EventSourceException(
                "replay of %s failed: %s".formatted(describeInput(), e.getMessage()), e));
      }
    } catch (RuntimeException e) {
      log.error("replay of {} failed", describeInput(), e);
      completion.completeExceptionally(e);
    }
  }

  private Reader open() throws IOException {
    Path path = config.path();
    if (path == null) {
      // the descriptor, not System.in: standard streams belong to the command line (ArchUnit R12),
      // and this source is the one reader of the process's standard input
      return new InputStreamReader(new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8);
    }
    // an InputStreamReader replaces malformed UTF-8 instead of failing the whole replay
    return new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8);
  }

  private void replay(BufferedReader reader, long[] delivered, long startNanos)
      throws IOException, ClosedSignal {
    String line;
    long number = 0;
    while ((line = reader.readLine()) != null) {
      if (closed.get()) {
        throw new ClosedSignal();
      }
      number++;
      if (number == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      switch (ReplayLine.parse(line, clock)) {
        case ReplayLine.Blank blank -> {}
        case ReplayLine.Invalid invalid ->
            log.warn("{} line {}: {}; line skipped", describeInput(), number, invalid.reason());
        case ReplayLine.Ignored ignored ->
            log.debug(
                "{} line {}: event type {} is not handled; ignored",
                describeInput(),
                number,
                ignored.type());
        case ReplayLine.Snapshot snapshot -> sink.snapshot(snapshot.snapshot());
        case ReplayLine.WireEvent event -> {
          pace(delivered[0], startNanos);
          sink.event(event.event());
          delivered[0]++;
        }
      }
    }
  }

  /** Waits until event number {@code index} is due at the configured rate. */
  private void pace(long index, long startNanos) throws ClosedSignal {
    if (config.rate().isEmpty()) {
      return;
    }
    long due =
        startNanos + (long) (index * (TimeUnit.SECONDS.toNanos(1) / config.rate().getAsDouble()));
    long wait;
    while ((wait = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
      if (closed.get() || Thread.currentThread().isInterrupted()) {
        throw new ClosedSignal();
      }
    }
  }

  /** Unwinds the replay loop when the source is closed. */
  private static final class ClosedSignal extends Exception {
    ClosedSignal() {
      super("closed", null, false, false);
    }
  }
}
