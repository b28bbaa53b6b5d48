package io.github.qtogglemqtt.adapter.source.qtoggle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses one JSON document into the core's value model ({@code Values}): integers as {@link Long}
 * (or {@link java.math.BigInteger}), numbers with a {@code .} or an exponent as {@link Double} (so
 * {@code 21} and {@code 21.0} stay apart; {@code 1e999} is infinity, as in Python), objects as
 * insertion-ordered maps, arrays as {@link ArrayList}s. Accepts {@code NaN} and {@code Infinity}
 * like Python's {@code json}. {@link #parseApiResponse} also resolves JSON references (spec 2.1).
 * Thread-safe.
 *
 * <p>A twin of the replay adapter's reader: adapter packages do not share code (ArchUnit R6).
 */
final class QToggleJson {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private QToggleJson() {}

  /** Parses {@code text}, which must hold exactly one JSON value. */
  static @Nullable Object parse(String text) throws IOException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IOException("no JSON value");
      }
      Object value = read(parser, first);
      if (parser.nextToken() != null) {
        throw new IOException(
            "unexpected data after the JSON value at column %d"
                .formatted(parser.currentLocation().getColumnNr()));
      }
      return value;
    }
  }

  /**
   * Parses an API response body and replaces every object that is exactly {@code {"$ref": "#<JSON
   * pointer>"}} by the value at that pointer in the same document (spec 2.1). A reference that
   * points nowhere is left as it is.
   */
  static @Nullable Object parseApiResponse(String text) throws IOException {
    Object document = parse(text);
    return resolve(document, document, 0);
  }

  private static final int MAX_REF_DEPTH = 32;

  @SuppressWarnings("unchecked")
  private static @Nullable Object resolve(@Nullable Object value, @Nullable Object root, int depth)
      throws IOException {
    if (value instanceof Map<?, ?> map) {
      if (map.size() == 1 && map.get("$ref") instanceof String ref && ref.startsWith("#")) {
        if (depth > MAX_REF_DEPTH) {
          throw new IOException("JSON references nested too deep (a cycle?) at %s".formatted(ref));
        }
        Object target = pointer(root, ref.substring(1));
        return target == MISSING ? value : resolve(copy(target), root, depth + 1);
      }
      Map<String, @Nullable Object> m = (Map<String, @Nullable Object>) map;
      for (Map.Entry<String, @Nullable Object> entry : m.entrySet()) {
        entry.setValue(resolve(entry.getValue(), root, depth));
      }
      return m;
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> l = (List<@Nullable Object>) list;
      for (int i = 0; i < l.size(); i++) {
        l.set(i, resolve(l.get(i), root, depth));
      }
      return l;
    }
    return value;
  }

  private static final Object MISSING = new Object();

  private static @Nullable Object pointer(@Nullable Object root, String pointer) {
    if (pointer.isEmpty()) {
      return root;
    }
    if (!pointer.startsWith("/")) {
      return MISSING;
    }
    Object current = root;
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (current instanceof Map<?, ?> map && map.containsKey(token)) {
        current = map.get(token);
      } else if (current instanceof List<?> list
          && token.matches("0|[1-9][0-9]{0,8}")
          && Integer.parseInt(token) < list.size()) {
        current = list.get(Integer.parseInt(token));
      } else {
        return MISSING;
      }
    }
    return current;
  }

  /** A deep copy, so that resolving one reference's target never changes another's. */
  private static @Nullable Object copy(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> result = new LinkedHashMap<>();
      map.forEach((k, v) -> result.put((String) k, copy(v)));
      return result;
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> result = new ArrayList<>(list.size());
      list.forEach(v -> result.add(copy(v)));
      return result;
    }
    return value;
  }

  private static @Nullable Object read(JsonParser parser, JsonToken token) throws IOException {
    return switch (token) {
      case START_OBJECT -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          map.put(name, read(parser, parser.nextToken()));
        }
        expect(t, JsonToken.END_OBJECT);
        yield map;
      }
      case START_ARRAY -> {
        List<@Nullable Object> list = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
          if (t == null) {
            throw new IOException("unexpected end of input in an array");
          }
          list.add(read(parser, t));
        }
        yield list;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT ->
          parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
              ? parser.getBigIntegerValue()
              : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected JSON token %s".formatted(token));
    };
  }

  private static void expect(@Nullable JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("unexpected JSON token %s".formatted(actual));
    }
  }
}
