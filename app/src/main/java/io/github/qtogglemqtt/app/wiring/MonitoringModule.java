package io.github.qtogglemqtt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.qtogglemqtt.app.config.AppConfig;
import io.github.qtogglemqtt.app.lifecycle.CompositeObserver;
import io.github.qtogglemqtt.app.lifecycle.HttpEndpoint;
import io.github.qtogglemqtt.app.lifecycle.Monitoring;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Metrics and health: the monitoring every handler reports to, and the HTTP endpoint serving them
 * when the configuration has an {@code http} section (built here, started by the lifecycle).
 */
final class MonitoringModule extends AbstractModule {

  @Provides
  @Singleton
  Monitoring monitoring(AppConfig config) {
    List<String> names =
        config.handlers().stream()
            .map(entry -> Objects.requireNonNullElse(entry.configuredName(), entry.defaultName()))
            .toList();
    return new Monitoring(names);
  }

  @Provides
  @Singleton
  HandlerObserver observer(@CommandObserver HandlerObserver command, Monitoring monitoring) {
    return new CompositeObserver(List.of(command, monitoring));
  }

  @Provides
  @Singleton
  Optional<HttpEndpoint> http(AppConfig config, Monitoring monitoring) {
    return config.http().map(settings -> new HttpEndpoint(settings, monitoring));
  }
}
