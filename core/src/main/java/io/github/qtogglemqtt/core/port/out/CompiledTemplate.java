package io.github.qtogglemqtt.core.port.out;

import io.github.qtogglemqtt.core.error.TemplateException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A compiled template of a {@link TemplateEngine}.
 *
 * @since 0.1
 */
public interface CompiledTemplate {

  /**
   * Renders against a context. Thread-safe; does not block; does no I/O.
   *
   * @param context the engine-neutral context: an insertion-ordered map whose values are JSON
   *     values (see {@link io.github.qtogglemqtt.core.model.Values}), {@link
   *     io.github.qtogglemqtt.core.model.TemplateObject}s, or {@link
   *     io.github.qtogglemqtt.core.model.Undefined}
   * @return the rendered text, with one trailing newline of the template dropped (Jinja2)
   * @throws TemplateException when the template asks for something the context cannot give
   *     (attribute of an undefined value, a method that does not exist, wrong arguments)
   */
  String render(Map<String, @Nullable Object> context);
}
