package io.github.qtogglemqtt.adapter.template.mustache;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.TemplateEngineFactory;

/**
 * Creates the Mustache.java {@link TemplateEngine} ({@code template_engine = "mustache"}): the
 * logic-less alternative to the Jinja2-compatible default. It reads no configuration key.
 *
 * @since 0.1
 */
public final class MustacheTemplateEngineFactory implements TemplateEngineFactory {

  /** The name of this engine in configuration. */
  public static final String NAME = "mustache";

  /** Used by {@link java.util.ServiceLoader}. */
  public MustacheTemplateEngineFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public TemplateEngine create(AdapterProperties properties, AdapterContext context) {
    requireNonNull(properties, "properties is null");
    requireNonNull(context, "context is null");
    return new MustacheTemplateEngine();
  }
}
