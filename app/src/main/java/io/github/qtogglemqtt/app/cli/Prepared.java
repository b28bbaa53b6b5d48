package io.github.qtogglemqtt.app.cli;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.app.config.AppConfig;
import io.github.qtogglemqtt.app.config.ConfigLoader;
import io.github.qtogglemqtt.app.config.EffectiveConfig;
import io.github.qtogglemqtt.app.config.HandlerEntry;
import io.github.qtogglemqtt.app.lifecycle.ClientLogging;
import io.github.qtogglemqtt.app.wiring.AdapterRegistry;
import io.github.qtogglemqtt.app.wiring.AppAdapterContext;
import io.github.qtogglemqtt.app.wiring.ConfigValidator;
import io.github.qtogglemqtt.app.wiring.HandlerMode;
import io.github.qtogglemqtt.app.wiring.Launch;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A configuration read and validated, with the adapters found: what every command starts from. */
record Prepared(
    AppConfig config,
    AdapterRegistry registry,
    AdapterContext context,
    ConfigValidator.Validation validation) {
  private static final Logger log = LoggerFactory.getLogger(Prepared.class);

  Prepared {
    requireNonNull(config, "config is null");
    requireNonNull(registry, "registry is null");
    requireNonNull(context, "context is null");
    requireNonNull(validation, "validation is null");
  }

  /**
   * Reads, checks and validates.
   *
   * @throws io.github.qtogglemqtt.core.error.ConfigurationException with every problem
   */
  static Prepared of(Path file, @Nullable String events) {
    return of(ConfigLoader.load(file, events));
  }

  /** Validates a configuration read elsewhere. */
  static Prepared of(AppConfig config) {
    Path file = config.file();
    AdapterContext context = AppAdapterContext.system(config.baseDirectory());
    AdapterRegistry registry = AdapterRegistry.load(Prepared.class.getClassLoader());
    ConfigValidator.Validation validation = ConfigValidator.validate(config, registry, context);
    ClientLogging.apply(
        config.handlers().stream()
            .anyMatch(entry -> Boolean.TRUE.equals(entry.properties().raw("client_logging"))));
    for (String warning : validation.warnings()) {
      log.warn("{}", warning);
    }
    if (log.isDebugEnabled()) {
      log.debug("Effective configuration of {}:", file);
      for (String line : EffectiveConfig.describe(config, validation.secretPaths())) {
        log.debug("  {}", line);
      }
    }
    return new Prepared(config, registry, context, validation);
  }

  Launch launch(HandlerMode mode, HandlerObserver observer) {
    return new Launch(config, registry, context, mode, observer);
  }

  /** Handler name to what render prints as {@code handler}: its name, or its index. */
  Map<String, Object> displayNames() {
    Map<String, Object> names = new LinkedHashMap<>();
    for (HandlerEntry entry : config.handlers()) {
      String name = entry.configuredName() != null ? entry.configuredName() : entry.defaultName();
      names.put(name, entry.displayName());
    }
    return names;
  }
}
