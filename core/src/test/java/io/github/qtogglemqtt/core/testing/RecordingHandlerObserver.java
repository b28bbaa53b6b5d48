package io.github.qtogglemqtt.core.testing;

import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/** Records everything it is told, in order. Thread-safe. */
public final class RecordingHandlerObserver implements HandlerObserver {

  /** One recorded outcome. */
  public record Recorded(String handler, @Nullable Event event, HandlingOutcome outcome) {}

  private final List<Recorded> outcomes = new CopyOnWriteArrayList<>();
  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final List<String> connections = new CopyOnWriteArrayList<>();

  @Override
  public void outcome(String handler, @Nullable Event event, HandlingOutcome outcome) {
    outcomes.add(new Recorded(handler, event, outcome));
  }

  @Override
  public void connected(String handler) {
    connections.add(handler + ": connected");
  }

  @Override
  public void disconnected(String handler, String reason, double retryInSeconds) {
    connections.add(handler + ": disconnected: " + reason);
  }

  @Override
  public void warning(String handler, String message) {
    warnings.add(handler + ": " + message);
  }

  /** Every outcome, in order. */
  public List<Recorded> recorded() {
    return List.copyOf(outcomes);
  }

  /** Every outcome, in order, without handler and event. */
  public List<HandlingOutcome> outcomes() {
    return outcomes.stream().map(Recorded::outcome).toList();
  }

  /** The outcomes of one kind, in order. */
  public <T extends HandlingOutcome> List<T> outcomes(Class<T> kind) {
    List<T> result = new ArrayList<>();
    for (Recorded r : outcomes) {
      if (kind.isInstance(r.outcome())) {
        result.add(kind.cast(r.outcome()));
      }
    }
    return result;
  }

  /** The messages reported published, in order. */
  public List<OutboundMessage> published() {
    return outcomes(HandlingOutcome.Published.class).stream()
        .map(HandlingOutcome.Published::message)
        .toList();
  }

  /** The payloads reported published, as text, in order. */
  public List<String> publishedPayloads() {
    return published().stream().map(OutboundMessage::payloadText).toList();
  }

  /** Every warning, {@code handler: message}, in order. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** Connection changes, {@code handler: connected} or {@code handler: disconnected: reason}. */
  public List<String> connections() {
    return List.copyOf(connections);
  }

  /** Forgets everything recorded so far. */
  public void clear() {
    outcomes.clear();
    warnings.clear();
    connections.clear();
  }
}
