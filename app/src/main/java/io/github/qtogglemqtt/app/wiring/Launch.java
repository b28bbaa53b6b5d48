package io.github.qtogglemqtt.app.wiring;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.app.config.AppConfig;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.github.qtogglemqtt.core.spi.AdapterContext;

/**
 * Everything the injector is built from: the validated configuration, the adapters found, the
 * context handed to them, how handlers treat messages, and who observes them.
 */
public record Launch(
    AppConfig config,
    AdapterRegistry registry,
    AdapterContext context,
    HandlerMode mode,
    HandlerObserver observer) {
  public Launch {
    requireNonNull(config, "config is null");
    requireNonNull(registry, "registry is null");
    requireNonNull(context, "context is null");
    requireNonNull(mode, "mode is null");
    requireNonNull(observer, "observer is null");
  }
}
