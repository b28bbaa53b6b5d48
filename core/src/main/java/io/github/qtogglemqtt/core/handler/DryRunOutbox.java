package io.github.qtogglemqtt.core.handler;

import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;

/** The outbox of a dry run ({@code render}): every message is reported published at once. */
final class DryRunOutbox implements Outbox {
  private final String handler;
  private final HandlerObserver observer;

  DryRunOutbox(String handler, HandlerObserver observer) {
    this.handler = handler;
    this.observer = observer;
  }

  @Override
  public void start() {}

  @Override
  public void offer(OutboundMessage message, Event event) {
    observer.outcome(handler, event, new HandlingOutcome.Published(message, 0));
  }

  @Override
  public boolean idle() {
    return true;
  }

  @Override
  public void connectionChanged(boolean connected) {}

  @Override
  public void shutdown(long deadlineNanos) {}
}
