package io.github.qtogglemqtt.adapter.template.mustache;

import static java.util.Objects.requireNonNull;

import com.github.mustachejava.Binding;
import com.github.mustachejava.Code;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Iteration;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.reflect.AbstractObjectHandler;
import com.github.mustachejava.util.Wrapper;
import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.TemplateException;
import io.github.qtogglemqtt.core.model.TemplateObject;
import io.github.qtogglemqtt.core.model.Undefined;
import io.github.qtogglemqtt.core.model.Values;
import io.github.qtogglemqtt.core.port.out.CompiledTemplate;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Mustache.java with qToggle's semantics: no HTML escaping, Python's {@code str()} of values
 * ({@code None}, {@code True}, {@code 21.0}, {@code [1, 'x']}), Python truthiness for sections, and
 * names resolved without reflection through maps, lists and {@link TemplateObject#attribute}.
 */
final class MustacheTemplateEngine implements TemplateEngine {

  /** Python's None in a Mustache scope; a missing name is Java null. */
  enum NoneValue {
    NONE;

    @Override
    public String toString() {
      return "None";
    }
  }

  private final DefaultMustacheFactory factory = new RawMustacheFactory();

  MustacheTemplateEngine() {
    factory.setObjectHandler(new PythonObjectHandler());
  }

  @Override
  public CompiledTemplate compile(String key, String source) {
    requireNonNull(key, "key is null");
    requireNonNull(source, "source is null");
    String text = source.endsWith("\n") ? source.substring(0, source.length() - 1) : source;
    try {
      MustacheChecker.check(text);
      Mustache mustache = factory.compile(new StringReader(text), key);
      return new Compiled(key, mustache);
    } catch (MustacheChecker.SyntaxError e) {
      throw new TemplateException(ErrorKind.USER, key, e.line, e.column, e.getMessage(), null);
    } catch (MustacheException e) {
      throw new TemplateException(ErrorKind.USER, key, 0, 0, e.getMessage(), e);
    }
  }

  private record Compiled(String key, Mustache mustache) implements CompiledTemplate {
    @Override
    public String render(Map<String, @Nullable Object> context) {
      StringWriter out = new StringWriter(256);
      try {
        mustache.execute(out, List.<Object>of(context)).flush();
      } catch (MustacheException e) {
        throw new TemplateException(ErrorKind.USER, key, 0, 0, e.getMessage(), e);
      } catch (IOException e) {
        throw new TemplateException(ErrorKind.INTERNAL, key, 0, 0, "writing to a string failed", e);
      } catch (RuntimeException e) {
        // A failure of a context object or of this adapter: not the template's fault.
        throw new TemplateException(
            ErrorKind.INTERNAL, key, 0, 0, "rendering failed: %s".formatted(e), e);
      }
      return out.toString();
    }
  }

  /** No HTML escaping: payloads and topics are not HTML. */
  private static final class RawMustacheFactory extends DefaultMustacheFactory {
    @Override
    public void encode(String value, Writer writer) {
      try {
        writer.write(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Resolves dotted names over maps, lists and template objects; prints as Python does. */
  static final class PythonObjectHandler extends AbstractObjectHandler {

    @Override
    public Wrapper find(String name, @Nullable List<Object> unusedScopes) {
      if (name.equals(".")) {
        return scopes -> scopes.isEmpty() ? null : scopes.get(scopes.size() - 1);
      }
      String[] path = name.split("\\.", -1);
      return scopes -> resolve(path, scopes);
    }

    private static @Nullable Object resolve(String[] path, List<Object> scopes) {
      Object value = null;
      boolean found = false;
      for (int i = scopes.size() - 1; i >= 0 && !found; i--) {
        Object candidate = get(scopes.get(i), path[0]);
        if (candidate != null) {
          value = candidate;
          found = true;
        }
      }
      for (int i = 1; i < path.length && value != null; i++) {
        value = get(value, path[i]);
      }
      return value;
    }

    /** One name of a path: a map key, a list index or a template object's attribute. */
    private static @Nullable Object get(@Nullable Object scope, String name) {
      if (scope instanceof Map<?, ?> map) {
        return map.containsKey(name) ? in(map.get(name)) : null;
      }
      if (scope instanceof TemplateObject object) {
        return in(object.attribute(name));
      }
      if (scope instanceof List<?> list
          && !name.isEmpty()
          && name.chars().allMatch(Character::isDigit)) {
        int index = Integer.parseInt(name);
        return index < list.size() ? in(list.get(index)) : null;
      }
      return null;
    }

    private static @Nullable Object in(@Nullable Object value) {
      if (value == null) {
        return NoneValue.NONE;
      }
      return value == Undefined.INSTANCE ? null : value;
    }

    private static boolean truthy(@Nullable Object value) {
      return value != null && value != NoneValue.NONE && Values.truthy(value);
    }

    @Override
    public Binding createBinding(@Nullable String name, TemplateContext tc, Code code) {
      if (name == null) {
        // Plain text codes have no name and no value.
        return scopes -> null;
      }
      Wrapper wrapper = find(name, null);
      return wrapper::call;
    }

    @Override
    public Writer iterate(
        Iteration iteration, Writer writer, @Nullable Object object, List<Object> scopes) {
      if (!truthy(object)) {
        return writer;
      }
      if (object instanceof List<?> list) {
        Writer current = writer;
        for (Object element : list) {
          current = iteration.next(current, in(element), scopes);
        }
        return current;
      }
      return iteration.next(writer, object, scopes);
    }

    @Override
    public Writer falsey(
        Iteration iteration, Writer writer, @Nullable Object object, List<Object> scopes) {
      return truthy(object) ? writer : iteration.next(writer, object, scopes);
    }

    @Override
    public String stringify(Object object) {
      if (object instanceof String s) {
        return s;
      }
      if (object == NoneValue.NONE) {
        return "None";
      }
      return Values.pyStr(object);
    }
  }

  /**
   * Checks tags before Mustache.java parses them, to report errors with line and column and to
   * refuse what this engine does not offer (partials, which would read files; delimiter changes).
   */
  static final class MustacheChecker {
    private MustacheChecker() {}

    static final class SyntaxError extends RuntimeException {
      final int line;
      final int column;

      SyntaxError(String message, int line, int column) {
        super(message);
        this.line = line;
        this.column = column;
      }
    }

    private record Open(String name, int line, int column) {}

    static void check(String text) {
      Deque<Open> sections = new ArrayDeque<>();
      int line = 1;
      int lineStart = 0;
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (c == '\n') {
          line++;
          lineStart = i + 1;
          i++;
          continue;
        }
        if (!text.startsWith("{{", i)) {
          i++;
          continue;
        }
        int column = i - lineStart + 1;
        int tagLine = line;
        boolean triple = text.startsWith("{{{", i);
        String closing = triple ? "}}}" : "}}";
        int close = text.indexOf(closing, i + 2);
        if (close < 0) {
          throw new SyntaxError(
              "unclosed tag: '%s' has no '%s'".formatted(triple ? "{{{" : "{{", closing),
              tagLine,
              column);
        }
        String inside = text.substring(i + (triple ? 3 : 2), close).strip();
        for (int j = i; j < close; j++) {
          if (text.charAt(j) == '\n') {
            line++;
            lineStart = j + 1;
          }
        }
        i = close + closing.length();
        if (inside.isEmpty()) {
          throw new SyntaxError("empty tag", tagLine, column);
        }
        char sigil = inside.charAt(0);
        String name =
            "#^/&!>=".indexOf(sigil) >= 0 && !triple ? inside.substring(1).strip() : inside;
        switch (triple ? ' ' : sigil) {
          case '#', '^' -> sections.push(new Open(name, tagLine, column));
          case '/' -> {
            if (sections.isEmpty()) {
              throw new SyntaxError(
                  "closing tag '%s' without an open section".formatted(name), tagLine, column);
            }
            Open open = sections.pop();
            if (!open.name().equals(name)) {
              throw new SyntaxError(
                  "closing tag '%s' does not match the open section '%s' (line %d)"
                      .formatted(name, open.name(), open.line()),
                  tagLine,
                  column);
            }
          }
          case '>' ->
              throw new SyntaxError("partials ({{> name}}) are not supported", tagLine, column);
          case '=' ->
              throw new SyntaxError(
                  "changing delimiters ({{= =}}) is not supported", tagLine, column);
          default -> {}
        }
        if (sigil != '!' && name.isEmpty()) {
          throw new SyntaxError("empty tag", tagLine, column);
        }
      }
      if (!sections.isEmpty()) {
        Open open = sections.peek();
        throw new SyntaxError(
            "section '%s' is not closed".formatted(open.name()), open.line(), open.column());
      }
    }
  }
}
