package io.github.qtogglemqtt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.qtogglemqtt.app.config.AppConfig;
import io.github.qtogglemqtt.app.config.HandlerEntry;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import jakarta.inject.Singleton;
import java.util.List;

/** Selects the JSON encoder and each handler's template engine through the registry. */
final class TemplatingModule extends AbstractModule {

  @Provides
  @Singleton
  JsonEncoder json(AppConfig config, AdapterRegistry registry, AdapterContext context) {
    return registry.encoder("json_encoder", config.jsonEncoder()).create(context);
  }

  @Provides
  @Singleton
  @PerHandler
  List<TemplateEngine> engines(AppConfig config, AdapterRegistry registry, AdapterContext context) {
    return config.handlers().stream()
        .map(
            entry ->
                registry
                    .engine(
                        entry.path() + "." + HandlerEntry.TEMPLATE_ENGINE, entry.templateEngine())
                    .create(entry.properties(), context))
        .toList();
  }
}
