package io.github.qtogglemqtt.core.testing;

import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.TemplateException;
import io.github.qtogglemqtt.core.model.TemplateObject;
import io.github.qtogglemqtt.core.model.Undefined;
import io.github.qtogglemqtt.core.model.Values;
import io.github.qtogglemqtt.core.port.out.CompiledTemplate;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tiny template engine for core tests: literal text and {@code {{ expression }}} where an
 * expression is a name followed by {@code .attr}, {@code ['key']} and calls {@code (args)} whose
 * arguments are expressions or literals ({@code 'text'}, numbers, {@code None}, {@code True},
 * {@code False}). Printing and undefined values follow Jinja2 (spec 6.3): {@code str()} of the value,
 * undefined prints empty, an attribute of undefined fails; one trailing newline is dropped. A
 * source containing {@code {% } fails to compile, with line and column.
 */
public final class FakeTemplateEngine implements TemplateEngine {

  @Override
  public CompiledTemplate compile(String key, String source) {
    List<Object> parts = new ArrayList<>();
    int i = 0;
    while (i < source.length()) {
      int open = source.indexOf("{{", i);
      int stmt = source.indexOf("{%", i);
      if (stmt >= 0 && (open < 0 || stmt < open)) {
        throw error(key, source, stmt, "statements are not supported by the fake engine");
      }
      if (open < 0) {
        parts.add(source.substring(i));
        break;
      }
      parts.add(source.substring(i, open));
      int close = source.indexOf("}}", open + 2);
      if (close < 0) {
        throw error(key, source, open, "unexpected end of template, expected '}}'");
      }
      String expression = source.substring(open + 2, close).trim();
      if (expression.isEmpty()) {
        throw error(key, source, open, "expected an expression");
      }
      parts.add(new Expr(key, source, open, expression));
      i = close + 2;
    }
    List<Object> compiled = List.copyOf(parts);
    return context -> {
      StringBuilder out = new StringBuilder();
      for (Object part : compiled) {
        if (part instanceof String text) {
          out.append(text);
        } else {
          out.append(Values.pyStr(((Expr) part).evaluate(context)));
        }
      }
      String text = out.toString();
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    };
  }

  private static TemplateException error(String key, String source, int offset, String message) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; i++) {
      if (source.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new TemplateException(ErrorKind.USER, key, line, column, message, null);
  }

  /** One {@code {{ ... }}}: a recursive-descent reader evaluated at render time. */
  private static final class Expr {
    private final String key;
    private final String text;
    private int pos;

    Expr(String key, String source, int offset, String text) {
      this.key = key;
      this.text = text;
      // syntax check at compile time
      try {
        parse(Map.of(), false);
      } catch (IllegalStateException e) {
        throw error(key, source, offset, e.getMessage());
      }
    }

    synchronized @Nullable Object evaluate(Map<String, @Nullable Object> context) {
      try {
        return parse(context, true);
      } catch (IllegalStateException | IllegalArgumentException e) {
        throw new TemplateException(ErrorKind.USER, key, 0, 0, e.getMessage(), e);
      }
    }

    private @Nullable Object parse(Map<String, @Nullable Object> context, boolean eval) {
      pos = 0;
      Object value = value(context, eval);
      skipSpaces();
      if (pos != text.length()) {
        throw new IllegalStateException("unexpected '%s'".formatted(text.substring(pos)));
      }
      return value;
    }

    private @Nullable Object value(Map<String, @Nullable Object> context, boolean eval) {
      skipSpaces();
      Object value = primary(context, eval);
      while (true) {
        skipSpaces();
        if (pos >= text.length()) {
          return value;
        }
        char c = text.charAt(pos);
        if (c == '.') {
          pos++;
          String name = identifier();
          skipSpaces();
          if (pos < text.length() && text.charAt(pos) == '(') {
            List<@Nullable Object> args = arguments(context, eval);
            value = eval ? call(value, name, args) : null;
          } else {
            value = eval ? attribute(value, name) : null;
          }
        } else if (c == '[') {
          pos++;
          skipSpaces();
          Object index = primary(context, eval);
          skipSpaces();
          expect(']');
          value = eval ? subscript(value, index) : null;
        } else {
          return value;
        }
      }
    }

    private List<@Nullable Object> arguments(Map<String, @Nullable Object> context, boolean eval) {
      expect('(');
      List<@Nullable Object> args = new ArrayList<>();
      skipSpaces();
      if (pos < text.length() && text.charAt(pos) == ')') {
        pos++;
        return args;
      }
      while (true) {
        args.add(value(context, eval));
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == ',') {
          pos++;
          continue;
        }
        expect(')');
        return args;
      }
    }

    private @Nullable Object primary(Map<String, @Nullable Object> context, boolean eval) {
      skipSpaces();
      if (pos >= text.length()) {
        throw new IllegalStateException("expected a value");
      }
      char c = text.charAt(pos);
      if (c == '\'' || c == '"') {
        int end = text.indexOf(c, pos + 1);
        if (end < 0) {
          throw new IllegalStateException("unterminated string");
        }
        String s = text.substring(pos + 1, end);
        pos = end + 1;
        return s;
      }
      if (Character.isDigit(c) || c == '-') {
        int start = pos++;
        while (pos < text.length()
            && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
          pos++;
        }
        String number = text.substring(start, pos);
        return number.contains(".") ? (Object) Double.parseDouble(number) : Long.parseLong(number);
      }
      String name = identifier();
      return switch (name) {
        case "None", "none" -> null;
        case "True", "true" -> true;
        case "False", "false" -> false;
        default -> eval ? context.getOrDefault(name, Undefined.INSTANCE) : null;
      };
    }

    private static @Nullable Object attribute(@Nullable Object value, String name) {
      if (value == Undefined.INSTANCE) {
        throw new IllegalArgumentException("'%s' is undefined".formatted(name));
      }
      if (value instanceof TemplateObject object) {
        return object.attribute(name);
      }
      if (value instanceof Map<?, ?> map) {
        return map.containsKey(name) ? map.get(name) : Undefined.INSTANCE;
      }
      return Undefined.INSTANCE;
    }

    private static @Nullable Object subscript(@Nullable Object value, @Nullable Object index) {
      if (value == Undefined.INSTANCE) {
        throw new IllegalArgumentException("subscript of an undefined value");
      }
      if (value instanceof Map<?, ?> map) {
        return map.containsKey(index) ? map.get(index) : Undefined.INSTANCE;
      }
      if (value instanceof List<?> list && index instanceof Long l) {
        int i = (int) (long) l;
        return i >= 0 && i < list.size() ? list.get(i) : Undefined.INSTANCE;
      }
      if (value instanceof TemplateObject object && index instanceof String s) {
        return object.attribute(s);
      }
      return Undefined.INSTANCE;
    }

    private static @Nullable Object call(
        @Nullable Object value, String name, List<@Nullable Object> args) {
      if (value instanceof TemplateObject object && object.hasMethod(name)) {
        return object.invoke(name, args);
      }
      throw new IllegalArgumentException("'%s' is not callable".formatted(name));
    }

    private String identifier() {
      skipSpaces();
      int start = pos;
      while (pos < text.length()
          && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos) {
        throw new IllegalStateException("expected a name at '%s'".formatted(text.substring(pos)));
      }
      return text.substring(start, pos);
    }

    private void expect(char c) {
      skipSpaces();
      if (pos >= text.length() || text.charAt(pos) != c) {
        throw new IllegalStateException("expected '%s'".formatted(c));
      }
      pos++;
    }

    private void skipSpaces() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }
  }
}
