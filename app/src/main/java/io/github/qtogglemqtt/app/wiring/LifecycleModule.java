package io.github.qtogglemqtt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.qtogglemqtt.app.config.AppConfig;
import io.github.qtogglemqtt.app.lifecycle.HttpEndpoint;
import io.github.qtogglemqtt.app.lifecycle.Lifecycle;
import io.github.qtogglemqtt.app.lifecycle.Monitoring;
import io.github.qtogglemqtt.core.handler.EventHandler;
import io.github.qtogglemqtt.core.port.in.EventSource;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** The lifecycle that owns every closeable part: Guice itself closes nothing. */
final class LifecycleModule extends AbstractModule {

  @Provides
  @Singleton
  Lifecycle lifecycle(
      AppConfig config,
      List<EventHandler> handlers,
      EventSource source,
      Monitoring monitoring,
      Optional<HttpEndpoint> http) {
    return Lifecycle.of(handlers, config.source().type(), source, monitoring, http);
  }
}
