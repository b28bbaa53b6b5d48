package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

/**
 * What a handler did with one event, or with the message made from it. Decisions are values: the
 * core reports them to a {@link io.github.qtogglemqtt.core.port.out.HandlerObserver}, which logs
 * and counts them.
 *
 * @since 0.1
 */
public sealed interface HandlingOutcome {

  /**
   * The message was handed to the broker and completed (sent at QoS 0, acknowledged at QoS ≥ 1).
   */
  record Published(OutboundMessage message, long latencyNanos) implements HandlingOutcome {
    public Published {
      requireNonNull(message, "message is null");
    }
  }

  /** The filter rejected the event (spec 4); {@code reason} names the rule. Logged at DEBUG. */
  record Filtered(String reason) implements HandlingOutcome {
    public Filtered {
      requireNonNull(reason, "reason is null");
    }
  }

  /** The event came during start-up ({@code skip_startup}, spec 4.7). Logged at DEBUG. */
  record SkippedAtStartup() implements HandlingOutcome {}

  /** The event type is not one the handler publishes, or the event carried nothing to publish. */
  record Ignored(String reason) implements HandlingOutcome {
    public Ignored {
      requireNonNull(reason, "reason is null");
    }
  }

  /** The rendered topic is not a valid MQTT topic name (D15): warned, skipped. */
  record InvalidTopic(String topic, String reason) implements HandlingOutcome {
    public InvalidTopic {
      requireNonNull(topic, "topic is null");
      requireNonNull(reason, "reason is null");
    }
  }

  /**
   * A template or filter expression failed for this event: the event is lost, logged as an error.
   */
  record Failed(String key, String message) implements HandlingOutcome {
    public Failed {
      requireNonNull(key, "key is null");
      requireNonNull(message, "message is null");
    }
  }

  /** The message waits in the outbox because the broker is away. */
  record Buffered(OutboundMessage message, int depth) implements HandlingOutcome {
    public Buffered {
      requireNonNull(message, "message is null");
    }
  }

  /** The message was dropped and will never be published; counted by reason. */
  record Dropped(OutboundMessage message, DropReason reason, String detail)
      implements HandlingOutcome {
    public Dropped {
      requireNonNull(message, "message is null");
      requireNonNull(reason, "reason is null");
      requireNonNull(detail, "detail is null");
    }
  }

  /** Why a message was dropped. */
  enum DropReason {
    /** Not connected and no outbox ({@code buffer_size = 0}, the add-on's behaviour, D10). */
    NOT_CONNECTED,
    /** The outbox was full: the oldest message made room ({@code drop_oldest}). */
    OVERFLOW_OLDEST,
    /** The outbox was full: the new message was refused ({@code drop_newest}). */
    OVERFLOW_NEWEST,
    /** The broker refused it or did not acknowledge it in time. */
    PUBLISH_FAILED,
    /** The payload exceeds {@code max_payload_bytes}. */
    TOO_LARGE,
    /** Still unsent when the shutdown timeout ran out. */
    SHUTDOWN
  }
}
