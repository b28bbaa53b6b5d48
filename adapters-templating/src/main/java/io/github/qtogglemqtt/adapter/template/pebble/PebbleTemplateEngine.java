package io.github.qtogglemqtt.adapter.template.pebble;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.TemplateException;
import io.github.qtogglemqtt.core.port.out.CompiledTemplate;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.ExtensionCustomizer;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.extension.Test;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.UnaryOperator;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Pebble rendering qToggle's Jinja2 templates as Jinja2 does (spec 6.3): the source is translated
 * by {@link JinjaTranslator} and rendered with {@link JinjaExtension} only; every built-in of
 * Pebble (operators, tags, filters, tests, escaping, attribute resolvers) is removed.
 */
final class PebbleTemplateEngine implements TemplateEngine {
  private final PebbleEngine pebble =
      new PebbleEngine.Builder()
          .loader(new StringLoader())
          .extension(new JinjaExtension())
          .registerExtensionCustomizer(WithoutBuiltIns::new)
          .autoEscaping(false)
          .newLineTrimming(false)
          .strictVariables(false)
          .cacheActive(false)
          .build();

  @Override
  public CompiledTemplate compile(String key, String source) {
    requireNonNull(key, "key is null");
    requireNonNull(source, "source is null");
    String translated;
    try {
      translated = JinjaTranslator.translate(source);
    } catch (JinjaSyntaxException e) {
      throw new TemplateException(ErrorKind.USER, key, e.line(), e.column(), e.getMessage(), null);
    }
    try {
      return new Compiled(key, pebble.getTemplate(translated));
    } catch (PebbleException e) {
      int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
      throw new TemplateException(
          ErrorKind.USER, key, line, 0, "invalid template: " + e.getPebbleMessage(), e);
    }
  }

  private record Compiled(String key, PebbleTemplate template) implements CompiledTemplate {
    @Override
    public String render(Map<String, @Nullable Object> context) {
      Map<String, @Nullable Object> scope = new HashMap<>(context.size() * 2);
      for (Map.Entry<String, @Nullable Object> entry : context.entrySet()) {
        scope.put(entry.getKey(), Py.in(entry.getValue()));
      }
      StringWriter out = new StringWriter(256);
      try {
        template.evaluate(out, scope);
      } catch (JinjaRuntimeException e) {
        throw new TemplateException(ErrorKind.USER, key, e.line(), 0, e.getMessage(), e);
      } catch (PebbleException e) {
        JinjaRuntimeException cause = jinjaCause(e);
        int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
        if (cause != null) {
          throw new TemplateException(
              ErrorKind.USER,
              key,
              cause.line() > 0 ? cause.line() : line,
              0,
              cause.getMessage(),
              e);
        }
        throw new TemplateException(ErrorKind.USER, key, line, 0, e.getPebbleMessage(), e);
      } catch (IOException e) {
        throw new TemplateException(ErrorKind.INTERNAL, key, 0, 0, "writing to a string failed", e);
      } catch (RuntimeException e) {
        // A failure of a context object or of this adapter: not the template's fault.
        throw new TemplateException(
            ErrorKind.INTERNAL, key, 0, 0, "rendering failed: %s".formatted(e), e);
      }
      return out.toString();
    }

    private static @Nullable JinjaRuntimeException jinjaCause(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof JinjaRuntimeException jinja) {
          return jinja;
        }
      }
      return null;
    }
  }

  /** Removes everything Pebble's own extensions contribute. */
  private static final class WithoutBuiltIns extends ExtensionCustomizer {
    WithoutBuiltIns(Extension delegate) {
      super(delegate);
    }

    @Override
    public Map<String, Filter> getFilters() {
      return Map.of();
    }

    @Override
    public Map<String, Test> getTests() {
      return Map.of();
    }

    @Override
    public Map<String, Function> getFunctions() {
      return Map.of();
    }

    @Override
    public List<TokenParser> getTokenParsers() {
      return List.of();
    }

    @Override
    public List<BinaryOperator> getBinaryOperators() {
      return List.of();
    }

    @Override
    public List<UnaryOperator> getUnaryOperators() {
      return List.of();
    }

    @Override
    public Map<String, Object> getGlobalVariables() {
      return Map.of();
    }

    @Override
    public List<NodeVisitorFactory> getNodeVisitors() {
      return List.of();
    }

    @Override
    public List<AttributeResolver> getAttributeResolver() {
      return List.of();
    }
  }
}
