package io.github.qtogglemqtt.app.lifecycle;

import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what the core reports, at the levels of the spec: published, filtered, skipped, ignored and
 * buffered at DEBUG; an invalid topic and a dropped message at WARN; a failed template or filter at
 * ERROR; connections at INFO, losses at WARN. Never logs a payload above DEBUG, never a secret (the
 * core's outcomes carry none).
 */
public final class LoggingHandlerObserver implements HandlerObserver {
  private static final Logger log = LoggerFactory.getLogger(LoggingHandlerObserver.class);

  @Override
  public void outcome(String handler, @Nullable Event event, HandlingOutcome outcome) {
    String what = event == null ? "message" : event.getClass().getSimpleName();
    switch (outcome) {
      case HandlingOutcome.Published p ->
          log.debug(
              "[{}] published {} to {} ({} bytes, qos {}, retain {})",
              handler,
              what,
              p.message().topic(),
              p.message().payload().length,
              p.message().qos(),
              p.message().retain());
      case HandlingOutcome.Filtered f ->
          log.debug("[{}] {} filtered: {}", handler, what, f.reason());
      case HandlingOutcome.SkippedAtStartup s ->
          log.debug("[{}] {} skipped during start-up (skip_startup)", handler, what);
      case HandlingOutcome.Ignored i -> log.debug("[{}] {} ignored: {}", handler, what, i.reason());
      case HandlingOutcome.Buffered b ->
          log.debug("[{}] {} buffered, {} waiting for the broker", handler, what, b.depth());
      case HandlingOutcome.InvalidTopic t ->
          log.warn(
              "[{}] {} not published: invalid topic \"{}\" ({})",
              handler,
              what,
              t.topic(),
              t.reason());
      case HandlingOutcome.Failed f ->
          log.error("[{}] {} lost: {}: {}", handler, what, f.key(), f.message());
      case HandlingOutcome.Dropped d ->
          log.warn(
              "[{}] message to {} dropped ({}): {}",
              handler,
              d.message().topic(),
              d.reason(),
              d.detail());
    }
  }

  @Override
  public void connected(String handler) {
    log.info("[{}] connected to the broker", handler);
  }

  @Override
  public void disconnected(String handler, String reason, double retryInSeconds) {
    log.warn("[{}] not connected: {}; retrying in {} s", handler, reason, retryInSeconds);
  }

  @Override
  public void warning(String handler, String message) {
    log.warn("[{}] {}", handler, message);
  }
}
