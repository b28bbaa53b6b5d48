package io.github.qtogglemqtt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.qtogglemqtt.app.config.AppConfig;
import io.github.qtogglemqtt.app.config.HandlerEntry;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Selects each handler's MQTT client adapter through the registry and creates its publisher (not
 * connected: publishers connect when their handler starts).
 */
final class BrokerModule extends AbstractModule {

  @Provides
  @Singleton
  @PerHandler
  List<BrokerPublisher> publishers(
      AppConfig config, AdapterRegistry registry, AdapterContext context) {
    return config.handlers().stream()
        .map(
            entry ->
                registry
                    .publisher(entry.path() + "." + HandlerEntry.CLIENT, entry.client())
                    .create(entry.properties(), context))
        .toList();
  }
}
