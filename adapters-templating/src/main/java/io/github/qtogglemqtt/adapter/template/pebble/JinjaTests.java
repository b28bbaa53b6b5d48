package io.github.qtogglemqtt.adapter.template.pebble;

import io.github.qtogglemqtt.core.model.Values;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Jinja2's built-in tests ({@code x is defined}) that qToggle templates use. */
final class JinjaTests {
  /** The test names the translator accepts; any other name is a compile error, as in Jinja2. */
  static final Set<String> NAMES =
      Set.of(
          "boolean",
          "defined",
          "divisibleby",
          "eq",
          "equalto",
          "even",
          "false",
          "float",
          "ge",
          "gt",
          "in",
          "integer",
          "iterable",
          "le",
          "lower",
          "lt",
          "mapping",
          "ne",
          "none",
          "number",
          "odd",
          "sameas",
          "sequence",
          "string",
          "true",
          "undefined",
          "upper");

  private JinjaTests() {}

  static boolean apply(String name, @Nullable Object value, List<@Nullable Object> args) {
    return switch (name) {
      case "defined" -> value != null;
      case "undefined" -> value == null;
      case "none" -> value == Py.NONE;
      case "boolean" -> value instanceof Boolean;
      case "true" -> Boolean.TRUE.equals(value);
      case "false" -> Boolean.FALSE.equals(value);
      case "number" -> Py.isNumeric(value);
      case "integer" -> Values.isInteger(value);
      case "float" -> Values.isFloat(value);
      case "string" -> value instanceof String;
      case "mapping" -> value instanceof Map<?, ?>;
      case "sequence" ->
          value instanceof String || value instanceof Collection<?> || value instanceof Map<?, ?>;
      case "iterable" ->
          value == null
              || value instanceof String
              || value instanceof Collection<?>
              || value instanceof Map<?, ?>;
      case "lower" ->
          value instanceof String s && s.equals(s.toLowerCase(Locale.ROOT)) && hasCased(s);
      case "upper" ->
          value instanceof String s && s.equals(s.toUpperCase(Locale.ROOT)) && hasCased(s);
      case "odd" -> parity(value) != 0;
      case "even" -> parity(value) == 0;
      case "divisibleby" -> {
        Object divisor = argument(name, args);
        yield Py.equal(Py.modulo(value, divisor), 0L);
      }
      case "eq", "equalto" -> Py.equal(value, argument(name, args));
      case "ne" -> !Py.equal(value, argument(name, args));
      case "lt" -> Py.compare("<", value, argument(name, args)) < 0;
      case "le" -> Py.compare("<=", value, argument(name, args)) <= 0;
      case "gt" -> Py.compare(">", value, argument(name, args)) > 0;
      case "ge" -> Py.compare(">=", value, argument(name, args)) >= 0;
      case "in" -> Py.contains(argument(name, args), value);
      case "sameas" -> {
        Object other = argument(name, args);
        yield value == other || (value instanceof Boolean && value.equals(other));
      }
      default -> throw new JinjaRuntimeException("no test named '%s'".formatted(name));
    };
  }

  private static boolean hasCased(String s) {
    return !s.toLowerCase(Locale.ROOT).equals(s.toUpperCase(Locale.ROOT));
  }

  private static long parity(@Nullable Object value) {
    if (!Py.isIntegral(value)) {
      Object rest = Py.modulo(value, 2L);
      return Py.truthy(rest) ? 1 : 0;
    }
    return Py.bigInteger(value).testBit(0) ? 1 : 0;
  }

  private static @Nullable Object argument(String name, List<@Nullable Object> args) {
    if (args.size() != 1) {
      throw new JinjaRuntimeException(
          "test '%s' takes one argument (%d given)".formatted(name, args.size()));
    }
    return args.getFirst();
  }
}
