package io.github.qtogglemqtt.core.filter.expression;

import io.github.qtogglemqtt.core.model.Values;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The function table of spec 5.4: names (case-sensitive), arities and implementations. {@code
 * HISTORY} is deliberately absent: a remote consumer has no sample history, so it is an unknown
 * function.
 */
final class Functions {
  static final int UNBOUNDED = Integer.MAX_VALUE;

  /** A function's arity and a factory of call sites (one per call, for stateful functions). */
  record Spec(int min, int max, Supplier<Function> factory) {}

  private static final Map<String, Spec> TABLE = build();

  private Functions() {}

  static @Nullable Spec lookup(String name) {
    return TABLE.get(name);
  }

  static Map<String, Spec> all() {
    return Collections.unmodifiableMap(TABLE);
  }

  private static Map<String, Spec> build() {
    Map<String, Spec> t = new LinkedHashMap<>();
    // arithmetic
    stateless(t, "ADD", 2, UNBOUNDED, (v, c) -> sum(v, 0, v.length));
    stateless(t, "SUB", 2, 2, (v, c) -> Py.sub(v[0], v[1]));
    stateless(
        t,
        "MUL",
        2,
        UNBOUNDED,
        (v, c) -> {
          Object r = 1L;
          for (Object e : v) {
            r = Py.mul(r, e);
          }
          return r;
        });
    stateless(
        t,
        "DIV",
        2,
        2,
        (v, c) -> {
          if (!Values.truthy(Py.requireNumber(v[1]))) {
            throw Errors.arithmetic("division by zero");
          }
          return Py.trueDiv(v[0], v[1]);
        });
    stateless(
        t,
        "MOD",
        2,
        2,
        (v, c) -> {
          if (!Values.truthy(Py.requireNumber(v[1]))) {
            throw Errors.arithmetic("modulo by zero");
          }
          return Py.mod(v[0], v[1]);
        });
    stateless(t, "POW", 2, 2, (v, c) -> Py.pow(v[0], v[1]));

    // aggregation
    stateless(
        t,
        "MIN",
        2,
        UNBOUNDED,
        (v, c) -> {
          Object m = Py.requireNumber(v[0]);
          for (int i = 1; i < v.length; i++) {
            if (Py.lt(v[i], m)) {
              m = v[i];
            }
          }
          return m;
        });
    stateless(
        t,
        "MAX",
        2,
        UNBOUNDED,
        (v, c) -> {
          Object m = Py.requireNumber(v[0]);
          for (int i = 1; i < v.length; i++) {
            if (Py.gt(v[i], m)) {
              m = v[i];
            }
          }
          return m;
        });
    stateless(t, "AVG", 2, UNBOUNDED, (v, c) -> Py.trueDiv(sum(v, 0, v.length), (long) v.length));

    // rounding and sign
    stateless(
        t,
        "FLOOR",
        1,
        1,
        (v, c) ->
            Py.isInt(Py.requireNumber(v[0]))
                ? Py.longOf(v[0])
                : Py.integralToLong(Math.floor((Double) v[0])));
    stateless(
        t,
        "CEIL",
        1,
        1,
        (v, c) ->
            Py.isInt(Py.requireNumber(v[0]))
                ? Py.longOf(v[0])
                : Py.integralToLong(Math.ceil((Double) v[0])));
    stateless(
        t,
        "ROUND",
        1,
        2,
        (v, c) -> {
          long digits = v.length > 1 ? Py.truncate(v[1]) : 0L;
          Object x = Py.requireNumber(v[0]);
          if (Py.isInt(x)) {
            return Py.roundInt(Py.longOf(x), digits);
          }
          return Py.roundFloat((Double) x, digits);
        });
    stateless(
        t,
        "ABS",
        1,
        1,
        (v, c) -> {
          Object x = Py.requireNumber(v[0]);
          if (Py.isInt(x)) {
            try {
              return Math.absExact(Py.longOf(x));
            } catch (ArithmeticException e) {
              throw Errors.overflow();
            }
          }
          return Math.abs((Double) x);
        });
    stateless(t, "SGN", 1, 1, (v, c) -> (long) Long.signum(Py.truncate(v[0])));

    // comparison and logic
    stateless(t, "EQ", 2, 2, (v, c) -> bool(Values.pyEquals(v[0], v[1])));
    stateless(t, "GT", 2, 2, (v, c) -> bool(Py.gt(v[0], v[1])));
    stateless(t, "GTE", 2, 2, (v, c) -> bool(Py.ge(v[0], v[1])));
    stateless(t, "LT", 2, 2, (v, c) -> bool(Py.lt(v[0], v[1])));
    stateless(t, "LTE", 2, 2, (v, c) -> bool(Py.le(v[0], v[1])));
    t.put("AND", new Spec(2, UNBOUNDED, () -> Lazy.AND));
    t.put("OR", new Spec(2, UNBOUNDED, () -> Lazy.OR));
    stateless(t, "NOT", 1, 1, (v, c) -> bool(!Values.truthy(v[0])));
    stateless(t, "XOR", 2, 2, (v, c) -> bool(Values.truthy(v[0]) != Values.truthy(v[1])));

    // bitwise
    stateless(t, "BITAND", 2, 2, (v, c) -> Py.truncate(v[0]) & Py.truncate(v[1]));
    stateless(t, "BITOR", 2, 2, (v, c) -> Py.truncate(v[0]) | Py.truncate(v[1]));
    stateless(t, "BITXOR", 2, 2, (v, c) -> Py.truncate(v[0]) ^ Py.truncate(v[1]));
    stateless(t, "BITNOT", 1, 1, (v, c) -> ~Py.truncate(v[0]));
    stateless(t, "SHL", 2, 2, (v, c) -> shiftLeft(Py.truncate(v[0]), Py.truncate(v[1])));
    stateless(t, "SHR", 2, 2, (v, c) -> shiftRight(Py.truncate(v[0]), Py.truncate(v[1])));

    // branching
    t.put("IF", new Spec(3, 3, () -> Lazy.IF));
    stateless(t, "LUT", 5, UNBOUNDED, (v, c) -> lookupTable(v, false));
    stateless(t, "LUTLI", 5, UNBOUNDED, (v, c) -> lookupTable(v, true));

    // availability and state
    t.put("AVAILABLE", new Spec(1, 1, () -> Lazy.AVAILABLE));
    t.put("DEFAULT", new Spec(2, 2, () -> Lazy.DEFAULT));
    stateless(t, "IGNCHG", 1, 1, (v, c) -> v[0]);
    stateful(t, "RISING", 1, 1, () -> new Stateful.Rising(true));
    stateful(t, "FALLING", 1, 1, () -> new Stateful.Rising(false));
    stateful(t, "ACC", 2, 2, () -> new Stateful.Acc(false));
    stateful(t, "ACCINC", 2, 2, () -> new Stateful.Acc(true));
    stateful(t, "HYST", 3, 3, Stateful.Hyst::new);
    stateless(
        t,
        "ONOFFAUTO",
        2,
        2,
        (v, c) -> {
          if (Py.gt(v[0], 0L)) {
            return 1L;
          }
          if (Py.lt(v[0], 0L)) {
            return 0L;
          }
          return v[1];
        });
    stateful(t, "SEQUENCE", 2, UNBOUNDED, Stateful.Sequence::new);

    // time and calendar
    Calendar.register(t);

    // time processing
    stateful(t, "DELAY", 2, 2, Stateful.Delay::new);
    stateful(t, "TIMER", 4, 4, Stateful.Timer::new);
    stateful(t, "SAMPLE", 2, 2, Stateful.Sample::new);
    stateful(t, "FREEZE", 2, 2, Stateful.Freeze::new);
    stateful(t, "HELD", 3, 3, Stateful.Held::new);
    stateful(t, "DERIV", 2, 2, Stateful.Deriv::new);
    stateful(t, "INTEG", 3, 3, Stateful.Integ::new);
    stateful(t, "FMAVG", 3, 3, () -> new Stateful.MovingWindow(false));
    stateful(t, "FMEDIAN", 3, 3, () -> new Stateful.MovingWindow(true));
    return t;
  }

  static void stateless(
      Map<String, Spec> table, String name, int min, int max, Function.Compute compute) {
    Function shared = Function.of(compute);
    table.put(name, new Spec(min, max, () -> shared));
  }

  static void stateful(
      Map<String, Spec> table, String name, int min, int max, Supplier<Function> factory) {
    table.put(name, new Spec(min, max, factory));
  }

  static Long bool(boolean b) {
    return b ? 1L : 0L;
  }

  /**
   * Python's {@code sum()}: exact integer addition while the items are integers, then floating
   * point with Neumaier compensation for float items (CPython 3.12+).
   */
  static Object sum(Object[] values, int from, int to) {
    long acc = 0;
    int i = from;
    for (; i < to && Py.isInt(Py.requireNumber(values[i])); i++) {
      try {
        acc = Math.addExact(acc, Py.longOf(values[i]));
      } catch (ArithmeticException e) {
        throw Errors.overflow();
      }
    }
    if (i == to) {
      return acc;
    }
    double f = acc + (Double) values[i++];
    double compensation = 0.0;
    for (; i < to; i++) {
      Object item = Py.requireNumber(values[i]);
      if (item instanceof Double x) {
        double s = f + x;
        if (Math.abs(f) >= Math.abs(x)) {
          compensation += (f - s) + x;
        } else {
          compensation += (x - s) + f;
        }
        f = s;
      } else {
        f += (double) Py.longOf(item);
      }
    }
    if (compensation != 0.0 && Double.isFinite(compensation)) {
      f += compensation;
    }
    return f;
  }

  private static long shiftLeft(long a, long b) {
    if (b < 0) {
      throw Errors.arithmetic("negative shift count");
    }
    if (a == 0) {
      return 0;
    }
    if (b >= 64) {
      throw Errors.overflow();
    }
    long r = a << b;
    if (r >> b != a) {
      throw Errors.overflow();
    }
    return r;
  }

  private static long shiftRight(long a, long b) {
    if (b < 0) {
      throw Errors.arithmetic("negative shift count");
    }
    return b >= 64 ? (a < 0 ? -1L : 0L) : a >> b;
  }

  /** LUT and LUTLI: points sorted by x (stable), nearest end or linear interpolation. */
  private static Object lookupTable(Object[] v, boolean interpolate) {
    int length = (v.length - 1) / 2;
    Object x = Py.requireNumber(v[0]);
    Object[][] points = new Object[length][];
    for (int i = 0; i < length; i++) {
      points[i] = new Object[] {Py.requireNumber(v[2 * i + 1]), Py.requireNumber(v[2 * i + 2])};
    }
    Arrays.sort(points, (p, q) -> Py.sortCompare(p[0], q[0]));
    if (Py.lt(x, points[0][0])) {
      return points[0][1];
    }
    for (int i = 0; i < length - 1; i++) {
      Object[] p1 = points[i];
      Object[] p2 = points[i + 1];
      if (Py.gt(x, p2[0])) {
        continue;
      }
      if (!interpolate) {
        return Py.lt(Py.sub(x, p1[0]), Py.sub(p2[0], x)) ? p1[1] : p2[1];
      }
      if (Values.pyEquals(p1[0], p2[0])) {
        return p1[1];
      }
      Object delta = Py.mul(Py.sub(p2[1], p1[1]), Py.sub(x, p1[0]));
      Object span = Py.sub(p2[0], p1[0]);
      if (!Values.truthy(span)) {
        throw Errors.arithmetic("division by zero");
      }
      return Py.add(p1[1], Py.trueDiv(delta, span));
    }
    return points[length - 1][1];
  }

  /** The functions that do not evaluate all their arguments (spec 5.2). */
  static final class Lazy {
    static final Function IF =
        Function.lazy(
            (args, context) ->
                Values.truthy(args.get(0).eval(context))
                    ? args.get(1).eval(context)
                    : args.get(2).eval(context));

    static final Function AND =
        Function.lazy(
            (args, context) -> {
              for (Node arg : args) {
                if (!Values.truthy(arg.eval(context))) {
                  return 0L;
                }
              }
              return 1L;
            });

    static final Function OR =
        Function.lazy(
            (args, context) -> {
              for (Node arg : args) {
                if (Values.truthy(arg.eval(context))) {
                  return 1L;
                }
              }
              return 0L;
            });

    /** 1 unless the argument fails with an unavailable-family error; other errors propagate. */
    static final Function AVAILABLE =
        Function.lazy(
            (args, context) -> {
              try {
                args.get(0).eval(context);
                return 1L;
              } catch (EvaluationException e) {
                if (e.unavailable()) {
                  return 0L;
                }
                throw e;
              }
            });

    /** The default is evaluated first, and its errors propagate. */
    static final Function DEFAULT =
        Function.lazy(
            (args, context) -> {
              Object fallback = args.get(1).eval(context);
              try {
                return args.get(0).eval(context);
              } catch (EvaluationException e) {
                if (e.unavailable()) {
                  return fallback;
                }
                throw e;
              }
            });

    private Lazy() {}
  }
}
