package io.github.qtogglemqtt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.qtogglemqtt.app.config.AppConfig;
import io.github.qtogglemqtt.app.lifecycle.Lifecycle;
import io.github.qtogglemqtt.core.handler.EventHandler;
import io.github.qtogglemqtt.core.port.in.EventSource;
import jakarta.inject.Singleton;
import java.util.List;

/** The lifecycle that owns every closeable part: Guice itself closes nothing. */
final class LifecycleModule extends AbstractModule {

  @Provides
  @Singleton
  Lifecycle lifecycle(AppConfig config, List<EventHandler> handlers, EventSource source) {
    return Lifecycle.of(handlers, config.source().type(), source);
  }
}
