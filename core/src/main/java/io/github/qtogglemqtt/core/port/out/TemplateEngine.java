package io.github.qtogglemqtt.core.port.out;

import io.github.qtogglemqtt.core.error.TemplateException;

/**
 * A template language (Pebble rendering qToggle's Jinja2 templates, Mustache). Compiles a template
 * once, when the configuration is loaded; the compiled template is rendered many times.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public interface TemplateEngine {

  /**
   * Compiles a template. Does not block on I/O.
   *
   * @param key the configuration key the source came from ({@code event_handlers[0].topic}); used
   *     in error messages
   * @param source the template text
   * @return the compiled template, thread-safe
   * @throws TemplateException of kind USER, with key, line and column, when the source does not
   *     compile
   */
  CompiledTemplate compile(String key, String source);
}
