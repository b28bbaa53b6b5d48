package io.github.qtogglemqtt.adapter.template.pebble;

import io.github.qtogglemqtt.core.model.TemplateObject;
import io.github.qtogglemqtt.core.model.Undefined;
import io.github.qtogglemqtt.core.model.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Python's value semantics as Jinja2 applies them, for values inside a Pebble evaluation.
 *
 * <p>Inside Pebble, Java {@code null} means <em>undefined</em> (Pebble's own meaning of a missing
 * variable) and {@link #NONE} means Python's {@code None}. {@link #in} converts a value of the
 * core's model into that representation, {@link #out} converts back.
 */
final class Py {
  /** Python's {@code None} inside a Pebble evaluation. */
  enum NoneValue {
    NONE;

    @Override
    public String toString() {
      return "None";
    }
  }

  static final NoneValue NONE = NoneValue.NONE;

  private Py() {}

  /** A value of the core's model as Pebble holds it: null becomes None, Undefined becomes null. */
  static @Nullable Object in(@Nullable Object value) {
    if (value == null) {
      return NONE;
    }
    if (value == Undefined.INSTANCE) {
      return null;
    }
    return value;
  }

  /** A Pebble value as the core's model holds it: None becomes null, null becomes Undefined. */
  static @Nullable Object out(@Nullable Object value) {
    if (value == NONE) {
      return null;
    }
    if (value == null) {
      return Undefined.INSTANCE;
    }
    return value;
  }

  static boolean isUndefined(@Nullable Object value) {
    return value == null;
  }

  /** Python's {@code str()}; undefined prints as the empty string. */
  static String str(@Nullable Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value == null) {
      return "";
    }
    if (value == NONE) {
      return "None";
    }
    if (value instanceof Loop) {
      return "<LoopContext>";
    }
    return Values.pyStr(value);
  }

  /** Python's {@code repr()}. */
  static String repr(@Nullable Object value) {
    if (value == null) {
      return "Undefined";
    }
    return Values.pyRepr(out(value));
  }

  /** Python truthiness; undefined is false. */
  static boolean truthy(@Nullable Object value) {
    if (value == null || value == NONE) {
      return false;
    }
    return Values.truthy(value);
  }

  static String typeName(@Nullable Object value) {
    if (value == null) {
      return "Undefined";
    }
    if (value == NONE) {
      return "NoneType";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (Values.isInteger(value)) {
      return "int";
    }
    if (Values.isFloat(value)) {
      return "float";
    }
    if (value instanceof String) {
      return "str";
    }
    if (value instanceof List<?>) {
      return "list";
    }
    if (value instanceof Map<?, ?>) {
      return "dict";
    }
    if (value instanceof TemplateObject) {
      return "object";
    }
    return value.getClass().getSimpleName();
  }

  static JinjaRuntimeException undefinedError(String what) {
    return new JinjaRuntimeException("%s is undefined".formatted(what));
  }

  // ---- numbers ----

  /** Whether Python treats the value as a number (booleans included). */
  static boolean isNumeric(@Nullable Object value) {
    return value instanceof Boolean || Values.isNumber(value);
  }

  static boolean isIntegral(@Nullable Object value) {
    return value instanceof Boolean || Values.isInteger(value);
  }

  static BigInteger bigInteger(Object value) {
    if (value instanceof Boolean b) {
      return b ? BigInteger.ONE : BigInteger.ZERO;
    }
    if (value instanceof BigInteger big) {
      return big;
    }
    return BigInteger.valueOf(((Number) value).longValue());
  }

  static double doubleValue(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1.0 : 0.0;
    }
    return ((Number) value).doubleValue();
  }

  /** An integer result as Long when it fits, else BigInteger. */
  static Object integer(BigInteger value) {
    return value.bitLength() < 64 ? (Object) value.longValue() : value;
  }

  private static JinjaRuntimeException unsupported(
      String operator, @Nullable Object left, @Nullable Object right) {
    if (left == null || right == null) {
      return new JinjaRuntimeException("undefined value used with operator %s".formatted(operator));
    }
    return new JinjaRuntimeException(
        "unsupported operand type(s) for %s: '%s' and '%s'"
            .formatted(operator, typeName(left), typeName(right)));
  }

  static Object add(@Nullable Object a, @Nullable Object b) {
    if (isNumeric(a) && isNumeric(b)) {
      if (isIntegral(a) && isIntegral(b)) {
        return integer(bigInteger(a).add(bigInteger(b)));
      }
      return doubleValue(a) + doubleValue(b);
    }
    if (a instanceof String x && b instanceof String y) {
      return x + y;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      List<@Nullable Object> result = new ArrayList<>(x);
      result.addAll(y);
      return result;
    }
    throw unsupported("+", a, b);
  }

  static Object subtract(@Nullable Object a, @Nullable Object b) {
    if (isNumeric(a) && isNumeric(b)) {
      if (isIntegral(a) && isIntegral(b)) {
        return integer(bigInteger(a).subtract(bigInteger(b)));
      }
      return doubleValue(a) - doubleValue(b);
    }
    throw unsupported("-", a, b);
  }

  static Object multiply(@Nullable Object a, @Nullable Object b) {
    if (isNumeric(a) && isNumeric(b)) {
      if (isIntegral(a) && isIntegral(b)) {
        return integer(bigInteger(a).multiply(bigInteger(b)));
      }
      return doubleValue(a) * doubleValue(b);
    }
    if (a instanceof String s && isIntegral(b)) {
      return s.repeat(Math.max(0, bigInteger(b).intValue()));
    }
    if (isIntegral(a) && b instanceof String s) {
      return s.repeat(Math.max(0, bigInteger(a).intValue()));
    }
    if (a instanceof List<?> list && isIntegral(b)) {
      List<@Nullable Object> result = new ArrayList<>();
      for (int i = 0; i < bigInteger(b).intValue(); i++) {
        result.addAll(list);
      }
      return result;
    }
    throw unsupported("*", a, b);
  }

  static Object divide(@Nullable Object a, @Nullable Object b) {
    if (isNumeric(a) && isNumeric(b)) {
      double divisor = doubleValue(b);
      if (divisor == 0.0) {
        throw new JinjaRuntimeException("division by zero");
      }
      if (isIntegral(a) && isIntegral(b)) {
        return new BigDecimal(bigInteger(a))
            .divide(new BigDecimal(bigInteger(b)), new MathContext(40))
            .doubleValue();
      }
      return doubleValue(a) / divisor;
    }
    throw unsupported("/", a, b);
  }

  static Object floorDivide(@Nullable Object a, @Nullable Object b) {
    if (isNumeric(a) && isNumeric(b)) {
      if (doubleValue(b) == 0.0) {
        throw new JinjaRuntimeException("integer division or modulo by zero");
      }
      if (isIntegral(a) && isIntegral(b)) {
        BigInteger[] qr = bigInteger(a).divideAndRemainder(bigInteger(b));
        BigInteger q = qr[0];
        if (qr[1].signum() != 0 && qr[1].signum() != bigInteger(b).signum()) {
          q = q.subtract(BigInteger.ONE);
        }
        return integer(q);
      }
      return Math.floor(doubleValue(a) / doubleValue(b));
    }
    throw unsupported("//", a, b);
  }

  static Object modulo(@Nullable Object a, @Nullable Object b) {
    if (a instanceof String format) {
      return PyFormat.percent(format, b instanceof List<?> list ? list : List.of(wrapSingle(b)));
    }
    if (isNumeric(a) && isNumeric(b)) {
      if (doubleValue(b) == 0.0) {
        throw new JinjaRuntimeException("integer division or modulo by zero");
      }
      if (isIntegral(a) && isIntegral(b)) {
        BigInteger m = bigInteger(a).mod(bigInteger(b).abs());
        if (bigInteger(b).signum() < 0 && m.signum() != 0) {
          m = m.add(bigInteger(b));
        }
        return integer(m);
      }
      double x = doubleValue(a);
      double y = doubleValue(b);
      double m = x - y * Math.floor(x / y);
      return m;
    }
    throw unsupported("%", a, b);
  }

  private static Object wrapSingle(@Nullable Object value) {
    if (value == null) {
      throw undefinedError("the value formatted with %");
    }
    return value;
  }

  static Object power(@Nullable Object a, @Nullable Object b) {
    if (isNumeric(a) && isNumeric(b)) {
      if (isIntegral(a) && isIntegral(b) && bigInteger(b).signum() >= 0) {
        return integer(bigInteger(a).pow(bigInteger(b).intValueExact()));
      }
      return Math.pow(doubleValue(a), doubleValue(b));
    }
    throw unsupported("**", a, b);
  }

  static Object negate(@Nullable Object a) {
    if (isIntegral(a)) {
      return integer(bigInteger(a).negate());
    }
    if (isNumeric(a)) {
      return -doubleValue(a);
    }
    throw a == null
        ? undefinedError("the operand of unary -")
        : new JinjaRuntimeException("bad operand type for unary -: '%s'".formatted(typeName(a)));
  }

  static Object plus(@Nullable Object a) {
    if (a instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    if (isNumeric(a)) {
      return a;
    }
    throw a == null
        ? undefinedError("the operand of unary +")
        : new JinjaRuntimeException("bad operand type for unary +: '%s'".formatted(typeName(a)));
  }

  // ---- comparison ----

  static boolean equal(@Nullable Object a, @Nullable Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Values.pyEquals(out(a), out(b));
  }

  /** Python ordering of numbers (booleans included), strings and lists. */
  static int compare(String operator, @Nullable Object a, @Nullable Object b) {
    if (a == null || b == null) {
      throw undefinedError("a value compared with %s".formatted(operator));
    }
    if (isNumeric(a) && isNumeric(b)) {
      if (isIntegral(a) && isIntegral(b)) {
        return bigInteger(a).compareTo(bigInteger(b));
      }
      return Double.compare(doubleValue(a), doubleValue(b));
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      Iterator<?> ix = x.iterator();
      Iterator<?> iy = y.iterator();
      while (ix.hasNext() && iy.hasNext()) {
        Object ex = in(ix.next());
        Object ey = in(iy.next());
        if (!equal(ex, ey)) {
          return compare(operator, ex, ey);
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    throw new JinjaRuntimeException(
        "'%s' not supported between instances of '%s' and '%s'"
            .formatted(operator, typeName(a), typeName(b)));
  }

  /** Python's {@code needle in haystack}. */
  static boolean contains(@Nullable Object haystack, @Nullable Object needle) {
    if (haystack == null) {
      return false;
    }
    if (haystack instanceof String s) {
      if (needle instanceof String n) {
        return s.contains(n);
      }
      throw new JinjaRuntimeException(
          "'in <string>' requires string as left operand, not %s".formatted(typeName(needle)));
    }
    if (haystack instanceof Collection<?> c) {
      for (Object element : c) {
        if (equal(in(element), needle)) {
          return true;
        }
      }
      return false;
    }
    if (haystack instanceof Map<?, ?> m) {
      for (Object key : m.keySet()) {
        if (equal(key, needle)) {
          return true;
        }
      }
      return false;
    }
    throw new JinjaRuntimeException(
        "argument of type '%s' is not iterable".formatted(typeName(haystack)));
  }

  // ---- iteration and size ----

  /** The elements a for loop visits: list elements, map keys, string characters. */
  static List<@Nullable Object> iterate(@Nullable Object value) {
    if (value == null) {
      return List.of();
    }
    List<@Nullable Object> result = new ArrayList<>();
    if (value instanceof Collection<?> c) {
      for (Object element : c) {
        result.add(in(element));
      }
    } else if (value instanceof Map<?, ?> m) {
      result.addAll(m.keySet());
    } else if (value instanceof String s) {
      s.codePoints().forEach(cp -> result.add(new String(Character.toChars(cp))));
    } else {
      throw new JinjaRuntimeException("'%s' object is not iterable".formatted(typeName(value)));
    }
    return result;
  }

  static long length(@Nullable Object value) {
    if (value == null) {
      return 0;
    }
    if (value instanceof String s) {
      return s.codePointCount(0, s.length());
    }
    if (value instanceof Collection<?> c) {
      return c.size();
    }
    if (value instanceof Map<?, ?> m) {
      return m.size();
    }
    throw new JinjaRuntimeException("object of type '%s' has no len()".formatted(typeName(value)));
  }

  /** The loop variable of a for loop. */
  static final class Loop {
    final int index0;
    final int length;

    Loop(int index0, int length) {
      this.index0 = index0;
      this.length = length;
    }

    @Nullable Object attribute(String name) {
      return switch (name) {
        case "index" -> (long) index0 + 1;
        case "index0" -> (long) index0;
        case "revindex" -> (long) (length - index0);
        case "revindex0" -> (long) (length - index0 - 1);
        case "first" -> index0 == 0;
        case "last" -> index0 == length - 1;
        case "length" -> (long) length;
        default -> null;
      };
    }
  }
}
