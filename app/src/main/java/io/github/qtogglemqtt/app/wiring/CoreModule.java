package io.github.qtogglemqtt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.github.qtogglemqtt.app.config.AppConfig;
import io.github.qtogglemqtt.app.config.HandlerEntry;
import io.github.qtogglemqtt.app.lifecycle.MonitoredSink;
import io.github.qtogglemqtt.app.lifecycle.Monitoring;
import io.github.qtogglemqtt.core.handler.EventHandler;
import io.github.qtogglemqtt.core.handler.GlobalSettings;
import io.github.qtogglemqtt.core.handler.HandlerSettings;
import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the core's handlers and the sink the source feeds, with plain constructors: the core
 * carries no {@code @Inject}.
 */
final class CoreModule extends AbstractModule {

  @Provides
  @Singleton
  List<EventHandler> handlers(
      AppConfig config,
      @PerHandler List<TemplateEngine> engines,
      @PerHandler List<BrokerPublisher> publishers,
      GlobalSettings global,
      JsonEncoder json,
      HandlerObserver observer,
      Clock clock,
      ZoneId zone,
      HandlerMode mode) {
    List<EventHandler> handlers = new ArrayList<>();
    for (int i = 0; i < config.handlers().size(); i++) {
      HandlerEntry entry = config.handlers().get(i);
      HandlerSettings settings =
          HandlerSettings.parse(entry.properties(), entry.defaultName(), engines.get(i));
      handlers.add(mode.handler(settings, global, publishers.get(i), json, observer, clock, zone));
    }
    return List.copyOf(handlers);
  }

  @Provides
  @Singleton
  EventSink sink(List<EventHandler> handlers, HandlerMode mode, Monitoring monitoring) {
    return new MonitoredSink(mode.sink(handlers), monitoring);
  }
}
