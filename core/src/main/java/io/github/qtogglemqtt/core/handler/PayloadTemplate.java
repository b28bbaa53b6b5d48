package io.github.qtogglemqtt.core.handler;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.port.out.CompiledTemplate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The compiled template of one event type (spec 6.1): none, one string, or a map of them. */
sealed interface PayloadTemplate {

  /** No template: the default JSON payload. */
  record None() implements PayloadTemplate {}

  /** One template; the result is a string. */
  record Text(String key, CompiledTemplate template) implements PayloadTemplate {
    public Text {
      requireNonNull(key, "key is null");
      requireNonNull(template, "template is null");
    }
  }

  /**
   * A map of templates (normally {@code title} and {@code body}); null entries stay null in the
   * result (spec 6.2).
   */
  record Fields(String key, Map<String, @Nullable CompiledTemplate> templates)
      implements PayloadTemplate {
    public Fields {
      requireNonNull(key, "key is null");
      requireNonNull(templates, "templates is null");
    }
  }

  PayloadTemplate NONE = new None();
}
