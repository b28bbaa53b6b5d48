package io.github.qtogglemqtt.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.qtogglemqtt.app.config.AppConfig;
import io.github.qtogglemqtt.core.handler.GlobalSettings;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** Binds the validated configuration and what comes with it, as instances. */
final class ConfigModule extends AbstractModule {
  private final Launch launch;

  ConfigModule(Launch launch) {
    this.launch = requireNonNull(launch, "launch is null");
  }

  @Override
  protected void configure() {
    bind(AppConfig.class).toInstance(launch.config());
    bind(AdapterRegistry.class).toInstance(launch.registry());
    bind(AdapterContext.class).toInstance(launch.context());
    bind(HandlerMode.class).toInstance(launch.mode());
    bind(HandlerObserver.class).annotatedWith(CommandObserver.class).toInstance(launch.observer());
  }

  @Provides
  @Singleton
  GlobalSettings global(AppConfig config) {
    return config.global();
  }

  @Provides
  @Singleton
  Clock clock(AdapterContext context) {
    return context.clock();
  }

  @Provides
  @Singleton
  ZoneId zone(AdapterContext context) {
    return context.zone();
  }
}
