package io.github.qtogglemqtt.core.testing;

import io.github.qtogglemqtt.core.model.RawJson;
import io.github.qtogglemqtt.core.model.Values;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Spec 7.7 in plain Java: the test oracle for payload bytes. One line; {@code ", "} and {@code ":
 * "}; insertion order; {@code \b \f \n \r \t \" \\} escapes and {@code \\uXXXX} (lowercase hex) for
 * every other character outside 0x20-0x7E, surrogate pairs above U+FFFF; Python float repr; NaN and
 * infinities as {@code null}, reported to the listener; {@link RawJson} verbatim.
 */
public final class FakeJsonEncoder implements JsonEncoder {

  @Override
  public String encode(@Nullable Object value, @Nullable NonFiniteListener nonFinite) {
    StringBuilder out = new StringBuilder(256);
    write(out, value, nonFinite);
    return out.toString();
  }

  private static void write(
      StringBuilder out, @Nullable Object value, @Nullable NonFiniteListener nonFinite) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof RawJson raw) {
      out.append(raw.json());
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (value instanceof String s) {
      writeString(out, s);
    } else if (Values.isFloat(value)) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        if (nonFinite != null) {
          nonFinite.nonFinite(d);
        }
        out.append("null");
      } else {
        out.append(Values.formatFloat(d));
      }
    } else if (Values.isInteger(value)) {
      out.append(Values.normalizeNumber(value));
    } else if (value instanceof Iterable<?> list) {
      out.append('[');
      boolean first = true;
      for (Object element : list) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        write(out, element, nonFinite);
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        writeString(out, String.valueOf(entry.getKey()));
        out.append(": ");
        write(out, entry.getValue(), nonFinite);
      }
      out.append('}');
    } else {
      throw new IllegalArgumentException(
          "not a JSON value: %s".formatted(value.getClass().getName()));
    }
  }

  private static void writeString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c >= 0x20 && c <= 0x7e) {
            out.append(c);
          } else {
            String hex = Integer.toHexString(c);
            out.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
          }
        }
      }
    }
    out.append('"');
  }
}
