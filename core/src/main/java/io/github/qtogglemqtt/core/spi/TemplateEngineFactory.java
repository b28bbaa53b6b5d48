package io.github.qtogglemqtt.core.spi;

import io.github.qtogglemqtt.core.port.out.TemplateEngine;

/**
 * Creates a {@link TemplateEngine}. Registered in {@code
 * META-INF/services/io.github.qtogglemqtt.core.spi.TemplateEngineFactory}; selected by the handler
 * entry's {@code template_engine} key.
 *
 * @since 0.1
 */
public interface TemplateEngineFactory {

  /** Stable, lowercase id used as {@code template_engine}, e.g. {@code pebble}. */
  String name();

  /**
   * Returns an engine. No I/O.
   *
   * @throws io.github.qtogglemqtt.core.error.ConfigurationException with every problem found
   */
  TemplateEngine create(AdapterProperties properties, AdapterContext context);
}
