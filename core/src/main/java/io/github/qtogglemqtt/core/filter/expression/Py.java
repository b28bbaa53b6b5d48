package io.github.qtogglemqtt.core.filter.expression;

import io.github.qtogglemqtt.core.model.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * Python number semantics over the evaluation values of the language: {@link Long} (Python int),
 * {@link Double} (Python float) and {@link Boolean} (an int that is 0 or 1). Integer arithmetic is
 * exact on 64 bits: where Python would grow the integer, this reports an arithmetic error (spec
 * 5.4, bitwise; D9).
 */
final class Py {
  private static final double TWO_POW_53 = 9007199254740992.0;
  private static final double TWO_POW_63 = 9223372036854775808.0;

  private Py() {}

  /** Whether the value behaves as a Python int (Long or Boolean). */
  static boolean isInt(Object value) {
    return value instanceof Long || value instanceof Boolean;
  }

  /** A Long or Boolean as long; callers check {@link #isInt} first. */
  static long longOf(Object value) {
    if (value instanceof Boolean b) {
      return b ? 1L : 0L;
    }
    return (Long) value;
  }

  /** Any number as double (Python float(x) for ints that fit). */
  static double doubleOf(Object value) {
    if (value instanceof Double d) {
      return d;
    }
    return (double) longOf(requireNumber(value));
  }

  /** Rejects values that are not numbers (a port id string from {@code @id}). */
  static Object requireNumber(Object value) {
    if (value instanceof Long || value instanceof Double || value instanceof Boolean) {
      return value;
    }
    throw Errors.other("%s is not a number".formatted(describe(value)));
  }

  static String describe(Object value) {
    if (value instanceof String s) {
      return "port reference \"%s\"".formatted(s);
    }
    return value.toString();
  }

  /** Python repr-like text of a value, for messages. */
  static String repr(Object value) {
    if (value instanceof Double d) {
      return Values.formatFloat(d);
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    return describe(value);
  }

  static Object add(Object a, Object b) {
    requireNumber(a);
    requireNumber(b);
    if (isInt(a) && isInt(b)) {
      try {
        return Math.addExact(longOf(a), longOf(b));
      } catch (ArithmeticException e) {
        throw Errors.overflow();
      }
    }
    return doubleOf(a) + doubleOf(b);
  }

  static Object sub(Object a, Object b) {
    requireNumber(a);
    requireNumber(b);
    if (isInt(a) && isInt(b)) {
      try {
        return Math.subtractExact(longOf(a), longOf(b));
      } catch (ArithmeticException e) {
        throw Errors.overflow();
      }
    }
    return doubleOf(a) - doubleOf(b);
  }

  static Object mul(Object a, Object b) {
    requireNumber(a);
    requireNumber(b);
    if (isInt(a) && isInt(b)) {
      try {
        return Math.multiplyExact(longOf(a), longOf(b));
      } catch (ArithmeticException e) {
        throw Errors.overflow();
      }
    }
    return doubleOf(a) * doubleOf(b);
  }

  /** Python's {@code a / b}: always a float; the caller has rejected a zero divisor. */
  static double trueDiv(Object a, Object b) {
    requireNumber(a);
    requireNumber(b);
    if (isInt(a) && isInt(b)) {
      long x = longOf(a);
      long y = longOf(b);
      if (y == 0) {
        throw Errors.arithmetic("division by zero");
      }
      if (Math.abs((double) x) <= TWO_POW_53 && Math.abs((double) y) <= TWO_POW_53) {
        // both exact as doubles: IEEE division is correctly rounded, as Python's int/int is
        return (double) x / (double) y;
      }
      return new BigDecimal(x).divide(new BigDecimal(y), MathContext.DECIMAL128).doubleValue();
    }
    double y = doubleOf(b);
    if (y == 0.0) {
      throw Errors.arithmetic("division by zero");
    }
    return doubleOf(a) / y;
  }

  /** Python's {@code a % b}: the result has the sign of {@code b}. */
  static Object mod(Object a, Object b) {
    requireNumber(a);
    requireNumber(b);
    if (isInt(a) && isInt(b)) {
      long y = longOf(b);
      if (y == 0) {
        throw Errors.arithmetic("modulo by zero");
      }
      return Math.floorMod(longOf(a), y);
    }
    double x = doubleOf(a);
    double y = doubleOf(b);
    if (y == 0.0) {
      throw Errors.arithmetic("modulo by zero");
    }
    double m = x % y;
    if (m != 0.0) {
      if ((y < 0) != (m < 0)) {
        m += y;
      }
    } else {
      m = Math.copySign(0.0, y);
    }
    return m;
  }

  /**
   * Python's {@code a ** b}, with the cases where Python fails or leaves the reals (0 to a negative
   * power, a negative base with a fractional exponent, overflow) reported as arithmetic errors.
   */
  static Object pow(Object a, Object b) {
    requireNumber(a);
    requireNumber(b);
    if (isInt(a) && isInt(b) && longOf(b) >= 0) {
      return intPow(longOf(a), longOf(b));
    }
    double x = doubleOf(a);
    double y = doubleOf(b);
    if (y == 0.0) {
      return 1.0;
    }
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    if (Double.isNaN(y)) {
      return x == 1.0 ? 1.0 : Double.NaN;
    }
    if (Double.isInfinite(y)) {
      double ax = Math.abs(x);
      if (ax == 1.0) {
        return 1.0;
      }
      return (ax > 1.0) == (y > 0) ? Double.POSITIVE_INFINITY : 0.0;
    }
    if (x == 0.0 && y < 0) {
      throw Errors.arithmetic("0 cannot be raised to a negative power");
    }
    if (x < 0 && !Double.isInfinite(x) && y != Math.rint(y)) {
      throw Errors.arithmetic("a negative number raised to a fractional power is not real");
    }
    double r = Math.pow(x, y);
    if (Double.isInfinite(r) && !Double.isInfinite(x)) {
      throw Errors.overflow();
    }
    return r;
  }

  private static long intPow(long base, long exponent) {
    if (base == 0 || base == 1) {
      return exponent == 0 ? 1L : base;
    }
    if (base == -1) {
      return (exponent & 1) == 0 ? 1L : -1L;
    }
    if (exponent >= 64) {
      throw Errors.overflow();
    }
    long result = 1;
    try {
      for (long i = 0; i < exponent; i++) {
        result = Math.multiplyExact(result, base);
      }
    } catch (ArithmeticException e) {
      throw Errors.overflow();
    }
    return result;
  }

  /**
   * Compares two numbers exactly, as Python does (ints and floats by their exact values). Returns
   * null when either is NaN, so every ordering comparison is false.
   */
  static @Nullable Integer compare(Object a, Object b) {
    requireNumber(a);
    requireNumber(b);
    if (isInt(a) && isInt(b)) {
      return Long.compare(longOf(a), longOf(b));
    }
    if (!isInt(a) && !isInt(b)) {
      double x = (Double) a;
      double y = (Double) b;
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return null;
      }
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (isInt(a)) {
      return compareLongDouble(longOf(a), (Double) b);
    }
    Integer c = compareLongDouble(longOf(b), (Double) a);
    return c == null ? null : -c;
  }

  private static @Nullable Integer compareLongDouble(long l, double d) {
    if (Double.isNaN(d)) {
      return null;
    }
    if (d >= TWO_POW_63) {
      return -1;
    }
    if (d < -TWO_POW_63) {
      return 1;
    }
    return new BigDecimal(l).compareTo(new BigDecimal(d));
  }

  static boolean lt(Object a, Object b) {
    Integer c = compare(a, b);
    return c != null && c < 0;
  }

  static boolean gt(Object a, Object b) {
    Integer c = compare(a, b);
    return c != null && c > 0;
  }

  static boolean le(Object a, Object b) {
    Integer c = compare(a, b);
    return c != null && c <= 0;
  }

  static boolean ge(Object a, Object b) {
    Integer c = compare(a, b);
    return c != null && c >= 0;
  }

  /** A total order for sorting (NaN last), consistent with {@link #compare} elsewhere. */
  static int sortCompare(Object a, Object b) {
    Integer c = compare(a, b);
    if (c != null) {
      return c;
    }
    boolean aNan = !isInt(a) && Double.isNaN((Double) a);
    boolean bNan = !isInt(b) && Double.isNaN((Double) b);
    return Boolean.compare(aNan, bNan);
  }

  /** Python's {@code int(x)}: truncation toward zero; NaN, infinity and overflow are errors. */
  static long truncate(Object value) {
    requireNumber(value);
    if (isInt(value)) {
      return longOf(value);
    }
    double d = (Double) value;
    if (Double.isNaN(d)) {
      throw Errors.other("cannot convert nan to an integer");
    }
    if (Double.isInfinite(d)) {
      throw Errors.other("cannot convert infinity to an integer");
    }
    if (d >= TWO_POW_63 || d < -TWO_POW_63) {
      throw Errors.overflow();
    }
    return (long) d;
  }

  /** A double that holds an integral value, as a long ({@code int(math.floor(x))}). */
  static long integralToLong(double d) {
    if (Double.isNaN(d)) {
      throw Errors.other("cannot convert nan to an integer");
    }
    if (Double.isInfinite(d)) {
      throw Errors.other("cannot convert infinity to an integer");
    }
    if (d >= TWO_POW_63 || d < -TWO_POW_63) {
      throw Errors.overflow();
    }
    return (long) d;
  }

  /** Python's {@code round(x, digits)} for ints (half-even at negative digits). */
  static long roundInt(long value, long digits) {
    if (digits >= 0) {
      return value;
    }
    if (digits < -19) {
      return 0L;
    }
    BigInteger rounded =
        new BigDecimal(value)
            .setScale((int) digits, RoundingMode.HALF_EVEN)
            .setScale(0, RoundingMode.UNNECESSARY)
            .toBigIntegerExact();
    if (rounded.bitLength() > 63) {
      throw Errors.overflow();
    }
    return rounded.longValue();
  }

  /**
   * Python's {@code round(x, digits)} for floats: half-even on the exact binary value of {@code x}
   * ({@code round(2.675, 2)} is 2.67), the result read back as the nearest double.
   */
  static double roundFloat(double value, long digits) {
    if (Double.isNaN(value) || Double.isInfinite(value) || value == 0.0) {
      return value;
    }
    if (digits > 400) {
      return value;
    }
    if (digits < -400) {
      return 0.0 * value;
    }
    double r = new BigDecimal(value).setScale((int) digits, RoundingMode.HALF_EVEN).doubleValue();
    if (Double.isInfinite(r)) {
      throw Errors.overflow();
    }
    return r == 0.0 ? Math.copySign(0.0, value) : r;
  }
}
