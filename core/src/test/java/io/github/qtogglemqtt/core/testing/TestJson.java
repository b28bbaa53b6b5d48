package io.github.qtogglemqtt.core.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small JSON reader for tests that keeps the value model of spec 0.1: a number with {@code .} or
 * an exponent is a {@link Double}, otherwise a {@link Long} (or {@link BigInteger}); objects are
 * insertion-ordered, unmodifiable maps; arrays unmodifiable lists.
 */
public final class TestJson {
  private final String text;
  private int pos;

  private TestJson(String text) {
    this.text = text;
  }

  /** Parses one JSON value. */
  public static @Nullable Object parse(String text) {
    TestJson reader = new TestJson(text);
    Object value = reader.value();
    reader.spaces();
    if (reader.pos != text.length()) {
      throw reader.error("trailing text");
    }
    return value;
  }

  /** Parses a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, @Nullable Object> object(String text) {
    Object value = parse(text);
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("not a JSON object: " + text);
    }
    return (Map<String, @Nullable Object>) value;
  }

  private @Nullable Object value() {
    spaces();
    if (pos >= text.length()) {
      throw error("unexpected end");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{' -> {
        pos++;
        LinkedHashMap<String, @Nullable Object> map = new LinkedHashMap<>();
        spaces();
        if (peek('}')) {
          pos++;
          return Collections.unmodifiableMap(map);
        }
        while (true) {
          spaces();
          String key = string();
          spaces();
          expect(':');
          map.put(key, value());
          spaces();
          if (peek(',')) {
            pos++;
            continue;
          }
          expect('}');
          return Collections.unmodifiableMap(map);
        }
      }
      case '[' -> {
        pos++;
        List<@Nullable Object> list = new ArrayList<>();
        spaces();
        if (peek(']')) {
          pos++;
          return Collections.unmodifiableList(list);
        }
        while (true) {
          list.add(value());
          spaces();
          if (peek(',')) {
            pos++;
            continue;
          }
          expect(']');
          return Collections.unmodifiableList(list);
        }
      }
      case '"' -> {
        return string();
      }
      default -> {
        if (text.startsWith("true", pos)) {
          pos += 4;
          return true;
        }
        if (text.startsWith("false", pos)) {
          pos += 5;
          return false;
        }
        if (text.startsWith("null", pos)) {
          pos += 4;
          return null;
        }
        return number();
      }
    }
  }

  private Object number() {
    int start = pos;
    boolean isFloat = false;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '.' || c == 'e' || c == 'E') {
        isFloat = true;
      } else if (!(Character.isDigit(c) || c == '-' || c == '+')) {
        break;
      }
      pos++;
    }
    String number = text.substring(start, pos);
    if (number.isEmpty()) {
      throw error("unexpected character");
    }
    if (isFloat) {
      return Double.parseDouble(number);
    }
    BigInteger big = new BigInteger(number);
    return big.bitLength() < 64 ? (Object) big.longValue() : big;
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = text.charAt(pos++);
      switch (e) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
          pos += 4;
        }
        default -> out.append(e);
      }
    }
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void expect(char c) {
    if (!peek(c)) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private void spaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException("%s at %d in %s".formatted(message, pos, text));
  }
}
