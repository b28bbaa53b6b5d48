package io.github.qtogglemqtt.core.handler;

import io.github.qtogglemqtt.core.model.TemplateObject;
import io.github.qtogglemqtt.core.model.Undefined;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A template object whose attributes and methods come from static tables: the tables are built once
 * per class, objects are cheap (one per event).
 */
abstract class ContextObject<T extends ContextObject<T>> implements TemplateObject {

  /** Attributes and methods of one object kind, by name. */
  static final class Table<T> {
    private final String kind;
    private final Map<String, Function<T, @Nullable Object>> attributes = new LinkedHashMap<>();
    private final Map<String, Method<T>> methods = new LinkedHashMap<>();

    Table(String kind) {
      this.kind = kind;
    }

    Table<T> attribute(String name, Function<T, @Nullable Object> getter) {
      attributes.put(name, getter);
      return this;
    }

    Table<T> method(
        String name,
        int minArgs,
        int maxArgs,
        BiFunction<T, List<@Nullable Object>, @Nullable Object> body) {
      methods.put(name, new Method<>(minArgs, maxArgs, body));
      return this;
    }

    Table<T> method(String name, Function<T, @Nullable Object> body) {
      return method(name, 0, 0, (self, args) -> body.apply(self));
    }
  }

  private record Method<T>(
      int minArgs, int maxArgs, BiFunction<T, List<@Nullable Object>, @Nullable Object> body) {}

  abstract Table<T> table();

  abstract T self();

  @Override
  public @Nullable Object attribute(String name) {
    Function<T, @Nullable Object> getter = table().attributes.get(name);
    return getter == null ? Undefined.INSTANCE : getter.apply(self());
  }

  @Override
  public Set<String> attributeNames() {
    return Collections.unmodifiableSet(table().attributes.keySet());
  }

  @Override
  public boolean hasMethod(String name) {
    return table().methods.containsKey(name);
  }

  @Override
  public @Nullable Object invoke(String name, List<@Nullable Object> args) {
    Table<T> table = table();
    Method<T> method = table.methods.get(name);
    if (method == null) {
      throw new IllegalArgumentException("%s has no method %s()".formatted(table.kind, name));
    }
    if (args.size() < method.minArgs || args.size() > method.maxArgs) {
      String expected =
          method.minArgs == method.maxArgs
              ? Integer.toString(method.minArgs)
              : "%d to %d".formatted(method.minArgs, method.maxArgs);
      throw new IllegalArgumentException(
          "%s.%s() takes %s argument%s (%d given)"
              .formatted(table.kind, name, expected, method.maxArgs == 1 ? "" : "s", args.size()));
    }
    return method.body.apply(self(), args);
  }

  @Override
  public String toString() {
    return pyStr();
  }

  /** An argument that templates may leave undefined: read as null. */
  static @Nullable Object arg(List<@Nullable Object> args, int index) {
    Object value = index < args.size() ? args.get(index) : null;
    return value == Undefined.INSTANCE ? null : value;
  }

  static String stringArg(String what, List<@Nullable Object> args, int index) {
    Object value = arg(args, index);
    if (value instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("%s needs a string argument".formatted(what));
  }
}
