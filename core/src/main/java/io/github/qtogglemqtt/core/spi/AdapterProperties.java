package io.github.qtogglemqtt.core.spi;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.error.Problem;
import io.github.qtogglemqtt.core.model.Secret;
import io.github.qtogglemqtt.core.model.Values;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A read-only view over one configuration section (a handler entry, the source section) that
 * records which keys were read and collects every problem, so that the app can report all problems
 * and every unknown key at once (Airlift's strictness without Airlift).
 *
 * <p>Values are JSON values (see {@link Values}) as the configuration parser produced them. Typed
 * getters never throw for a bad value: they record a {@link Problem} (with the key's full path and
 * what was expected) and return the default, so parsing goes on. Call {@link #throwIfProblems()}
 * when done.
 *
 * <p>Not thread-safe for concurrent parsing; the values themselves are immutable.
 *
 * @since 0.1
 */
@DoNotImplement
public final class AdapterProperties {
  private static final Pattern DURATION =
      Pattern.compile("\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]*)\\s*");

  private final String path;
  private final Map<String, @Nullable Object> values;
  private final Set<String> read = ConcurrentHashMap.newKeySet();
  private final Set<String> secrets = ConcurrentHashMap.newKeySet();
  private final List<Problem> problems;

  private AdapterProperties(String path, Map<String, @Nullable Object> values) {
    this(path, values, Collections.synchronizedList(new ArrayList<>()));
  }

  private AdapterProperties(
      String path, Map<String, @Nullable Object> values, List<Problem> problems) {
    this.path = requireNonNull(path, "path is null");
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.problems = problems;
  }

  /**
   * A view over {@code values}.
   *
   * @param path the section's path as a user writes it ({@code event_handlers[0]}, {@code qtoggle})
   */
  public static AdapterProperties of(String path, Map<String, ? extends @Nullable Object> values) {
    return new AdapterProperties(path, new LinkedHashMap<>(values));
  }

  /** The section's path, e.g. {@code event_handlers[0]}. */
  public String path() {
    return path;
  }

  /** The full path of one key, e.g. {@code event_handlers[0].qos}. */
  public String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Every key of the section, in file order. */
  public Set<String> keys() {
    return values.keySet();
  }

  /** Whether the key is present with a non-null value. Marks it read. */
  public boolean has(String key) {
    read.add(key);
    return values.get(key) != null;
  }

  /** The raw JSON value of a key, or null. Marks it read. */
  public @Nullable Object raw(String key) {
    read.add(key);
    return values.get(key);
  }

  /** Marks keys as read without reading them (keys another component owns). */
  public void markRead(String... keys) {
    read.addAll(List.of(keys));
  }

  /** A string; a non-string value is a problem. */
  public Optional<String> optionalString(String key) {
    Object value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof String s) {
      return Optional.of(s);
    }
    problem(key, "must be a string (got %s)".formatted(Values.typeName(value)));
    return Optional.empty();
  }

  /** A string, or the default when absent. */
  public String string(String key, String defaultValue) {
    return optionalString(key).orElse(defaultValue);
  }

  /** A required string; absence is a problem and "" is returned. */
  public String requireString(String key) {
    if (raw(key) == null) {
      problem(key, "is required");
      return "";
    }
    return optionalString(key).orElse("");
  }

  /** A secret string; never appears in messages or the effective configuration. */
  public Optional<Secret> secret(String key) {
    secrets.add(key);
    return optionalString(key).map(Secret::of);
  }

  /** The keys read as secrets. */
  public Set<String> secretKeys() {
    return Set.copyOf(secrets);
  }

  /** A boolean, or the default when absent. */
  public boolean bool(String key, boolean defaultValue) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    problem(key, "must be true or false (got %s)".formatted(describe(key, value)));
    return defaultValue;
  }

  /** A whole number in [min, max], or the default when absent. */
  public long longValue(String key, long defaultValue, long min, long max) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    Object number = Values.normalizeNumber(value);
    long result;
    if (number instanceof Long l) {
      result = l;
    } else if (number instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      result = d.longValue();
    } else {
      problem(key, "must be a whole number (got %s)".formatted(describe(key, value)));
      return defaultValue;
    }
    if (result < min || result > max) {
      problem(key, "must be between %d and %d (got %d)".formatted(min, max, result));
      return defaultValue;
    }
    return result;
  }

  /** A whole number in [min, max], or the default when absent. */
  public int intValue(String key, int defaultValue, int min, int max) {
    return (int) longValue(key, defaultValue, min, max);
  }

  /** A number (integer or float) in [min, max], or the default when absent. */
  public double doubleValue(String key, double defaultValue, double min, double max) {
    Object value = raw(key);
    if (value == null) {
      return defaultValue;
    }
    if (!Values.isNumber(value)) {
      problem(key, "must be a number (got %s)".formatted(describe(key, value)));
      return defaultValue;
    }
    double result = ((Number) value).doubleValue();
    if (!(result >= min && result <= max)) {
      problem(
          key,
          "must be between %s and %s (got %s)"
              .formatted(Values.formatFloat(min), Values.formatFloat(max), Values.pyStr(value)));
      return defaultValue;
    }
    return result;
  }

  /**
   * A duration: a HOCON duration string ({@code 10s}, {@code 500ms}, {@code 2 minutes}) or a bare
   * number of seconds (so the add-on's whole-second keys keep their meaning).
   */
  public Optional<Duration> optionalDuration(String key) {
    Object value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    if (Values.isNumber(value)) {
      return Optional.of(Duration.ofNanos(Math.round(((Number) value).doubleValue() * 1e9)));
    }
    if (value instanceof String s) {
      Optional<Duration> parsed = parseDuration(s);
      if (parsed.isPresent()) {
        return parsed;
      }
    }
    problem(
        key,
        "must be a duration such as 10s, 500ms or 2m, or a number of seconds (got %s)"
            .formatted(describe(key, value)));
    return Optional.empty();
  }

  /** A duration, or the default when absent. */
  public Duration duration(String key, Duration defaultValue) {
    return optionalDuration(key).orElse(defaultValue);
  }

  /** A list of strings; absent = empty. */
  public List<String> stringList(String key) {
    Object value = raw(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      List<String> result = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) instanceof String s) {
          result.add(s);
        } else {
          problem(
              key + "[" + i + "]",
              "must be a string (got %s)".formatted(Values.typeName(list.get(i))));
        }
      }
      return List.copyOf(result);
    }
    problem(key, "must be a list of strings (got %s)".formatted(Values.typeName(value)));
    return List.of();
  }

  /** A map (object); a non-object value is a problem. */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, @Nullable Object>> map(String key) {
    Object value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Map<?, ?> m) {
      return Optional.of((Map<String, @Nullable Object>) m);
    }
    problem(key, "must be an object (got %s)".formatted(Values.typeName(value)));
    return Optional.empty();
  }

  /** One of the allowed words (case-sensitive), or the default when absent. */
  public String choice(String key, String defaultValue, List<String> allowed) {
    Optional<String> value = optionalString(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    if (!allowed.contains(value.get())) {
      problem(
          key, "must be one of %s (got \"%s\")".formatted(String.join(", ", allowed), value.get()));
      return defaultValue;
    }
    return value.get();
  }

  /** A view over a nested object, with its own path, sharing this one's problem list. */
  public AdapterProperties section(String key) {
    Map<String, @Nullable Object> nested = map(key).orElse(Map.of());
    return new AdapterProperties(pathOf(key), nested, problems);
  }

  /** Records a problem with a key of this section. */
  public void problem(String key, String message) {
    problems.add(new Problem(pathOf(key), message));
  }

  /** Every problem recorded so far. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }

  /**
   * Every key some component asked for, present or not: the keys this section knows, from which the
   * app suggests the closest one for a misspelt key.
   */
  public Set<String> readKeys() {
    return Set.copyOf(read);
  }

  /** The keys present that nobody read, in file order. */
  public Set<String> unreadKeys() {
    Set<String> unread = new LinkedHashSet<>(values.keySet());
    unread.removeAll(read);
    return unread;
  }

  /** Throws a {@link ConfigurationException} with every problem, if there is any. */
  public void throwIfProblems() {
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems());
    }
  }

  private String describe(String key, Object value) {
    if (secrets.contains(key)) {
      return "a " + Values.typeName(value);
    }
    return value instanceof String s ? "\"" + s + "\"" : Values.pyStr(value);
  }

  /** Parses a HOCON-style duration: a number and an optional unit (default milliseconds). */
  public static Optional<Duration> parseDuration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    double amount = Double.parseDouble(m.group(1));
    double nanosPerUnit =
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "ns", "nano", "nanos", "nanosecond", "nanoseconds" -> 1;
          case "us", "micro", "micros", "microsecond", "microseconds" -> 1e3;
          case "", "ms", "milli", "millis", "millisecond", "milliseconds" -> 1e6;
          case "s", "second", "seconds" -> 1e9;
          case "m", "minute", "minutes" -> 60e9;
          case "h", "hour", "hours" -> 3600e9;
          case "d", "day", "days" -> 86400e9;
          default -> -1;
        };
    if (nanosPerUnit < 0) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(Math.round(amount * nanosPerUnit)));
  }
}
