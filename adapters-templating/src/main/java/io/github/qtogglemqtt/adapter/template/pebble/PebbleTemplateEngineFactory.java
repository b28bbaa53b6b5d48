package io.github.qtogglemqtt.adapter.template.pebble;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.TemplateEngineFactory;

/**
 * Creates the Pebble {@link TemplateEngine}, which renders qToggle's Jinja2 templates as Jinja2
 * does. The default engine ({@code template_engine = "pebble"}). It reads no configuration key.
 *
 * @since 0.1
 */
public final class PebbleTemplateEngineFactory implements TemplateEngineFactory {

  /** The name of this engine in configuration. */
  public static final String NAME = "pebble";

  /** Used by {@link java.util.ServiceLoader}. */
  public PebbleTemplateEngineFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TemplateEngine create(AdapterProperties properties, AdapterContext context) {
    requireNonNull(properties, "properties is null");
    requireNonNull(context, "context is null");
    return new PebbleTemplateEngine();
  }
}
