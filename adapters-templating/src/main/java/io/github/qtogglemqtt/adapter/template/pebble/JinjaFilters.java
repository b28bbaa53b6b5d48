package io.github.qtogglemqtt.adapter.template.pebble;

import io.github.qtogglemqtt.core.model.TemplateObject;
import io.github.qtogglemqtt.core.model.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Jinja2's built-in filters that qToggle templates use, with Jinja2's argument names. */
final class JinjaFilters {
  /** The filter names the translator accepts; any other name is a compile error, as in Jinja2. */
  static final Set<String> NAMES =
      Set.of(
          "abs",
          "capitalize",
          "count",
          "d",
          "default",
          "e",
          "escape",
          "first",
          "float",
          "format",
          "int",
          "items",
          "join",
          "last",
          "length",
          "list",
          "lower",
          "max",
          "min",
          "replace",
          "reverse",
          "round",
          "safe",
          "sort",
          "string",
          "sum",
          "title",
          "tojson",
          "trim",
          "upper");

  private static final Pattern WORD_BEGINNING = Pattern.compile("([-\\s({\\[<]+)");
  private static final Pattern PY_INT =
      Pattern.compile("\\s*([+-]?)(\\d(?:_?\\d)*)\\s*", Pattern.UNICODE_CHARACTER_CLASS);
  private static final Pattern PY_FLOAT =
      Pattern.compile(
          "\\s*[+-]?(?:(?:\\d(?:_?\\d)*)?\\.?\\d(?:_?\\d)*(?:[eE][+-]?\\d(?:_?\\d)*)?"
              + "|\\d(?:_?\\d)*\\.(?:[eE][+-]?\\d(?:_?\\d)*)?"
              + "|inf|infinity|nan)\\s*",
          Pattern.CASE_INSENSITIVE);

  private JinjaFilters() {}

  /** Positional and named arguments of one filter call. */
  record Args(List<@Nullable Object> positional, Map<String, @Nullable Object> named) {
    @Nullable Object get(int index, String name, @Nullable Object defaultValue) {
      if (index < positional.size()) {
        return positional.get(index);
      }
      return named.containsKey(name) ? named.get(name) : defaultValue;
    }

    void allow(String filter, String... names) {
      if (positional.size() > names.length) {
        throw new JinjaRuntimeException(
            "%s() takes at most %d arguments (%d given)"
                .formatted(filter, names.length, positional.size()));
      }
      for (String key : named.keySet()) {
        if (!List.of(names).contains(key)) {
          throw new JinjaRuntimeException(
              "%s() got an unexpected keyword argument '%s'".formatted(filter, key));
        }
      }
    }
  }

  static @Nullable Object apply(String name, @Nullable Object value, Args args) {
    switch (name) {
      case "d", "default" -> {
        args.allow(name, "default_value", "boolean");
        Object fallback = args.get(0, "default_value", "");
        boolean onFalsy = Py.truthy(args.get(1, "boolean", false));
        return value == null || (onFalsy && !Py.truthy(value)) ? fallback : value;
      }
      case "lower" -> {
        args.allow(name);
        return Py.str(value).toLowerCase(Locale.ROOT);
      }
      case "upper" -> {
        args.allow(name);
        return Py.str(value).toUpperCase(Locale.ROOT);
      }
      case "capitalize" -> {
        args.allow(name);
        String s = Py.str(value);
        return s.isEmpty()
            ? s
            : s.substring(0, s.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)
                + s.substring(s.offsetByCodePoints(0, 1)).toLowerCase(Locale.ROOT);
      }
      case "title" -> {
        args.allow(name);
        return title(Py.str(value));
      }
      case "trim" -> {
        args.allow(name, "chars");
        return strip(Py.str(value), args.get(0, "chars", Py.NONE));
      }
      case "replace" -> {
        args.allow(name, "old", "new", "count");
        Object count = args.get(2, "count", Py.NONE);
        return replace(
            Py.str(value),
            Py.str(args.get(0, "old", "")),
            Py.str(args.get(1, "new", "")),
            count == Py.NONE ? -1 : Py.bigInteger(requireInt(count, "count")).intValue());
      }
      case "join" -> {
        args.allow(name, "d", "attribute");
        String separator = Py.str(args.get(0, "d", ""));
        List<String> parts = new ArrayList<>();
        for (Object element : Py.iterate(value)) {
          parts.add(Py.str(element));
        }
        return String.join(separator, parts);
      }
      case "length", "count" -> {
        args.allow(name);
        return Py.length(value);
      }
      case "round" -> {
        args.allow(name, "precision", "method");
        return round(
            value,
            Py.bigInteger(requireInt(args.get(0, "precision", 0L), "precision")).intValue(),
            Py.str(args.get(1, "method", "common")));
      }
      case "int" -> {
        args.allow(name, "default", "base");
        return toInt(
            value,
            args.get(0, "default", 0L),
            Py.bigInteger(requireInt(args.get(1, "base", 10L), "base")).intValue());
      }
      case "float" -> {
        args.allow(name, "default");
        return toFloat(value, args.get(0, "default", 0.0));
      }
      case "string" -> {
        args.allow(name);
        return Py.str(value);
      }
      case "abs" -> {
        args.allow(name);
        if (Py.isIntegral(value)) {
          return Py.integer(Py.bigInteger(value).abs());
        }
        if (Py.isNumeric(value)) {
          return Math.abs(Py.doubleValue(value));
        }
        throw value == null
            ? Py.undefinedError("the value of |abs")
            : new JinjaRuntimeException(
                "bad operand type for abs(): '%s'".formatted(Py.typeName(value)));
      }
      case "tojson" -> {
        args.allow(name, "indent");
        if (args.get(0, "indent", Py.NONE) != Py.NONE) {
          throw new JinjaRuntimeException("tojson(indent=...) is not supported");
        }
        StringBuilder out = new StringBuilder();
        writeJson(out, value);
        return out.toString();
      }
      case "format" -> {
        if (!args.named().isEmpty()) {
          throw new JinjaRuntimeException("format() with keyword arguments is not supported");
        }
        List<@Nullable Object> raw = new ArrayList<>();
        for (Object arg : args.positional()) {
          raw.add(Py.out(arg));
        }
        return PyFormat.percent(Py.str(value), raw);
      }
      case "first" -> {
        args.allow(name);
        List<@Nullable Object> elements = Py.iterate(value);
        return elements.isEmpty() ? null : elements.getFirst();
      }
      case "last" -> {
        args.allow(name);
        List<@Nullable Object> elements = Py.iterate(value);
        return elements.isEmpty() ? null : elements.getLast();
      }
      case "list" -> {
        args.allow(name);
        return Py.iterate(value);
      }
      case "reverse" -> {
        args.allow(name);
        if (value instanceof String s) {
          return new StringBuilder(s).reverse().toString();
        }
        List<@Nullable Object> elements = new ArrayList<>(Py.iterate(value));
        Collections.reverse(elements);
        return elements;
      }
      case "sort" -> {
        args.allow(name, "reverse", "case_sensitive", "attribute");
        boolean reverse = Py.truthy(args.get(0, "reverse", false));
        boolean caseSensitive = Py.truthy(args.get(1, "case_sensitive", false));
        List<@Nullable Object> elements = new ArrayList<>(Py.iterate(value));
        elements.sort(
            (a, b) -> Py.compare("<", sortKey(a, caseSensitive), sortKey(b, caseSensitive)));
        if (reverse) {
          Collections.reverse(elements);
        }
        return elements;
      }
      case "min", "max" -> {
        args.allow(name, "case_sensitive", "attribute");
        boolean caseSensitive = Py.truthy(args.get(0, "case_sensitive", false));
        Object best = null;
        for (Object element : Py.iterate(value)) {
          if (best == null) {
            best = element;
            continue;
          }
          int order =
              Py.compare("<", sortKey(element, caseSensitive), sortKey(best, caseSensitive));
          if (name.equals("min") ? order < 0 : order > 0) {
            best = element;
          }
        }
        return best;
      }
      case "sum" -> {
        args.allow(name, "attribute", "start");
        Object total = args.get(1, "start", 0L);
        for (Object element : Py.iterate(value)) {
          total = Py.add(total, element);
        }
        return total;
      }
      case "items" -> {
        args.allow(name);
        return items(value);
      }
      case "safe" -> {
        args.allow(name);
        return value;
      }
      case "e", "escape" -> {
        args.allow(name);
        return Py.str(value)
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&#34;")
            .replace("'", "&#39;");
      }
      default -> throw new JinjaRuntimeException("no filter named '%s'".formatted(name));
    }
  }

  static List<@Nullable Object> items(@Nullable Object value) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new JinjaRuntimeException(
          "can only get item pairs from a mapping, not %s".formatted(Py.typeName(value)));
    }
    List<@Nullable Object> pairs = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      List<@Nullable Object> pair = new ArrayList<>(2);
      pair.add(entry.getKey());
      pair.add(entry.getValue());
      pairs.add(pair);
    }
    return pairs;
  }

  private static @Nullable Object sortKey(@Nullable Object value, boolean caseSensitive) {
    return !caseSensitive && value instanceof String s ? s.toLowerCase(Locale.ROOT) : value;
  }

  private static Object requireInt(@Nullable Object value, String what) {
    if (!Py.isIntegral(value)) {
      throw new JinjaRuntimeException(
          "%s must be an integer, not %s".formatted(what, Py.typeName(value)));
    }
    return value;
  }

  private static String title(String s) {
    StringBuilder out = new StringBuilder();
    Matcher m = WORD_BEGINNING.matcher(s);
    int last = 0;
    while (m.find()) {
      titleWord(out, s.substring(last, m.start()));
      titleWord(out, m.group());
      last = m.end();
    }
    titleWord(out, s.substring(last));
    return out.toString();
  }

  private static void titleWord(StringBuilder out, String item) {
    if (item.isEmpty()) {
      return;
    }
    int first = item.offsetByCodePoints(0, 1);
    out.append(item.substring(0, first).toUpperCase(Locale.ROOT))
        .append(item.substring(first).toLowerCase(Locale.ROOT));
  }

  private static String strip(String s, @Nullable Object chars) {
    int start = 0;
    int end = s.length();
    if (chars == Py.NONE || chars == null) {
      while (start < end && isPySpace(s.charAt(start))) {
        start++;
      }
      while (end > start && isPySpace(s.charAt(end - 1))) {
        end--;
      }
    } else {
      String set = Py.str(chars);
      while (start < end && set.indexOf(s.charAt(start)) >= 0) {
        start++;
      }
      while (end > start && set.indexOf(s.charAt(end - 1)) >= 0) {
        end--;
      }
    }
    return s.substring(start, end);
  }

  private static boolean isPySpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u001c' || c == '\u0085';
  }

  private static String replace(String s, String old, String replacement, int count) {
    if (count < 0) {
      return s.replace(old, replacement);
    }
    StringBuilder out = new StringBuilder();
    int from = 0;
    int done = 0;
    if (old.isEmpty()) {
      int i = 0;
      while (i <= s.length()) {
        if (done < count) {
          out.append(replacement);
          done++;
        }
        if (i < s.length()) {
          out.append(s.charAt(i));
        }
        i++;
      }
      return out.toString();
    }
    while (done < count) {
      int at = s.indexOf(old, from);
      if (at < 0) {
        break;
      }
      out.append(s, from, at).append(replacement);
      from = at + old.length();
      done++;
    }
    return out.append(s.substring(from)).toString();
  }

  private static Object round(@Nullable Object value, int precision, String method) {
    if (!Set.of("common", "ceil", "floor").contains(method)) {
      throw new JinjaRuntimeException("method must be common, ceil or floor");
    }
    if (!Py.isNumeric(value)) {
      throw value == null
          ? Py.undefinedError("the value of |round")
          : new JinjaRuntimeException(
              "type %s doesn't define __round__ method".formatted(Py.typeName(value)));
    }
    if (method.equals("common")) {
      if (Py.isIntegral(value)) {
        return Py.integer(
            new BigDecimal(Py.bigInteger(value))
                .setScale(Math.min(precision, 0), RoundingMode.HALF_EVEN)
                .toBigInteger());
      }
      double d = Py.doubleValue(value);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return d;
      }
      return new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN).doubleValue();
    }
    double scale = Math.pow(10, precision);
    double scaled = Py.doubleValue(value) * scale;
    return (method.equals("ceil") ? Math.ceil(scaled) : Math.floor(scaled)) / scale;
  }

  private static @Nullable Object toInt(
      @Nullable Object value, @Nullable Object fallback, int base) {
    if (value instanceof String s) {
      BigInteger parsed = parseInt(s, base);
      if (parsed != null) {
        return Py.integer(parsed);
      }
      Double d = parseFloat(s);
      return d == null || d.isNaN() || d.isInfinite() ? fallback : truncate(d);
    }
    if (Py.isIntegral(value)) {
      return Py.integer(Py.bigInteger(value));
    }
    if (Py.isNumeric(value)) {
      double d = Py.doubleValue(value);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        return fallback;
      }
      return truncate(d);
    }
    return fallback;
  }

  private static Object truncate(double d) {
    return Py.integer(new BigDecimal(d).toBigInteger());
  }

  private static @Nullable BigInteger parseInt(String s, int base) {
    if (base == 10) {
      Matcher m = PY_INT.matcher(s);
      if (!m.matches()) {
        return null;
      }
      BigInteger result = new BigInteger(m.group(2).replace("_", ""));
      return m.group(1).equals("-") ? result.negate() : result;
    }
    try {
      return new BigInteger(s.strip().replace("_", ""), base);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable Double parseFloat(String s) {
    if (!PY_FLOAT.matcher(s).matches()) {
      return null;
    }
    String text = s.strip().replace("_", "").toLowerCase(Locale.ROOT);
    String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    boolean negative = text.startsWith("-");
    if (unsigned.equals("inf") || unsigned.equals("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (unsigned.equals("nan")) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static @Nullable Object toFloat(@Nullable Object value, @Nullable Object fallback) {
    if (value instanceof String s) {
      Double d = parseFloat(s);
      return d == null ? fallback : d;
    }
    if (Py.isNumeric(value)) {
      return Py.doubleValue(value);
    }
    return fallback;
  }

  /** Jinja2's {@code tojson}: json.dumps(sort_keys=True) made safe for HTML. */
  static void writeJson(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      throw new JinjaRuntimeException("Object of type Undefined is not JSON serializable");
    }
    if (value == Py.NONE) {
      out.append("null");
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (value instanceof String s) {
      writeJsonString(out, s);
    } else if (Values.isInteger(value)) {
      out.append(Py.bigInteger(value));
    } else if (Values.isFloat(value)) {
      double d = ((Number) value).doubleValue();
      out.append(
          Double.isNaN(d)
              ? "NaN"
              : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity") : Values.formatFloat(d));
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        writeJson(out, Py.in(list.get(i)));
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      TreeMap<String, @Nullable Object> sorted = new TreeMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        sorted.put(jsonKey(entry.getKey()), entry.getValue());
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, @Nullable Object> entry : sorted.entrySet()) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        writeJsonString(out, entry.getKey());
        out.append(": ");
        writeJson(out, Py.in(entry.getValue()));
      }
      out.append('}');
    } else if (value instanceof TemplateObject) {
      throw new JinjaRuntimeException("Object of type object is not JSON serializable");
    } else {
      throw new JinjaRuntimeException(
          "Object of type %s is not JSON serializable".formatted(Py.typeName(value)));
    }
  }

  private static String jsonKey(@Nullable Object key) {
    if (key instanceof String s) {
      return s;
    }
    if (key == null || key == Py.NONE) {
      return "null";
    }
    if (key instanceof Boolean b) {
      return b ? "true" : "false";
    }
    return Py.str(key);
  }

  private static void writeJsonString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '<', '>', '&', '\'' -> appendUnicodeEscape(out, c);
        default -> {
          if (c < 0x20 || c > 0x7E) {
            appendUnicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    String hex = Integer.toHexString(c);
    out.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
  }
}
