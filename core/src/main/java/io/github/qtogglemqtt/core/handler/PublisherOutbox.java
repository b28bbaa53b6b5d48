package io.github.qtogglemqtt.core.handler;

import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.PublishException;
import io.github.qtogglemqtt.core.handler.HandlerSettings.OverflowPolicy;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.model.HandlingOutcome.DropReason;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The bounded, ordered outbox in front of a {@link BrokerPublisher} (issue 5): messages wait while
 * the broker is away ({@code buffer_size}, overflow per {@code buffer_overflow}); a sender thread
 * publishes them in order with a bounded window of messages in flight. A failed publish at QoS ≥ 1
 * goes back to the head and is retried after the next connect (or after a short back-off when the
 * connection stays up); a message the broker refused ({@link PublishException} of kind USER) and a
 * failed QoS 0 publish are dropped. Every drop is reported.
 */
final class PublisherOutbox implements Outbox {
  /** Messages handed to the publisher and not yet completed, at most. */
  static final int WINDOW = BrokerPublisher.MAX_IN_FLIGHT;

  /** With {@code buffer_size = 0}: the queue that rides out publish latency while connected. */
  static final int TRANSIT_CAPACITY = 1_000;

  private static final long FIRST_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final long POLL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final String handler;
  private final BrokerPublisher publisher;
  private final HandlerObserver observer;
  private final Runnable onProgress;
  private final int bufferSize;
  private final OverflowPolicy overflow;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final TreeMap<Long, Entry> queue = new TreeMap<>();
  private final Map<Long, Entry> inFlight = new LinkedHashMap<>();
  private long nextSeq;
  private boolean paused;
  private long pausedUntil;
  private long retryNanos = FIRST_RETRY_NANOS;
  private boolean closed;
  private volatile long connectionEpoch;
  private @Nullable Thread sender;

  private static final class Entry {
    final long seq;
    final OutboundMessage message;
    final Event event;
    long startNanos;

    Entry(long seq, OutboundMessage message, Event event) {
      this.seq = seq;
      this.message = message;
      this.event = event;
    }
  }

  private record Report(Event event, HandlingOutcome outcome) {}

  PublisherOutbox(
      String handler,
      BrokerPublisher publisher,
      HandlerObserver observer,
      int bufferSize,
      OverflowPolicy overflow,
      Runnable onProgress) {
    this.handler = handler;
    this.publisher = publisher;
    this.observer = observer;
    this.bufferSize = bufferSize;
    this.overflow = overflow;
    this.onProgress = onProgress;
  }

  @Override
  public void start() {
    lock.lock();
    try {
      if (sender != null || closed) {
        return;
      }
      sender =
          Thread.ofPlatform().daemon().name("qtoggle-mqtt-outbox-" + handler).start(this::sendLoop);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void offer(OutboundMessage message, Event event) {
    List<Report> reports = new ArrayList<>(2);
    // asked outside the lock: a publisher may call the listener while holding its own locks
    boolean connected = publisher.isConnected();
    lock.lock();
    try {
      if (closed) {
        reports.add(
            new Report(
                event,
                new HandlingOutcome.Dropped(
                    message, DropReason.SHUTDOWN, "the handler is shutting down")));
        return;
      }
      if (bufferSize == 0 && !connected) {
        reports.add(
            new Report(
                event,
                new HandlingOutcome.Dropped(
                    message,
                    DropReason.NOT_CONNECTED,
                    "cannot publish, not connected (buffer_size = 0)")));
        return;
      }
      int capacity = bufferSize == 0 ? TRANSIT_CAPACITY : bufferSize;
      if (queue.size() >= capacity) {
        if (overflow == OverflowPolicy.DROP_NEWEST) {
          reports.add(
              new Report(
                  event,
                  new HandlingOutcome.Dropped(
                      message,
                      DropReason.OVERFLOW_NEWEST,
                      "the outbox is full (%d messages)".formatted(capacity))));
          return;
        }
        Entry oldest = queue.pollFirstEntry().getValue();
        reports.add(
            new Report(
                oldest.event,
                new HandlingOutcome.Dropped(
                    oldest.message,
                    DropReason.OVERFLOW_OLDEST,
                    "the outbox is full (%d messages)".formatted(capacity))));
      }
      long seq = nextSeq++;
      queue.put(seq, new Entry(seq, message, event));
      if (!connected || paused) {
        reports.add(new Report(event, new HandlingOutcome.Buffered(message, queue.size())));
      }
      changed.signalAll();
    } finally {
      lock.unlock();
      report(reports);
    }
  }

  @Override
  public boolean idle() {
    lock.lock();
    try {
      return queue.isEmpty() && inFlight.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void connectionChanged(boolean connected) {
    lock.lock();
    try {
      connectionEpoch++;
      if (connected) {
        paused = false;
        retryNanos = FIRST_RETRY_NANOS;
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void sendLoop() {
    while (true) {
      // asked outside the lock: a publisher may call the listener while holding its own locks;
      // a connection change after this read bumps the epoch, so the wait below is skipped
      long epochBefore = connectionEpoch;
      boolean connected = publisher.isConnected();
      Entry entry = null;
      lock.lock();
      try {
        if (closed) {
          return;
        }
        long now = System.nanoTime();
        if (paused && now - pausedUntil >= 0) {
          paused = false;
        }
        if (connected && !paused && !queue.isEmpty() && inFlight.size() < WINDOW) {
          entry = queue.pollFirstEntry().getValue();
          entry.startNanos = now;
          inFlight.put(entry.seq, entry);
        } else if (connectionEpoch == epochBefore) {
          long wait = paused ? Math.min(POLL_NANOS, pausedUntil - now) : POLL_NANOS;
          changed.awaitNanos(Math.max(wait, 1));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        lock.unlock();
      }
      if (entry == null) {
        continue;
      }
      CompletableFuture<Void> future;
      try {
        future = publisher.publish(entry.message);
      } catch (RuntimeException e) {
        future = CompletableFuture.failedFuture(e);
      }
      Entry sent = entry;
      future.whenComplete((ignored, failure) -> completed(sent, failure));
    }
  }

  private void completed(Entry entry, @Nullable Throwable failure) {
    List<Report> reports = new ArrayList<>(1);
    lock.lock();
    try {
      if (inFlight.remove(entry.seq) == null) {
        return; // dropped at shutdown meanwhile
      }
      if (failure == null) {
        retryNanos = FIRST_RETRY_NANOS;
        reports.add(
            new Report(
                entry.event,
                new HandlingOutcome.Published(
                    entry.message, System.nanoTime() - entry.startNanos)));
      } else {
        Throwable cause = unwrap(failure);
        boolean refused = cause instanceof PublishException p && p.kind() == ErrorKind.USER;
        if (entry.message.qos() > 0 && !refused && !closed) {
          // nothing accepted is lost: back to the head, retried after reconnect or back-off
          queue.put(entry.seq, entry);
          if (!paused) {
            paused = true;
            pausedUntil = System.nanoTime() + retryNanos;
            retryNanos = Math.min(retryNanos * 2, MAX_RETRY_NANOS);
          }
          reports.add(
              new Report(entry.event, new HandlingOutcome.Buffered(entry.message, queue.size())));
        } else {
          reports.add(
              new Report(
                  entry.event,
                  new HandlingOutcome.Dropped(
                      entry.message, DropReason.PUBLISH_FAILED, describe(cause))));
        }
      }
      changed.signalAll();
    } finally {
      lock.unlock();
      report(reports);
    }
  }

  @Override
  public void shutdown(long deadlineNanos) {
    List<Report> reports = new ArrayList<>();
    Thread thread;
    lock.lock();
    try {
      changed.signalAll();
      while (!closed && !(queue.isEmpty() && inFlight.isEmpty())) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
          break;
        }
        changed.awaitNanos(Math.min(remaining, POLL_NANOS));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closed = true;
      List<Entry> leftovers = new ArrayList<>(inFlight.values());
      leftovers.addAll(queue.values());
      leftovers.sort((a, b) -> Long.compare(a.seq, b.seq));
      inFlight.clear();
      queue.clear();
      for (Entry entry : leftovers) {
        reports.add(
            new Report(
                entry.event,
                new HandlingOutcome.Dropped(
                    entry.message,
                    DropReason.SHUTDOWN,
                    "still unsent when the shutdown timeout ran out")));
      }
      changed.signalAll();
      thread = sender;
      lock.unlock();
    }
    report(reports);
    if (thread != null && thread != Thread.currentThread()) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void report(List<Report> reports) {
    for (Report r : reports) {
      try {
        observer.outcome(handler, r.event, r.outcome);
      } catch (RuntimeException ignored) {
        // an observer must not throw; if it does, the outbox goes on
      }
    }
    onProgress.run();
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
