package io.github.qtogglemqtt.adapter.template.pebble;

import io.github.qtogglemqtt.core.model.TemplateObject;
import io.github.qtogglemqtt.core.model.Undefined;
import io.github.qtogglemqtt.core.model.Values;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The context objects of the Jinja2 corpus: TemplateObject doubles that mirror the Python classes
 * of {@code jinja2-corpus/generate.py} method for method.
 */
final class CorpusObjects {
  private CorpusObjects() {}

  /** Decodes the {@code {"$port": ...}} markers of a corpus context. */
  @SuppressWarnings("unchecked")
  static @Nullable Object decode(@Nullable Object value) {
    if (value instanceof Map<?, ?> map) {
      if (map.size() == 1) {
        Map.Entry<?, ?> only = map.entrySet().iterator().next();
        Object inner = only.getValue();
        switch (String.valueOf(only.getKey())) {
          case "$port" -> {
            return new Port((Map<String, @Nullable Object>) inner);
          }
          case "$device" -> {
            return new Device((Map<String, @Nullable Object>) inner);
          }
          case "$slave" -> {
            return new Slave((Map<String, @Nullable Object>) inner);
          }
          case "$event" -> {
            return new Event((Map<String, @Nullable Object>) inner);
          }
          case "$moment" -> {
            return new Moment(LocalDateTime.parse((String) inner));
          }
          default -> {}
        }
      }
      Map<String, @Nullable Object> result = new java.util.LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        result.put((String) entry.getKey(), decode(entry.getValue()));
      }
      return result;
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> result = new java.util.ArrayList<>();
      for (Object element : list) {
        result.add(decode(element));
      }
      return result;
    }
    return value;
  }

  private abstract static class Base implements TemplateObject {
    private final Set<String> methods;

    Base(String... methods) {
      this.methods = Set.of(methods);
    }

    @Override
    public @Nullable Object attribute(String name) {
      return Undefined.INSTANCE;
    }

    @Override
    public Set<String> attributeNames() {
      return Set.of();
    }

    @Override
    public boolean hasMethod(String name) {
      return methods.contains(name);
    }

    static void arity(String name, List<@Nullable Object> args, int min, int max) {
      if (args.size() < min || args.size() > max) {
        throw new IllegalArgumentException(
            "%s() takes %d to %d arguments (%d given)".formatted(name, min, max, args.size()));
      }
    }
  }

  static final class Port extends Base {
    private final Map<String, @Nullable Object> attrs;
    private final @Nullable Object value;

    @SuppressWarnings("unchecked")
    Port(Map<String, @Nullable Object> spec) {
      super(
          "get_id",
          "get_type",
          "get_pretty_name",
          "get_attr",
          "get_attrs",
          "get_last_value",
          "is_enabled",
          "get_pretty_value");
      this.attrs = (Map<String, @Nullable Object>) spec.get("attrs");
      this.value = spec.get("value");
    }

    @Override
    public @Nullable Object invoke(String name, List<@Nullable Object> args) {
      switch (name) {
        case "get_pretty_value" -> {
          arity(name, args, 0, 1);
          return prettyValue(args.isEmpty() ? value : args.getFirst());
        }
        case "get_attr" -> {
          arity(name, args, 1, 1);
          return attrs.get((String) args.getFirst());
        }
        default -> arity(name, args, 0, 0);
      }
      return switch (name) {
        case "get_id" -> attrs.get("id");
        case "get_type" -> attrs.get("type");
        case "get_pretty_name" -> {
          Object display = attrs.get("display_name");
          yield Values.truthy(display) ? display : attrs.get("id");
        }
        case "get_attrs" -> attrs;
        case "get_last_value" -> value;
        case "is_enabled" -> Values.truthy(attrs.get("enabled"));
        default -> throw new IllegalArgumentException("no method " + name);
      };
    }

    private String prettyValue(@Nullable Object v) {
      if (v == null) {
        return "unknown";
      }
      if (attrs.get("choices") instanceof List<?> choices) {
        for (Object choice : choices) {
          Map<?, ?> c = (Map<?, ?>) choice;
          if (Values.pyEquals(c.get("value"), v)) {
            return (String) c.get("display_name");
          }
        }
      }
      String text =
          "boolean".equals(attrs.get("type")) ? (Values.truthy(v) ? "on" : "off") : Values.pyStr(v);
      Object unit = attrs.get("unit");
      return text + (unit instanceof String u ? u : "");
    }

    @Override
    public String pyStr() {
      return "<Port " + attrs.get("id") + ">";
    }
  }

  static final class Device extends Base {
    private final Map<String, @Nullable Object> attrs;

    @SuppressWarnings("unchecked")
    Device(Map<String, @Nullable Object> spec) {
      super("get_pretty_name");
      this.attrs = (Map<String, @Nullable Object>) spec.get("attrs");
    }

    @Override
    public @Nullable Object invoke(String name, List<@Nullable Object> args) {
      arity(name, args, 0, 0);
      Object display = attrs.get("display_name");
      return Values.truthy(display) ? display : attrs.get("name");
    }

    @Override
    public String pyStr() {
      return "<Device " + attrs.get("name") + ">";
    }
  }

  static final class Slave extends Base {
    private final Map<String, @Nullable Object> spec;

    Slave(Map<String, @Nullable Object> spec) {
      super("get_name", "get_pretty_name", "get_url", "is_online");
      this.spec = spec;
    }

    @Override
    public @Nullable Object invoke(String name, List<@Nullable Object> args) {
      arity(name, args, 0, 0);
      return switch (name) {
        case "get_name" -> spec.get("name");
        case "get_pretty_name" ->
            Values.truthy(spec.get("display_name")) ? spec.get("display_name") : spec.get("name");
        case "get_url" -> {
          long port = (Long) spec.get("port");
          String scheme = (String) spec.get("scheme");
          boolean standard =
              (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
          yield scheme + "://" + spec.get("host") + (standard ? "" : ":" + port) + spec.get("path");
        }
        case "is_online" -> spec.get("online");
        default -> throw new IllegalArgumentException("no method " + name);
      };
    }

    @Override
    public String pyStr() {
      return "<Slave " + spec.get("name") + ">";
    }
  }

  static final class Event extends Base {
    private final Map<String, @Nullable Object> spec;

    Event(Map<String, @Nullable Object> spec) {
      super("get_type", "get_timestamp", "get_params");
      this.spec = spec;
    }

    @Override
    public @Nullable Object attribute(String name) {
      if ((name.equals("old_value") || name.equals("new_value")) && spec.containsKey(name)) {
        return spec.get(name);
      }
      return Undefined.INSTANCE;
    }

    @Override
    public @Nullable Object invoke(String name, List<@Nullable Object> args) {
      arity(name, args, 0, 0);
      return switch (name) {
        case "get_type" -> spec.get("type");
        case "get_timestamp" -> spec.get("timestamp");
        case "get_params" -> spec.get("params");
        default -> throw new IllegalArgumentException("no method " + name);
      };
    }

    @Override
    public String pyStr() {
      return spec.get("type") + " event";
    }
  }

  static final class Moment extends Base {
    private final LocalDateTime time;

    Moment(LocalDateTime time) {
      super("strftime", "isoformat", "weekday");
      this.time = time;
    }

    @Override
    public @Nullable Object attribute(String name) {
      return switch (name) {
        case "year" -> (long) time.getYear();
        case "month" -> (long) time.getMonthValue();
        case "day" -> (long) time.getDayOfMonth();
        case "hour" -> (long) time.getHour();
        case "minute" -> (long) time.getMinute();
        case "second" -> (long) time.getSecond();
        case "microsecond" -> (long) (time.getNano() / 1000);
        default -> Undefined.INSTANCE;
      };
    }

    @Override
    public @Nullable Object invoke(String name, List<@Nullable Object> args) {
      return switch (name) {
        case "weekday" -> (long) (time.getDayOfWeek().getValue() - 1);
        case "isoformat" -> pyStr().replace(' ', 'T');
        case "strftime" -> {
          arity(name, args, 1, 1);
          String format = (String) args.getFirst();
          StringBuilder out = new StringBuilder();
          for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
              out.append(c);
              continue;
            }
            char code = format.charAt(++i);
            out.append(
                switch (code) {
                  case 'Y' -> "%04d".formatted(time.getYear());
                  case 'm' -> "%02d".formatted(time.getMonthValue());
                  case 'd' -> "%02d".formatted(time.getDayOfMonth());
                  case 'H' -> "%02d".formatted(time.getHour());
                  case 'M' -> "%02d".formatted(time.getMinute());
                  case 'S' -> "%02d".formatted(time.getSecond());
                  case 'a' -> time.format(DateTimeFormatter.ofPattern("EEE", Locale.ROOT));
                  case 'b' -> time.format(DateTimeFormatter.ofPattern("MMM", Locale.ROOT));
                  case '%' -> "%";
                  default -> throw new IllegalArgumentException("unsupported code %" + code);
                });
          }
          yield out.toString();
        }
        default -> throw new IllegalArgumentException("no method " + name);
      };
    }

    @Override
    public String pyStr() {
      String base = time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT));
      int micros = time.getNano() / 1000;
      return micros == 0 ? base : base + ".%06d".formatted(micros);
    }
  }
}
