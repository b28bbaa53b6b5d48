package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code moment} of a template context (spec 6.4, 6.6): the event time as a local,
 * time-zone-less date-time, like Python's naive {@code datetime.fromtimestamp(timestamp)}.
 * Templates read {@code year} .. {@code microsecond} and call {@code weekday()}, {@code
 * isoformat()}, {@code timestamp()} and {@code strftime(fmt)}; it prints as {@code 2024-06-10
 * 06:13:20.250000} (the fraction omitted when zero).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Moment implements TemplateObject {
  private static final Set<String> ATTRIBUTES =
      Set.of("year", "month", "day", "hour", "minute", "second", "microsecond");
  private static final Set<String> METHODS =
      Set.of("weekday", "isoweekday", "isoformat", "timestamp", "strftime");

  // English names looked up once: getDisplayName builds a formatter per call
  private static final List<String> SHORT_DAYS = dayNames(TextStyle.SHORT);
  private static final List<String> FULL_DAYS = dayNames(TextStyle.FULL);
  private static final List<String> SHORT_MONTHS = monthNames(TextStyle.SHORT);
  private static final List<String> FULL_MONTHS = monthNames(TextStyle.FULL);

  private final double timestamp;
  private final LocalDateTime local;

  private Moment(double timestamp, LocalDateTime local) {
    this.timestamp = timestamp;
    this.local = local;
  }

  /**
   * The moment of an event time.
   *
   * @param timestamp seconds since the epoch, fraction included
   * @param zone the zone whose wall-clock time the moment shows
   */
  public static Moment of(double timestamp, ZoneId zone) {
    requireNonNull(zone, "zone is null");
    long seconds = (long) Math.floor(timestamp);
    long micros = Math.round((timestamp - seconds) * 1_000_000.0);
    if (micros >= 1_000_000) {
      seconds += 1;
      micros -= 1_000_000;
    }
    Instant instant = Instant.ofEpochSecond(seconds, micros * 1_000);
    return new Moment(timestamp, LocalDateTime.ofInstant(instant, zone));
  }

  /** The wall-clock date-time. */
  public LocalDateTime local() {
    return local;
  }

  /** The event time in seconds since the epoch. */
  public double epochSeconds() {
    return timestamp;
  }

  /**
   * The UTC time as the default JSON payload writes it, {@code YYYY-MM-DDTHH:MM:SSZ}, the fraction
   * truncated (spec 7.7, D12).
   */
  public String utcJson() {
    LocalDateTime utc =
        LocalDateTime.ofEpochSecond((long) Math.floor(timestamp), 0, ZoneOffset.UTC);
    if (utc.getYear() < 0) {
      return "%04d-%02d-%02dT%02d:%02d:%02dZ"
          .formatted(
              utc.getYear(),
              utc.getMonthValue(),
              utc.getDayOfMonth(),
              utc.getHour(),
              utc.getMinute(),
              utc.getSecond());
    }
    // what the format above writes, without parsing it for every payload
    StringBuilder out = new StringBuilder(20);
    pad(out, utc.getYear(), 4);
    out.append('-');
    pad(out, utc.getMonthValue(), 2);
    out.append('-');
    pad(out, utc.getDayOfMonth(), 2);
    out.append('T');
    pad(out, utc.getHour(), 2);
    out.append(':');
    pad(out, utc.getMinute(), 2);
    out.append(':');
    pad(out, utc.getSecond(), 2);
    return out.append('Z').toString();
  }

  /** Python's {@code isoformat()}: {@code 2024-06-10T06:13:20.250000}, no fraction when zero. */
  public String isoformat() {
    return format('T');
  }

  /** Python's {@code weekday()}: Monday is 0. */
  public int weekday() {
    return local.getDayOfWeek().getValue() - 1;
  }

  /**
   * Python's {@code strftime} with the C locale, for the common codes: {@code %Y %m %d %H %M %S %a
   * %A %b %B %c %x %X %y %j %p %I %f %w %u %%}. Other codes are copied as written.
   */
  public String strftime(String format) {
    requireNonNull(format, "format is null");
    StringBuilder out = new StringBuilder(format.length() + 16);
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 == format.length()) {
        out.append(c);
        continue;
      }
      char code = format.charAt(++i);
      switch (code) {
        case 'Y' -> out.append(local.getYear());
        case 'm' -> pad(out, local.getMonthValue(), 2);
        case 'd' -> pad(out, local.getDayOfMonth(), 2);
        case 'H' -> pad(out, local.getHour(), 2);
        case 'M' -> pad(out, local.getMinute(), 2);
        case 'S' -> pad(out, local.getSecond(), 2);
        case 'f' -> pad(out, local.getNano() / 1_000, 6);
        case 'y' -> pad(out, local.getYear() % 100, 2);
        case 'j' -> pad(out, local.getDayOfYear(), 3);
        case 'a' -> out.append(dayName(local.getDayOfWeek(), TextStyle.SHORT));
        case 'A' -> out.append(dayName(local.getDayOfWeek(), TextStyle.FULL));
        case 'b' -> out.append(monthName(TextStyle.SHORT));
        case 'B' -> out.append(monthName(TextStyle.FULL));
        case 'p' -> out.append(local.getHour() < 12 ? "AM" : "PM");
        case 'I' -> pad(out, local.getHour() % 12 == 0 ? 12 : local.getHour() % 12, 2);
        case 'w' -> out.append(local.getDayOfWeek().getValue() % 7);
        case 'u' -> out.append(local.getDayOfWeek().getValue());
        case 'c' -> out.append(prettyC());
        case 'x' -> out.append(strftime("%m/%d/%y"));
        case 'X' -> out.append(strftime("%H:%M:%S"));
        case '%' -> out.append('%');
        default -> out.append('%').append(code);
      }
    }
    return out.toString();
  }

  /**
   * C's {@code %c} in the C locale: {@code Mon Jun 10 06:13:20 2024}, the day of month space-padded
   * ({@code pretty_moment}, spec 6.4).
   */
  public String prettyC() {
    StringBuilder out = new StringBuilder(24);
    out.append(dayName(local.getDayOfWeek(), TextStyle.SHORT))
        .append(' ')
        .append(monthName(TextStyle.SHORT))
        .append(' ');
    if (local.getDayOfMonth() < 10) {
      out.append(' ');
    }
    out.append(local.getDayOfMonth()).append(' ');
    pad(out, local.getHour(), 2);
    out.append(':');
    pad(out, local.getMinute(), 2);
    out.append(':');
    pad(out, local.getSecond(), 2);
    return out.append(' ').append(local.getYear()).toString();
  }

  @Override
  public @Nullable Object attribute(String name) {
    return switch (name) {
      case "year" -> (long) local.getYear();
      case "month" -> (long) local.getMonthValue();
      case "day" -> (long) local.getDayOfMonth();
      case "hour" -> (long) local.getHour();
      case "minute" -> (long) local.getMinute();
      case "second" -> (long) local.getSecond();
      case "microsecond" -> (long) (local.getNano() / 1_000);
      default -> Undefined.INSTANCE;
    };
  }

  @Override
  public Set<String> attributeNames() {
    return ATTRIBUTES;
  }

  @Override
  public boolean hasMethod(String name) {
    return METHODS.contains(name);
  }

  @Override
  public @Nullable Object invoke(String name, List<@Nullable Object> args) {
    requireNonNull(args, "args is null");
    switch (name) {
      case "weekday" -> {
        noArgs(name, args);
        return (long) weekday();
      }
      case "isoweekday" -> {
        noArgs(name, args);
        return (long) local.getDayOfWeek().getValue();
      }
      case "isoformat" -> {
        noArgs(name, args);
        return isoformat();
      }
      case "timestamp" -> {
        noArgs(name, args);
        return timestamp;
      }
      case "strftime" -> {
        if (args.size() != 1 || !(args.get(0) instanceof String format)) {
          throw new IllegalArgumentException(
              "moment.strftime() takes exactly one string argument (got %d arguments)"
                  .formatted(args.size()));
        }
        return strftime(format);
      }
      default -> throw new IllegalArgumentException("moment has no method %s()".formatted(name));
    }
  }

  @Override
  public String pyStr() {
    return format(' ');
  }

  @Override
  public String toString() {
    return pyStr();
  }

  private String format(char separator) {
    StringBuilder out = new StringBuilder(26);
    out.append(local.getYear()).append('-');
    pad(out, local.getMonthValue(), 2);
    out.append('-');
    pad(out, local.getDayOfMonth(), 2);
    out.append(separator);
    pad(out, local.getHour(), 2);
    out.append(':');
    pad(out, local.getMinute(), 2);
    out.append(':');
    pad(out, local.getSecond(), 2);
    int micros = local.getNano() / 1_000;
    if (micros != 0) {
      out.append('.');
      pad(out, micros, 6);
    }
    return out.toString();
  }

  private String monthName(TextStyle style) {
    int index = local.getMonthValue() - 1;
    return style == TextStyle.SHORT ? SHORT_MONTHS.get(index) : FULL_MONTHS.get(index);
  }

  private static String dayName(DayOfWeek day, TextStyle style) {
    int index = day.getValue() - 1;
    return style == TextStyle.SHORT ? SHORT_DAYS.get(index) : FULL_DAYS.get(index);
  }

  private static List<String> dayNames(TextStyle style) {
    return Arrays.stream(DayOfWeek.values())
        .map(day -> day.getDisplayName(style, Locale.ENGLISH))
        .toList();
  }

  private static List<String> monthNames(TextStyle style) {
    return Arrays.stream(Month.values())
        .map(month -> month.getDisplayName(style, Locale.ENGLISH))
        .toList();
  }

  private static void noArgs(String name, List<@Nullable Object> args) {
    if (!args.isEmpty()) {
      throw new IllegalArgumentException(
          "moment.%s() takes no arguments (got %d)".formatted(name, args.size()));
    }
  }

  private static void pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    out.append(digits);
  }
}
