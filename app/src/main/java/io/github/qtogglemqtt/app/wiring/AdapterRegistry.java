package io.github.qtogglemqtt.app.wiring;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.error.Problem;
import io.github.qtogglemqtt.core.spi.BrokerPublisherFactory;
import io.github.qtogglemqtt.core.spi.EventSourceFactory;
import io.github.qtogglemqtt.core.spi.JsonEncoderFactory;
import io.github.qtogglemqtt.core.spi.TemplateEngineFactory;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every adapter factory on the class path, by kind and name: {@link ServiceLoader} runs once, at
 * start-up, and the result is bound as an instance. Two factories with one name are rejected. An
 * unknown name is a configuration problem that lists the available names.
 */
public final class AdapterRegistry {
  private static final Logger log = LoggerFactory.getLogger(AdapterRegistry.class);

  private final Map<String, BrokerPublisherFactory> publishers;
  private final Map<String, TemplateEngineFactory> engines;
  private final Map<String, JsonEncoderFactory> encoders;
  private final Map<String, EventSourceFactory> sources;

  /** A registry of the given factories (tests, library users); names must be unique per kind. */
  public AdapterRegistry(
      List<BrokerPublisherFactory> publishers,
      List<TemplateEngineFactory> engines,
      List<JsonEncoderFactory> encoders,
      List<EventSourceFactory> sources) {
    this.publishers = index("client", publishers, BrokerPublisherFactory::name);
    this.engines = index("template_engine", engines, TemplateEngineFactory::name);
    this.encoders = index("json_encoder", encoders, JsonEncoderFactory::name);
    this.sources = index("source", sources, EventSourceFactory::name);
  }

  /** Discovers every factory registered in {@code META-INF/services} of the class loader. */
  public static AdapterRegistry load(ClassLoader loader) {
    requireNonNull(loader, "loader is null");
    return new AdapterRegistry(
        ServiceLoader.load(BrokerPublisherFactory.class, loader).stream()
            .map(ServiceLoader.Provider::get)
            .toList(),
        ServiceLoader.load(TemplateEngineFactory.class, loader).stream()
            .map(ServiceLoader.Provider::get)
            .toList(),
        ServiceLoader.load(JsonEncoderFactory.class, loader).stream()
            .map(ServiceLoader.Provider::get)
            .toList(),
        ServiceLoader.load(EventSourceFactory.class, loader).stream()
            .map(ServiceLoader.Provider::get)
            .toList());
  }

  private static <F> Map<String, F> index(
      String kind, List<F> factories, Function<F, String> name) {
    Map<String, F> result = new TreeMap<>();
    for (F factory : factories) {
      String key = name.apply(factory);
      F previous = result.putIfAbsent(key, factory);
      if (previous != null) {
        throw new ConfigurationException(
            "",
            "two %s adapters are named %s: %s and %s; remove one jar from the class path"
                .formatted(kind, key, previous.getClass().getName(), factory.getClass().getName()));
      }
      log.info("Registered {} adapter {} ({})", kind, key, factory.getClass().getName());
    }
    return Collections.unmodifiableMap(result);
  }

  /** The names of the MQTT client adapters. */
  public Set<String> publisherNames() {
    return publishers.keySet();
  }

  /** The names of the template engine adapters. */
  public Set<String> engineNames() {
    return engines.keySet();
  }

  /** The names of the event source adapters. */
  public Set<String> sourceNames() {
    return sources.keySet();
  }

  /** The names of the JSON encoder adapters. */
  public Set<String> encoderNames() {
    return encoders.keySet();
  }

  /**
   * The MQTT client adapter of this name.
   *
   * @param path the key that named it, for the problem
   * @throws ConfigurationException listing the available names when there is none
   */
  public BrokerPublisherFactory publisher(String path, String name) {
    return find(publishers, path, name, "MQTT client");
  }

  /** The template engine adapter of this name; see {@link #publisher}. */
  public TemplateEngineFactory engine(String path, String name) {
    return find(engines, path, name, "template engine");
  }

  /** The JSON encoder adapter of this name; see {@link #publisher}. */
  public JsonEncoderFactory encoder(String path, String name) {
    return find(encoders, path, name, "JSON encoder");
  }

  /** The event source adapter of this name; see {@link #publisher}. */
  public EventSourceFactory source(String path, String name) {
    return find(sources, path, name, "event source");
  }

  private static <F> F find(Map<String, F> factories, String path, String name, String kind) {
    F factory = factories.get(name);
    if (factory == null) {
      throw new ConfigurationException(List.of(unknown(factories, path, name, kind)));
    }
    return factory;
  }

  private static Problem unknown(Map<String, ?> factories, String path, String name, String kind) {
    String available =
        factories.isEmpty() ? "none is on the class path" : String.join(", ", factories.keySet());
    return new Problem(path, "unknown %s \"%s\" (available: %s)".formatted(kind, name, available));
  }
}
