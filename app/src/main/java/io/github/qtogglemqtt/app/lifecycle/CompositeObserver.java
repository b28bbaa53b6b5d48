package io.github.qtogglemqtt.app.lifecycle;

import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Tells several observers, in order. */
public final class CompositeObserver implements HandlerObserver {
  private final List<HandlerObserver> observers;

  public CompositeObserver(List<HandlerObserver> observers) {
    this.observers = List.copyOf(observers);
  }

  @Override
  public void outcome(String handler, @Nullable Event event, HandlingOutcome outcome) {
    observers.forEach(o -> o.outcome(handler, event, outcome));
  }

  @Override
  public void connected(String handler) {
    observers.forEach(o -> o.connected(handler));
  }

  @Override
  public void disconnected(String handler, String reason, double retryInSeconds) {
    observers.forEach(o -> o.disconnected(handler, reason, retryInSeconds));
  }

  @Override
  public void warning(String handler, String message) {
    observers.forEach(o -> o.warning(handler, message));
  }
}
