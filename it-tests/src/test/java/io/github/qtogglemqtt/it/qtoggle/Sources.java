package io.github.qtogglemqtt.it.qtoggle;

import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.EventSourceFactory;
import java.util.Map;
import java.util.ServiceLoader;

/** Creates event sources the way the app does: by name, through {@link ServiceLoader}. */
final class Sources {
  private Sources() {}

  static EventSource create(String name, Map<String, ?> keys, EventSink sink) {
    EventSourceFactory factory =
        ServiceLoader.load(EventSourceFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no event source factory named " + name));
    return factory.create(AdapterProperties.of("qtoggle", keys), AdapterContext.system(), sink);
  }
}
