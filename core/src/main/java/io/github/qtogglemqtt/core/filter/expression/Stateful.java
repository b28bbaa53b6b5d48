package io.github.qtogglemqtt.core.filter.expression;

import io.github.qtogglemqtt.core.model.Values;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * The stateful functions of spec 5.4. Each instance belongs to one call site of one expression;
 * time is the context's clock, sampled only when the expression is evaluated.
 */
final class Stateful {
  /** A gap longer than this resets DERIV and INTEG (one day, in ms). */
  static final long TIME_JUMP_THRESHOLD_MS = 86_400_000L;

  /** How many pending changes DELAY queues at most. */
  static final int DELAY_QUEUE_SIZE = 1024;

  /** The largest window of FMAVG and FMEDIAN. */
  static final int MAX_WINDOW = 1024;

  private Stateful() {}

  /** RISING (rising = true) and FALLING. */
  static final class Rising extends Function.Strict {
    private final boolean rising;
    private @Nullable Object last;

    Rising(boolean rising) {
      this.rising = rising;
    }

    @Override
    Object compute(Object[] v, EvaluationContext context) {
      Object value = Py.requireNumber(v[0]);
      Object previous = last;
      boolean result =
          previous != null && (rising ? Py.gt(value, previous) : Py.lt(value, previous));
      last = value;
      return Functions.bool(result);
    }
  }

  /** ACC and ACCINC (increasing only = true). */
  static final class Acc extends Function.Strict {
    private final boolean increasingOnly;
    private @Nullable Object last;

    Acc(boolean increasingOnly) {
      this.increasingOnly = increasingOnly;
    }

    @Override
    Object compute(Object[] v, EvaluationContext context) {
      Object value = Py.requireNumber(v[0]);
      Object result = Py.requireNumber(v[1]);
      Object previous = last;
      if (previous != null && (!increasingOnly || Py.gt(value, previous))) {
        result = Py.add(result, Py.sub(value, previous));
      }
      last = value;
      return result;
    }
  }

  /** HYST(x, low, high). */
  static final class Hyst extends Function.Strict {
    private long state;

    @Override
    Object compute(Object[] v, EvaluationContext context) {
      boolean on = state == 0 ? Py.gt(v[0], v[2]) : Py.ge(v[0], v[1]);
      state = on ? 1L : 0L;
      return state;
    }
  }

  /** SEQUENCE(v1, d1, v2, d2, ...): the cycle starts at the first evaluation. */
  static final class Sequence extends Function.Strict {
    private @Nullable Long start;

    @Override
    void before(EvaluationContext context) {
      if (start == null) {
        start = context.nowMillis();
      }
    }

    @Override
    Object compute(Object[] v, EvaluationContext context) {
      int count = v.length / 2;
      Object total = 0L;
      for (int i = 0; i < count; i++) {
        total = Py.add(total, v[i * 2 + 1]);
      }
      if (!Values.truthy(total)) {
        throw Errors.arithmetic("the delays add up to zero");
      }
      long begin = start == null ? context.nowMillis() : start;
      Object elapsed = Py.mod(Py.sub(context.nowMillis(), begin), total);
      Object soFar = 0L;
      for (int i = 0; i < count; i++) {
        soFar = Py.add(soFar, v[i * 2 + 1]);
        if (Py.ge(soFar, elapsed)) {
          return v[i * 2];
        }
      }
      return v[0];
    }
  }

  /** DELAY(x, ms): the value x had ms ago. */
  static final class Delay extends Function.Strict {
    private final Deque<Object[]> queue = new ArrayDeque<>();
    private @Nullable Object last;
    private @Nullable Object current;

    @Override
    Object compute(Object[] v, EvaluationContext context) {
      Object value = Py.requireNumber(v[0]);
      Object delay = Py.requireNumber(v[1]);
      long now = context.nowMillis();
      Object result = current;
      if (result == null) {
        current = value;
        return value;
      }
      if (!Values.pyEquals(value, last)) {
        last = value;
        if (queue.size() >= DELAY_QUEUE_SIZE) {
          queue.removeFirst();
        }
        queue.addLast(new Object[] {now, value});
      }
      while (!queue.isEmpty() && Py.ge(now - (Long) queue.peekFirst()[0], delay)) {
        result = queue.removeFirst()[1];
      }
      current = result;
      return result;
    }
  }

  /** TIMER(x, on, off, ms). */
  static final class Timer extends Function.Strict {
    private @Nullable Long started;

    @Override
    Object compute(Object[] v, EvaluationContext context) {
      Object value = v[0];
      long now = context.nowMillis();
      Long since = started;
      if (since != null) {
        if (Py.ge(now - since, Py.requireNumber(v[3])) || !Values.truthy(value)) {
          started = null;
          return v[2];
        }
        return v[1];
      }
      if (Values.truthy(value)) {
        started = now;
        return v[1];
      }
      return v[2];
    }
  }

  /** SAMPLE(x, ms): takes x at most once every ms. */
  static final class Sample extends Function.Strict {
    private @Nullable Object value;
    private long taken;

    @Override
    Object compute(Object[] v, EvaluationContext context) {
      long now = context.nowMillis();
      Object last = value;
      if (last != null && Py.lt(now - taken, Py.requireNumber(v[1]))) {
        return last;
      }
      taken = now;
      value = v[0];
      return v[0];
    }
  }

  /** FREEZE(x, ms): holds a changed value for at least ms. */
  static final class Freeze extends Function.Strict {
    private @Nullable Object value;
    private @Nullable Long since;

    @Override
    Object compute(Object[] v, EvaluationContext context) {
      Object x = v[0];
      Object duration = Py.requireNumber(v[1]);
      long now = context.nowMillis();
      Long start = since;
      if (start != null && Py.ge(now - start, duration)) {
        since = null;
        start = null;
      }
      if (start == null && (value == null || !Values.pyEquals(x, value))) {
        since = now;
        value = x;
      }
      Object result = value;
      return result == null ? x : result;
    }
  }

  /** HELD(x, v, ms): 1 once x has equalled v at every evaluation for ms. */
  static final class Held extends Function.Strict {
    private @Nullable Long since;

    @Override
    Object compute(Object[] v, EvaluationContext context) {
      long now = context.nowMillis();
      if (Values.pyEquals(v[0], v[1])) {
        if (since == null) {
          since = now;
        }
      } else {
        since = null;
      }
      Long start = since;
      return Functions.bool(start != null && Py.ge(now - start, Py.requireNumber(v[2])));
    }
  }

  /** DERIV(x, ms): rate of change per second. */
  static final class Deriv extends Function.Strict {
    private @Nullable Object lastValue;
    private long lastTime;
    private Object lastResult = 0L;

    @Override
    Object compute(Object[] v, EvaluationContext context) {
      Object value = Py.requireNumber(v[0]);
      Object interval = Py.requireNumber(v[1]);
      long now = context.nowMillis();
      Object previous = lastValue;
      if (previous != null) {
        long delta = now - lastTime;
        if (Py.lt(delta, interval)) {
          return lastResult;
        }
        if (delta > TIME_JUMP_THRESHOLD_MS) {
          lastValue = value;
          lastTime = now;
          return 0L;
        }
        if (delta == 0) {
          throw Errors.arithmetic("division by zero (two samples at the same millisecond)");
        }
        lastResult = Py.mul(Py.trueDiv(Py.sub(value, previous), delta), 1000L);
      }
      lastValue = value;
      lastTime = now;
      return lastResult;
    }
  }

  /** INTEG(x, acc, ms): trapezoidal integration. */
  static final class Integ extends Function.Strict {
    private @Nullable Object lastValue;
    private long lastTime;

    @Override
    Object compute(Object[] v, EvaluationContext context) {
      Object value = Py.requireNumber(v[0]);
      Object result = Py.requireNumber(v[1]);
      Object interval = Py.requireNumber(v[2]);
      long now = context.nowMillis();
      Object previous = lastValue;
      if (previous != null) {
        long delta = now - lastTime;
        if (Py.lt(delta, interval)) {
          return result;
        }
        if (delta > TIME_JUMP_THRESHOLD_MS) {
          lastValue = value;
          lastTime = now;
          return result;
        }
        result = Py.add(result, Py.trueDiv(Py.mul(Py.add(value, previous), delta), 2000L));
      }
      lastValue = value;
      lastTime = now;
      return result;
    }
  }

  /** FMAVG (median = false) and FMEDIAN over the last w samples. */
  static final class MovingWindow extends Function.Strict {
    private final boolean median;
    private final Deque<Object> samples = new ArrayDeque<>();
    private @Nullable Long lastTime;
    private Object lastResult = 0L;

    MovingWindow(boolean median) {
      this.median = median;
    }

    @Override
    Object compute(Object[] v, EvaluationContext context) {
      Object value = Py.requireNumber(v[0]);
      long width = Math.max(1, Math.min(Py.truncate(v[1]), MAX_WINDOW));
      Object interval = Py.requireNumber(v[2]);
      long now = context.nowMillis();
      Long last = lastTime;
      if (last != null && Py.lt(now - last, interval)) {
        return lastResult;
      }
      while (samples.size() >= width) {
        samples.removeFirst();
      }
      samples.addLast(value);
      lastTime = now;
      Object[] window = samples.toArray();
      if (median) {
        Arrays.sort(window, Py::sortCompare);
        lastResult = window[window.length / 2];
      } else {
        lastResult = Py.trueDiv(Functions.sum(window, 0, window.length), (long) window.length);
      }
      return lastResult;
    }
  }
}
