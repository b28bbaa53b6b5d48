package io.github.qtogglemqtt.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON value model of the core, with the Python semantics that leak into qToggle's observable
 * behaviour (spec 0).
 *
 * <p>A <em>JSON value</em> is one of: {@code null}; {@link Boolean}; an <em>integer</em> ({@link
 * Long} normally, {@link BigInteger} beyond 64 bits; {@link Integer}, {@link Short} and {@link
 * Byte} are accepted and mean the same); a <em>float</em> ({@link Double}; {@link Float} and {@link
 * BigDecimal} are accepted and read as doubles); {@link String}; a {@link List} of JSON values; an
 * insertion-ordered {@link Map} from strings to JSON values. Integers and floats stay distinct
 * ({@code 21} vs {@code 21.0}) yet compare equal ({@link #pyEquals}). Template contexts may also
 * hold {@link TemplateObject}s and {@link Undefined}; payloads may hold {@link RawJson}.
 *
 * <p>All methods are pure and thread-safe.
 *
 * @since 0.1
 */
public final class Values {
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Values() {}

  /** Whether {@code value} is an integer of the value model (booleans are not). */
  public static boolean isInteger(@Nullable Object value) {
    return value instanceof Long
        || value instanceof Integer
        || value instanceof BigInteger
        || value instanceof Short
        || value instanceof Byte;
  }

  /** Whether {@code value} is a float of the value model. */
  public static boolean isFloat(@Nullable Object value) {
    return value instanceof Double || value instanceof Float || value instanceof BigDecimal;
  }

  /** Whether {@code value} is an integer or a float (booleans are not). */
  public static boolean isNumber(@Nullable Object value) {
    return isInteger(value) || isFloat(value);
  }

  /**
   * Normalises an integer to {@link Long} when it fits, else {@link BigInteger}; a float to {@link
   * Double}; anything else is returned as it is.
   */
  public static @Nullable Object normalizeNumber(@Nullable Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger big) {
      return big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0 ? big.longValue() : big;
    }
    if (value instanceof Float || value instanceof BigDecimal) {
      return ((Number) value).doubleValue();
    }
    return value;
  }

  /**
   * Python truthiness (spec 0.2): {@code null}, {@code false}, zero, the empty string, list and map
   * are falsy; everything else, NaN and {@code "0"} included, is truthy.
   */
  public static boolean truthy(@Nullable Object value) {
    if (value == null || value == Undefined.INSTANCE) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Double d) {
      return d != 0.0;
    }
    if (value instanceof Long l) {
      return l != 0L;
    }
    if (value instanceof BigInteger big) {
      return big.signum() != 0;
    }
    if (value instanceof Number n) {
      return isFloat(n) ? n.doubleValue() != 0.0 : n.longValue() != 0L;
    }
    if (value instanceof String s) {
      return !s.isEmpty();
    }
    if (value instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    if (value instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  /**
   * Python equality (spec 0.1): integers, floats and booleans compare by numeric value ({@code true
   * == 1 == 1.0}); strings by content; {@code null} only equals {@code null}; lists element-wise
   * and maps by key set and values, with these same rules. NaN equals nothing.
   */
  public static boolean pyEquals(@Nullable Object a, @Nullable Object b) {
    if (a == b) {
      return !(a instanceof Double d && d.isNaN());
    }
    if (a == null || b == null) {
      return false;
    }
    boolean aNum = a instanceof Number || a instanceof Boolean;
    boolean bNum = b instanceof Number || b instanceof Boolean;
    if (aNum || bNum) {
      return aNum && bNum && numericEquals(a, b);
    }
    if (a instanceof String || b instanceof String) {
      return a.equals(b);
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) {
        return false;
      }
      Iterator<?> ia = la.iterator();
      Iterator<?> ib = lb.iterator();
      while (ia.hasNext()) {
        if (!pyEquals(ia.next(), ib.next())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
      if (ma.size() != mb.size()) {
        return false;
      }
      for (Map.Entry<?, ?> entry : ma.entrySet()) {
        if (!mb.containsKey(entry.getKey())
            || !pyEquals(entry.getValue(), mb.get(entry.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static boolean numericEquals(Object a, Object b) {
    Object x = numeric(a);
    Object y = numeric(b);
    if (x instanceof Long lx && y instanceof Long ly) {
      return lx.longValue() == ly.longValue();
    }
    if (x instanceof Double dx && y instanceof Double dy) {
      return dx.doubleValue() == dy.doubleValue();
    }
    if (x instanceof Double dx) {
      return integerEqualsDouble(y, dx);
    }
    if (y instanceof Double dy) {
      return integerEqualsDouble(x, dy);
    }
    return toBigInteger(x).equals(toBigInteger(y));
  }

  private static boolean integerEqualsDouble(Object integer, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d)) {
      return false;
    }
    return new BigDecimal(d).toBigIntegerExact().equals(toBigInteger(integer));
  }

  private static BigInteger toBigInteger(Object integer) {
    return integer instanceof BigInteger big
        ? big
        : BigInteger.valueOf(((Number) integer).longValue());
  }

  /** A boolean or number as {@link Long}, {@link BigInteger} or {@link Double}. */
  private static Object numeric(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    Object normal = normalizeNumber(value);
    return normal == null ? 0L : normal;
  }

  /**
   * A float as Python's {@code repr()} writes it (spec 0.3): the shortest digits that read back to
   * the same double; positional with a {@code .} for magnitudes in [1e-4, 1e16) and zero, else
   * {@code <mantissa>e<sign><at least two digits>}; {@code nan}, {@code inf}, {@code -inf}.
   */
  public static String formatFloat(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0.0) {
      return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 1e-3 && magnitude < 1e7) {
      // Here Double.toString is positional with the shortest round-tripping digits (JDK 19+),
      // which is Python's repr: the common case, without the decimal arithmetic below.
      return Double.toString(value);
    }
    return formatFloatFromDigits(value);
  }

  /** {@link #formatFloat} of a finite non-zero value from its decimal digits, for any magnitude. */
  static String formatFloatFromDigits(double value) {
    // Double.toString gives the shortest round-tripping digits (JDK 19+).
    BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
    if (decimal.precision() == 2) {
      // Double.toString writes at least two digits (4.9E-324) where one may do (Python: 5e-324).
      decimal = shortestOneDigit(decimal, Math.abs(value));
    }
    String digits = decimal.unscaledValue().toString();
    int exponent = digits.length() - decimal.scale() - 1;
    StringBuilder out = new StringBuilder(24);
    if (value < 0) {
      out.append('-');
    }
    if (exponent >= -4 && exponent < 16) {
      if (exponent >= 0) {
        if (digits.length() <= exponent + 1) {
          out.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
        } else {
          out.append(digits, 0, exponent + 1)
              .append('.')
              .append(digits, exponent + 1, digits.length());
        }
      } else {
        out.append("0.").append("0".repeat(-exponent - 1)).append(digits);
      }
    } else {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      if (abs < 10) {
        out.append('0');
      }
      out.append(abs);
    }
    return out.toString();
  }

  /**
   * The one-digit decimal nearest to {@code twoDigits} that reads back as {@code value}, if any.
   */
  private static BigDecimal shortestOneDigit(BigDecimal twoDigits, double value) {
    BigDecimal best = twoDigits;
    BigDecimal bestDistance = null;
    for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
      BigDecimal candidate = twoDigits.round(new MathContext(1, mode)).stripTrailingZeros();
      if (candidate.signum() != 0 && candidate.doubleValue() == value) {
        BigDecimal distance = candidate.subtract(new BigDecimal(value)).abs();
        if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    return best;
  }

  /**
   * What Python's {@code str()} prints (spec 6.3): {@code None}, {@code True}, {@code False},
   * integers in decimal, floats as {@link #formatFloat}, strings verbatim, lists and maps in Python
   * literal form with {@code repr()} elements; {@link Undefined} as the empty string; template
   * objects by their {@link TemplateObject#pyStr()}.
   */
  public static String pyStr(@Nullable Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value == Undefined.INSTANCE) {
      return "";
    }
    if (value instanceof TemplateObject object) {
      return object.pyStr();
    }
    StringBuilder out = new StringBuilder();
    appendRepr(out, value);
    return out.toString();
  }

  /** What Python's {@code repr()} prints; strings quoted as Python quotes them. */
  public static String pyRepr(@Nullable Object value) {
    StringBuilder out = new StringBuilder();
    appendRepr(out, value);
    return out.toString();
  }

  private static void appendRepr(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      out.append("None");
    } else if (value instanceof Boolean b) {
      out.append(b ? "True" : "False");
    } else if (value instanceof String s) {
      appendStringRepr(out, s);
    } else if (isFloat(value)) {
      out.append(formatFloat(((Number) value).doubleValue()));
    } else if (value instanceof Number n) {
      out.append(n instanceof BigInteger ? n.toString() : Long.toString(n.longValue()));
    } else if (value instanceof List<?> list) {
      out.append('[');
      boolean first = true;
      for (Object element : list) {
        if (!first) {
          out.append(", ");
        }
        first = false;
        appendRepr(out, element);
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
        appendRepr(out, entry.getKey());
        out.append(": ");
        appendRepr(out, entry.getValue());
      }
      out.append('}');
    } else if (value instanceof TemplateObject object) {
      out.append(object.pyStr());
    } else if (value == Undefined.INSTANCE) {
      out.append("Undefined");
    } else {
      out.append(value);
    }
  }

  private static void appendStringRepr(StringBuilder out, String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    out.append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\r') {
        out.append("\\r");
      } else if (cp == '\t') {
        out.append("\\t");
      } else if (isPrintable(cp)) {
        out.appendCodePoint(cp);
      } else if (cp < 0x100) {
        out.append("\\x").append(hex(cp, 2));
      } else if (cp < 0x10000) {
        out.append("\\u").append(hex(cp, 4));
      } else {
        out.append("\\U").append(hex(cp, 8));
      }
    }
    out.append(quote);
  }

  private static String hex(int value, int width) {
    String digits = Integer.toHexString(value);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  /** Python's {@code str.isprintable()} for one code point (space counts as printable). */
  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR ->
          false;
      default -> true;
    };
  }

  /**
   * The JSON type of a value, for messages: null, boolean, integer, float, string, array, object.
   */
  public static String typeName(@Nullable Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (isInteger(value)) {
      return "integer";
    }
    if (isFloat(value)) {
      return "float";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof List<?>) {
      return "array";
    }
    if (value instanceof Map<?, ?>) {
      return "object";
    }
    return value.getClass().getSimpleName();
  }
}
