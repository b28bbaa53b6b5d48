package io.github.qtogglemqtt.core.filter.expression;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The time and calendar functions of spec 5.3-5.4: "now" and the zone come from the evaluation
 * context; calendar functions fail with "real date/time unavailable" before 2019-01-01 01:00 UTC.
 */
final class Calendar {
  /** Before this instant the clock is taken not to be set (spec 5.3). */
  static final long REAL_TIME_EPOCH_MILLIS = 1_546_304_400_000L;

  private static final int MIN_YEAR = 1;
  private static final int MAX_YEAR = 9999;

  private Calendar() {}

  static void register(Map<String, Functions.Spec> t) {
    Functions.stateless(t, "TIME", 0, 0, (v, c) -> timestamp(c));
    Functions.stateless(t, "TIMEMS", 0, 0, (v, c) -> c.nowMillis());
    calendar(t, "MILLISECOND", 0, 0, (v, c) -> Math.floorMod(c.nowMillis(), 1000L));
    unit(t, "YEAR", ZonedDateTime::getYear);
    unit(t, "MONTH", ZonedDateTime::getMonthValue);
    unit(t, "DAY", ZonedDateTime::getDayOfMonth);
    unit(t, "HOUR", ZonedDateTime::getHour);
    unit(t, "MINUTE", ZonedDateTime::getMinute);
    unit(t, "SECOND", ZonedDateTime::getSecond);
    unit(t, "DOW", d -> d.getDayOfWeek().getValue() - 1);
    unit(t, "LDOM", d -> d.toLocalDate().lengthOfMonth());
    unit(t, "MINUTEOFDAY", d -> d.getHour() * 60L + d.getMinute());
    unit(t, "SECONDOFDAY", d -> d.getHour() * 3600L + d.getMinute() * 60L + d.getSecond());
    Functions.stateless(t, "DATE", 6, 6, (v, c) -> date(v, c.zone()));
    calendar(
        t,
        "BOY",
        0,
        1,
        (v, c) -> {
          long n = v.length > 0 ? Py.truncate(v[0]) : 0L;
          int year = checkedYear(now(c).getYear() + n);
          return startOfDay(LocalDate.of(year, 1, 1), c.zone());
        });
    calendar(
        t,
        "BOM",
        0,
        1,
        (v, c) -> {
          long n = v.length > 0 ? Py.truncate(v[0]) : 0L;
          LocalDate first = now(c).toLocalDate().withDayOfMonth(1);
          return startOfDay(checkedDate(() -> first.plusMonths(n)), c.zone());
        });
    calendar(
        t,
        "BOW",
        0,
        2,
        (v, c) -> {
          long n = v.length > 0 ? Py.truncate(v[0]) : 0L;
          long s = v.length > 1 ? Py.truncate(v[1]) : 0L;
          LocalDate today = now(c).toLocalDate();
          long weekday = today.getDayOfWeek().getValue() - 1L;
          long back = s > 0 ? weekday + 7 - s : weekday;
          return startOfDay(checkedDate(() -> today.minusDays(back).plusWeeks(n)), c.zone());
        });
    calendar(
        t,
        "BOD",
        0,
        1,
        (v, c) -> {
          long n = v.length > 0 ? Py.truncate(v[0]) : 0L;
          LocalDate today = now(c).toLocalDate();
          return startOfDay(checkedDate(() -> today.plusDays(n)), c.zone());
        });
    calendar(t, "HMSINTERVAL", 6, 6, Calendar::hmsInterval);
    calendar(t, "MDINTERVAL", 4, 4, Calendar::mdInterval);
  }

  /** A function that needs a real clock. */
  private static void calendar(
      Map<String, Functions.Spec> t, String name, int min, int max, Function.Compute compute) {
    Function shared =
        new Function.Strict() {
          @Override
          void before(EvaluationContext context) {
            requireRealTime(context);
          }

          @Override
          Object compute(Object[] values, EvaluationContext context) {
            return compute.apply(values, context);
          }
        };
    t.put(name, new Functions.Spec(min, max, () -> shared));
  }

  /** YEAR, MONTH, ...: a field of the optional timestamp argument (seconds), else of now. */
  private static void unit(
      Map<String, Functions.Spec> t, String name, ToLongFunction<ZonedDateTime> field) {
    calendar(
        t,
        name,
        0,
        1,
        (v, c) -> {
          long seconds = v.length > 0 ? Py.truncate(v[0]) : timestamp(c);
          return field.applyAsLong(at(seconds, c.zone()));
        });
  }

  static void requireRealTime(EvaluationContext context) {
    if (context.nowMillis() < REAL_TIME_EPOCH_MILLIS) {
      throw Errors.unavailable("real date/time is unavailable (the clock is not set)");
    }
  }

  /** Now in whole seconds. */
  static long timestamp(EvaluationContext context) {
    return Math.floorDiv(context.nowMillis(), 1000L);
  }

  private static ZonedDateTime now(EvaluationContext context) {
    return at(timestamp(context), context.zone());
  }

  private static ZonedDateTime at(long epochSeconds, ZoneId zone) {
    ZonedDateTime dateTime;
    try {
      dateTime = Instant.ofEpochSecond(epochSeconds).atZone(zone);
    } catch (DateTimeException | ArithmeticException e) {
      throw Errors.invalidArgument(1, epochSeconds);
    }
    if (dateTime.getYear() < MIN_YEAR || dateTime.getYear() > MAX_YEAR) {
      throw Errors.invalidArgument(1, epochSeconds);
    }
    return dateTime;
  }

  private static int checkedYear(long year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw Errors.other("year %d is out of range".formatted(year));
    }
    return (int) year;
  }

  private static LocalDate checkedDate(Supplier<LocalDate> date) {
    LocalDate result;
    try {
      result = date.get();
    } catch (DateTimeException | ArithmeticException e) {
      throw Errors.other("date is out of range");
    }
    checkedYear(result.getYear());
    return result;
  }

  /** Local midnight of a date, in epoch seconds, as a float. */
  private static double startOfDay(LocalDate date, ZoneId zone) {
    return (double) date.atStartOfDay(zone).toEpochSecond();
  }

  /** DATE(y, m, d, h, mi, s): local time to epoch seconds; an impossible field names its place. */
  private static Object date(Object[] v, ZoneId zone) {
    long[] f = new long[6];
    for (int i = 0; i < 6; i++) {
      f[i] = Py.truncate(v[i]);
    }
    if (f[0] < MIN_YEAR || f[0] > MAX_YEAR) {
      throw Errors.invalidArgument(1, f[0]);
    }
    if (f[1] < 1 || f[1] > 12) {
      throw Errors.invalidArgument(2, f[1]);
    }
    int monthLength = LocalDate.of((int) f[0], (int) f[1], 1).lengthOfMonth();
    if (f[2] < 1 || f[2] > monthLength) {
      throw Errors.invalidArgument(3, f[2]);
    }
    if (f[3] < 0 || f[3] > 23) {
      throw Errors.invalidArgument(4, f[3]);
    }
    if (f[4] < 0 || f[4] > 59) {
      throw Errors.invalidArgument(5, f[4]);
    }
    if (f[5] < 0 || f[5] > 59) {
      throw Errors.invalidArgument(6, f[5]);
    }
    LocalDateTime local =
        LocalDateTime.of((int) f[0], (int) f[1], (int) f[2], (int) f[3], (int) f[4], (int) f[5]);
    return ZonedDateTime.of(local, zone).toEpochSecond();
  }

  private static Object hmsInterval(Object[] v, EvaluationContext c) {
    long[] f = new long[6];
    for (int i = 0; i < 6; i++) {
      long limit = i % 3 == 0 ? 23L : 59L;
      if (!(Py.ge(v[i], 0L) && Py.le(v[i], limit))) {
        throw Errors.invalidArgument(i + 1, v[i]);
      }
      f[i] = Py.truncate(v[i]);
    }
    LocalTime now = now(c).toLocalTime();
    LocalTime start = LocalTime.of((int) f[0], (int) f[1], (int) f[2]);
    LocalTime stop = LocalTime.of((int) f[3], (int) f[4], (int) f[5]);
    return Functions.bool(!now.isBefore(start) && !now.isAfter(stop));
  }

  private static Object mdInterval(Object[] v, EvaluationContext c) {
    LocalDate today = now(c).toLocalDate();
    LocalDate start = monthDay(today, v, 0);
    LocalDate stop = monthDay(today, v, 2);
    return Functions.bool(!today.isBefore(start) && !today.isAfter(stop));
  }

  /** This year's month/day from arguments {@code at} and {@code at + 1}, validated. */
  private static LocalDate monthDay(LocalDate today, Object[] v, int at) {
    if (!(Py.ge(v[at], 1L) && Py.le(v[at], 12L))) {
      throw Errors.invalidArgument(at + 1, v[at]);
    }
    int month = (int) Py.truncate(v[at]);
    long day;
    try {
      day = Py.truncate(v[at + 1]);
    } catch (EvaluationException e) {
      throw Errors.invalidArgument(at + 2, v[at + 1]);
    }
    LocalDate first = today.withMonth(month).withDayOfMonth(1);
    if (day < 1 || day > first.lengthOfMonth()) {
      throw Errors.invalidArgument(at + 2, v[at + 1]);
    }
    return first.withDayOfMonth((int) day);
  }
}
