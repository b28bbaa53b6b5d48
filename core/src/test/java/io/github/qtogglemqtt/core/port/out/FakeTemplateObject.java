package io.github.qtogglemqtt.core.port.out;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.TemplateObject;
import io.github.qtogglemqtt.core.model.Undefined;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link TemplateObject} for template engine tests: fixed attributes, and methods given as
 * functions of their argument list. Immutable once built; thread-safe when the functions are.
 */
public final class FakeTemplateObject implements TemplateObject {
  private final String pyStr;
  private final Map<String, @Nullable Object> attributes;
  private final Map<String, Function<List<@Nullable Object>, @Nullable Object>> methods;

  private FakeTemplateObject(
      String pyStr,
      Map<String, @Nullable Object> attributes,
      Map<String, Function<List<@Nullable Object>, @Nullable Object>> methods) {
    this.pyStr = requireNonNull(pyStr, "pyStr is null");
    this.attributes = attributes;
    this.methods = methods;
  }

  /** Starts an object that prints as {@code pyStr}. */
  public static Builder builder(String pyStr) {
    return new Builder(pyStr);
  }

  @Override
  public @Nullable Object attribute(String name) {
    return attributes.containsKey(name) ? attributes.get(name) : Undefined.INSTANCE;
  }

  @Override
  public Set<String> attributeNames() {
    return attributes.keySet();
  }

  @Override
  public boolean hasMethod(String name) {
    return methods.containsKey(name);
  }

  @Override
  public @Nullable Object invoke(String name, List<@Nullable Object> args) {
    Function<List<@Nullable Object>, @Nullable Object> method = methods.get(name);
    if (method == null) {
      throw new IllegalArgumentException("'%s' has no method '%s'".formatted(pyStr, name));
    }
    return method.apply(args);
  }

  @Override
  public String pyStr() {
    return pyStr;
  }

  @Override
  public String toString() {
    return pyStr;
  }

  /** Builds a {@link FakeTemplateObject}. */
  public static final class Builder {
    private final String pyStr;
    private final Map<String, @Nullable Object> attributes = new LinkedHashMap<>();
    private final Map<String, Function<List<@Nullable Object>, @Nullable Object>> methods =
        new LinkedHashMap<>();

    private Builder(String pyStr) {
      this.pyStr = pyStr;
    }

    /** An attribute read without a call. */
    public Builder attribute(String name, @Nullable Object value) {
      attributes.put(name, value);
      return this;
    }

    /** A method taking no argument; calling it with arguments is an error. */
    public Builder method(String name, @Nullable Object result) {
      methods.put(
          name,
          args -> {
            if (!args.isEmpty()) {
              throw new IllegalArgumentException(
                  "%s() takes no arguments (%d given)".formatted(name, args.size()));
            }
            return result;
          });
      return this;
    }

    /** A method computed from its arguments. */
    public Builder method(String name, Function<List<@Nullable Object>, @Nullable Object> body) {
      methods.put(name, body);
      return this;
    }

    public FakeTemplateObject build() {
      // Map.copyOf refuses null values, which attributes may hold.
      return new FakeTemplateObject(
          pyStr, Collections.unmodifiableMap(new LinkedHashMap<>(attributes)), Map.copyOf(methods));
    }
  }
}
