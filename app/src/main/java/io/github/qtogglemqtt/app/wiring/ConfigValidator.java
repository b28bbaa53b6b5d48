package io.github.qtogglemqtt.app.wiring;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.app.config.AppConfig;
import io.github.qtogglemqtt.app.config.HandlerEntry;
import io.github.qtogglemqtt.app.config.KeySuggester;
import io.github.qtogglemqtt.app.config.SourceEntry;
import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.error.Problem;
import io.github.qtogglemqtt.core.error.TemplateException;
import io.github.qtogglemqtt.core.handler.HandlerSettings;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.BrokerPublisherFactory;
import io.github.qtogglemqtt.core.spi.EventSourceFactory;
import io.github.qtogglemqtt.core.spi.TemplateEngineFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Strict validation before anything starts (Airlift's model): every handler entry is parsed by the
 * core and by its adapters, the source by its factory, the JSON encoder is looked up; every problem
 * is collected, and every key that no component read is reported with the closest known key. The
 * objects made on the way are thrown away unstarted: factories do no I/O, so this is cheap and has
 * no effect outside.
 */
public final class ConfigValidator {
  private static final EventSink DISCARD =
      new EventSink() {
        @Override
        public void snapshot(DeviceSnapshot snapshot) {}

        @Override
        public void event(Event event) {}
      };

  private final AdapterRegistry registry;
  private final AdapterContext context;
  private final Set<Problem> problems = new LinkedHashSet<>();
  private final Set<String> secretPaths = new LinkedHashSet<>();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, String> clientIds = new LinkedHashMap<>();

  private ConfigValidator(AdapterRegistry registry, AdapterContext context) {
    this.registry = requireNonNull(registry, "registry is null");
    this.context = requireNonNull(context, "context is null");
  }

  /**
   * What a valid configuration holds.
   *
   * @param warnings what the user should know although it is valid (unknown filter keys, an empty
   *     json_context_fields, two handlers connecting with one client id, ...)
   */
  public record Validation(
      int handlers, String source, Set<String> secretPaths, List<String> warnings) {
    public Validation {
      requireNonNull(source, "source is null");
      secretPaths = Set.copyOf(secretPaths);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Validates everything.
   *
   * @throws ConfigurationException with every problem, in file order
   */
  public static Validation validate(
      AppConfig config, AdapterRegistry registry, AdapterContext context) {
    requireNonNull(config, "config is null");
    return new ConfigValidator(registry, context).run(config);
  }

  private Validation run(AppConfig config) {
    attempt(() -> registry.encoder("json_encoder", config.jsonEncoder()).create(context));
    for (HandlerEntry entry : config.handlers()) {
      handler(entry);
    }
    source(config.source());
    if (!problems.isEmpty()) {
      throw new ConfigurationException(List.copyOf(problems));
    }
    return new Validation(config.handlers().size(), config.source().type(), secretPaths, warnings);
  }

  private void handler(HandlerEntry entry) {
    AdapterProperties properties = entry.properties();
    TemplateEngineFactory engineFactory =
        attempt(
            () ->
                registry.engine(
                    entry.path() + "." + HandlerEntry.TEMPLATE_ENGINE, entry.templateEngine()));
    BrokerPublisherFactory publisherFactory =
        attempt(() -> registry.publisher(entry.path() + "." + HandlerEntry.CLIENT, entry.client()));
    TemplateEngine engine =
        engineFactory == null ? null : attempt(() -> engineFactory.create(properties, context));
    boolean allRead = engine != null && publisherFactory != null;
    if (engine != null) {
      HandlerSettings settings =
          attempt(() -> HandlerSettings.parse(properties, entry.defaultName(), engine));
      allRead &= settings != null;
      if (settings != null) {
        warnings.addAll(settings.warnings());
        clientId(entry, settings);
      }
    }
    if (publisherFactory != null) {
      BrokerPublisher publisher = attempt(() -> publisherFactory.create(properties, context));
      if (publisher != null) {
        publisher.close();
      }
    }
    finish(properties, allRead);
  }

  /**
   * D19: two handlers connecting to one broker with one client id template render the same id, and
   * the broker drops one whenever the other connects.
   */
  private void clientId(HandlerEntry entry, HandlerSettings settings) {
    String key =
        "%s|%s|%s"
            .formatted(
                entry.values().get("server"),
                entry.values().get("port"),
                settings.clientIdSource());
    String previous = clientIds.putIfAbsent(key, entry.path());
    if (previous != null) {
      warnings.add(
          ("%s and %s connect to the same broker with the same client_id \"%s\": the broker"
                  + " disconnects one whenever the other connects; give each its own client_id")
              .formatted(previous, entry.path(), settings.clientIdSource()));
    }
  }

  private void source(SourceEntry entry) {
    AdapterProperties properties = entry.properties();
    String where = entry.path().equals("source") ? "source.type" : entry.path();
    EventSourceFactory factory = attempt(() -> registry.source(where, entry.type()));
    if (factory == null) {
      return;
    }
    EventSource source = attempt(() -> factory.create(properties, context, DISCARD));
    if (source != null) {
      source.close();
    }
    finish(properties, true);
  }

  private void finish(AdapterProperties properties, boolean checkUnread) {
    problems.addAll(properties.problems());
    for (String key : properties.secretKeys()) {
      secretPaths.add(properties.pathOf(key));
    }
    if (!checkUnread) {
      return;
    }
    Set<String> known = properties.readKeys();
    for (String key : properties.unreadKeys()) {
      problems.add(new Problem(properties.pathOf(key), KeySuggester.unknownKeyMessage(key, known)));
    }
  }

  private <T> @Nullable T attempt(Supplier<T> step) {
    try {
      return step.get();
    } catch (ConfigurationException e) {
      problems.addAll(e.problems());
      return null;
    } catch (TemplateException e) {
      problems.add(new Problem("", e.getMessage() == null ? e.key() : e.getMessage()));
      return null;
    }
  }
}
