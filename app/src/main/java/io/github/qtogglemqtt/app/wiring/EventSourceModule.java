package io.github.qtogglemqtt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.qtogglemqtt.app.config.AppConfig;
import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import jakarta.inject.Singleton;

/** Selects the event source adapter through the registry and connects it to the core's sink. */
final class EventSourceModule extends AbstractModule {

  @Provides
  @Singleton
  EventSource source(
      AppConfig config, AdapterRegistry registry, AdapterContext context, EventSink sink) {
    return registry
        .source(config.source().path(), config.source().type())
        .create(config.source().properties(), context, sink);
  }
}
