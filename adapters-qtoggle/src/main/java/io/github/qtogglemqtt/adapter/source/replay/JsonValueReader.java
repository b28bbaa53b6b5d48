package io.github.qtogglemqtt.adapter.source.replay;

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
 * like Python's {@code json}. Thread-safe.
 */
final class JsonValueReader {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private JsonValueReader() {}

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
