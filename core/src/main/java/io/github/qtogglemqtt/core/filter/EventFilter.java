package io.github.qtogglemqtt.core.filter;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.filter.expression.EvaluationContext;
import io.github.qtogglemqtt.core.filter.expression.Expression;
import io.github.qtogglemqtt.core.filter.expression.ExpressionSyntaxException;
import io.github.qtogglemqtt.core.model.DeviceEvent;
import io.github.qtogglemqtt.core.model.EventType;
import io.github.qtogglemqtt.core.model.PortEvent;
import io.github.qtogglemqtt.core.model.SlaveEvent;
import io.github.qtogglemqtt.core.model.Values;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A handler's {@code filter} map (spec 4), compiled once at configuration time: every rule of 4.1
 * checked for shape, every expression parsed. {@link #test} then decides for each event, in the
 * order of spec 4.2; rules of one kind never restrict events of another kind.
 *
 * <p>Not thread-safe: expressions keep state between evaluations, so each handler owns its filter
 * and evaluates it from its own thread.
 */
public final class EventFilter {
  private static final String ANY = "any";
  private static final String TRANSITION = "_transition";

  private final Set<String> types;
  private final @Nullable Transition portValueTransition;
  private final @Nullable Matcher portValue;
  private final @Nullable NamedExpression portValueExpression;
  private final List<AttrRule> portRules;
  private final List<AttrRule> deviceRules;
  private final List<AttrRule> slaveRules;
  private final @Nullable NamedExpression expression;
  private final boolean richExpressionContext;

  private EventFilter(Builder b) {
    this.types = Collections.unmodifiableSet(b.types);
    this.portValueTransition = b.portValueTransition;
    this.portValue = b.portValue;
    this.portValueExpression = b.portValueExpression;
    this.portRules = List.copyOf(b.rules.get(Kind.PORT).values());
    this.deviceRules = List.copyOf(b.rules.get(Kind.DEVICE).values());
    this.slaveRules = List.copyOf(b.rules.get(Kind.SLAVE).values());
    this.expression = b.expression;
    this.richExpressionContext = b.richExpressionContext;
  }

  /** A filter that accepts everything (no {@code filter} configured). */
  public static EventFilter acceptAll() {
    return compile(Map.of(), new IgnoreProblems(), false);
  }

  /**
   * Compiles a filter map.
   *
   * @param filter the {@code filter} map (JSON values)
   * @param problems told every problem and warning, with keys relative to the filter
   * @param richExpressionContext whether the {@code expression} filter sees the rich context
   *     ({@code expression_context = "rich"}, D22) instead of the poor one of the original
   */
  public static EventFilter compile(
      Map<String, @Nullable Object> filter,
      FilterProblems problems,
      boolean richExpressionContext) {
    requireNonNull(filter, "filter is null");
    requireNonNull(problems, "problems is null");
    Builder b = new Builder(problems, richExpressionContext);
    for (Map.Entry<String, @Nullable Object> entry : filter.entrySet()) {
      b.add(entry.getKey(), entry.getValue());
    }
    return new EventFilter(b);
  }

  /** Whether the filter has no rule at all. */
  public boolean isEmpty() {
    return types.isEmpty()
        && portValueTransition == null
        && portValue == null
        && portValueExpression == null
        && portRules.isEmpty()
        && deviceRules.isEmpty()
        && slaveRules.isEmpty()
        && expression == null;
  }

  /**
   * Decides for one event, after the state update (spec 4.2 steps 2-5; {@code skip_startup} is the
   * handler's).
   *
   * @param delta what the event computed (spec 3.2)
   * @param state the handler state after the update, for expression contexts
   * @param nowMillis "now" for expressions
   * @param zone the zone of calendar functions
   */
  public FilterResult test(EventDelta delta, DeviceState state, long nowMillis, ZoneId zone) {
    requireNonNull(delta, "delta is null");
    requireNonNull(state, "state is null");
    String type = delta.event().type().wireName();
    if (!types.isEmpty() && !types.contains(type)) {
      return FilterResult.reject("type: %s is not one of %s".formatted(type, types));
    }
    FilterResult byKind =
        switch (delta.event()) {
          case DeviceEvent d -> attrRules(deviceRules, delta);
          case PortEvent p -> portRules(delta, state, nowMillis, zone);
          case SlaveEvent s -> attrRules(slaveRules, delta);
        };
    if (!byKind.accepted()) {
      return byKind;
    }
    if (expression != null) {
      EvaluationContext context =
          richExpressionContext
              ? StateEvaluationContext.rich(state, nowMillis, zone)
              : StateEvaluationContext.poor(state, nowMillis, zone);
      Object result;
      try {
        result = expression.expression.evaluate(context);
      } catch (RuntimeException e) {
        return failed(expression, e);
      }
      if (!Values.truthy(result)) {
        return FilterResult.reject(
            "expression: \"%s\" is false (%s)"
                .formatted(expression.expression.text(), Values.pyStr(result)));
      }
    }
    return FilterResult.accept();
  }

  private FilterResult portRules(EventDelta delta, DeviceState state, long nowMillis, ZoneId zone) {
    Object old = delta.oldValue();
    Object now = delta.newValue();
    if (portValueTransition != null) {
      String why = portValueTransition.rejects(old, now);
      if (why != null) {
        return FilterResult.reject("port_value_transition: " + why);
      }
    }
    if (portValue != null && !portValue.matches(now)) {
      return FilterResult.reject(
          "port_value: %s is not %s".formatted(Values.pyRepr(now), portValue.describe()));
    }
    if (portValueExpression != null) {
      Object expected;
      try {
        expected =
            portValueExpression.expression.evaluate(
                StateEvaluationContext.rich(state, nowMillis, zone));
      } catch (RuntimeException e) {
        return failed(portValueExpression, e);
      }
      if (!Values.pyEquals(now, expected)) {
        return FilterResult.reject(
            "port_value: %s is not \"%s\" = %s"
                .formatted(
                    Values.pyRepr(now),
                    portValueExpression.expression.text(),
                    Values.pyRepr(expected)));
      }
    }
    return attrRules(portRules, delta);
  }

  private static FilterResult attrRules(List<AttrRule> rules, EventDelta delta) {
    for (AttrRule rule : rules) {
      Object old = delta.oldAttrs().get(rule.attr);
      Object now = delta.newAttrs().get(rule.attr);
      // reasons end up in logs: never show the value of a secret attribute
      boolean secret = isSecret(rule.attr);
      if (rule.transition != null) {
        String why = rule.transition.rejects(old, now);
        if (why != null) {
          return FilterResult.reject(
              rule.transitionKey + ": " + (secret ? "the transition does not match" : why));
        }
      }
      if (rule.plain != null && !rule.plain.matches(now)) {
        return FilterResult.reject(
            secret
                ? rule.plainKey + ": the value does not match"
                : "%s: %s is not %s"
                    .formatted(rule.plainKey, Values.pyRepr(now), rule.plain.describe()));
      }
    }
    return FilterResult.accept();
  }

  /**
   * Secret attribute names (D3): the part after the last {@code :} holds password or is wifi_key.
   */
  private static boolean isSecret(String attr) {
    String name = attr.substring(attr.lastIndexOf(':') + 1);
    return name.contains("password") || name.equals("wifi_key");
  }

  private static FilterResult failed(NamedExpression named, RuntimeException e) {
    String message =
        "%s \"%s\" failed: %s"
            .formatted(named.key, named.expression.text(), String.valueOf(e.getMessage()));
    return FilterResult.rejectWithWarning(named.key + ": evaluation failed", message);
  }

  private enum Kind {
    PORT("port_"),
    DEVICE("device_"),
    SLAVE("slave_");

    final String prefix;

    Kind(String prefix) {
      this.prefix = prefix;
    }
  }

  /** {@code new} must be py-equal to one of the values. */
  private record Matcher(List<@Nullable Object> accepted, boolean list) {
    boolean matches(@Nullable Object value) {
      for (Object candidate : accepted) {
        if (Values.pyEquals(candidate, value)) {
          return true;
        }
      }
      return false;
    }

    String describe() {
      return list
          ? "one of " + Values.pyRepr(accepted)
          : Values.pyRepr(accepted.isEmpty() ? null : accepted.get(0));
    }
  }

  /** {@code [from, to]}, each side a value or {@code "any"}. */
  private record Transition(@Nullable Object from, @Nullable Object to) {
    /** Why the pair does not match, or null when it does (spec 4.3). */
    @Nullable String rejects(@Nullable Object old, @Nullable Object now) {
      if (!isAny(from) && !Values.pyEquals(from, old)) {
        return "from %s, expected %s".formatted(Values.pyRepr(old), Values.pyRepr(from));
      }
      if (!isAny(to) && !Values.pyEquals(to, now)) {
        return "to %s, expected %s".formatted(Values.pyRepr(now), Values.pyRepr(to));
      }
      if (Values.pyEquals(old, now)) {
        return "no change (%s)".formatted(Values.pyRepr(now));
      }
      return null;
    }

    private static boolean isAny(@Nullable Object side) {
      return ANY.equals(side);
    }
  }

  private static final class AttrRule {
    final String attr;
    String plainKey = "";
    String transitionKey = "";
    @Nullable Matcher plain;
    @Nullable Transition transition;

    AttrRule(String attr) {
      this.attr = attr;
    }
  }

  private record NamedExpression(String key, Expression expression) {}

  private static final class IgnoreProblems implements FilterProblems {
    @Override
    public void problem(String key, String message) {}

    @Override
    public void warning(String key, String message) {}
  }

  private static final class Builder {
    final FilterProblems problems;
    final boolean richExpressionContext;
    final Set<String> types = new LinkedHashSet<>();
    @Nullable Transition portValueTransition;
    @Nullable Matcher portValue;
    @Nullable NamedExpression portValueExpression;
    @Nullable NamedExpression expression;
    final Map<Kind, Map<String, AttrRule>> rules = new LinkedHashMap<>();

    Builder(FilterProblems problems, boolean richExpressionContext) {
      this.problems = problems;
      this.richExpressionContext = richExpressionContext;
      for (Kind kind : Kind.values()) {
        rules.put(kind, new LinkedHashMap<>());
      }
    }

    void add(String key, @Nullable Object value) {
      switch (key) {
        case "type" -> addTypes(value);
        case "expression" -> {
          if (value instanceof String text) {
            expression = parse(key, text);
          } else if (value != null) {
            problems.problem(
                key, "must be an expression string (got %s)".formatted(Values.typeName(value)));
          }
        }
        case "port_value" -> {
          if (value instanceof String text) {
            portValueExpression = parse(key, text);
          } else if (value != null) {
            portValue = matcher(key, value);
          }
        }
        case "port_value_transition" -> portValueTransition = transition(key, value);
        default -> addAttrRule(key, value);
      }
    }

    private void addTypes(@Nullable Object value) {
      List<Object> names = new ArrayList<>();
      if (value instanceof String s) {
        if (!s.isEmpty()) {
          names.add(s);
        }
      } else if (value instanceof List<?> list) {
        names.addAll(list);
      } else if (value != null) {
        problems.problem(
            "type",
            "must be an event type or a list of event types (got %s)"
                .formatted(Values.typeName(value)));
        return;
      }
      for (int i = 0; i < names.size(); i++) {
        if (!(names.get(i) instanceof String name)) {
          problems.problem(
              "type[%d]".formatted(i),
              "must be an event type (got %s)".formatted(Values.typeName(names.get(i))));
          continue;
        }
        if (EventType.fromWireName(name).isEmpty()) {
          problems.warning(
              value instanceof List<?> ? "type[%d]".formatted(i) : "type",
              "\"%s\" is not an event type the handler publishes (%s): no event will match it"
                  .formatted(
                      name,
                      List.of(EventType.values()).stream()
                          .map(EventType::wireName)
                          .collect(Collectors.joining(", "))));
        }
        types.add(name);
      }
    }

    private void addAttrRule(String key, @Nullable Object value) {
      Kind kind = null;
      for (Kind k : Kind.values()) {
        if (key.startsWith(k.prefix)) {
          kind = k;
        }
      }
      if (kind == null) {
        problems.warning(
            key,
            "unknown filter key, ignored (expected type, port_value, port_value_transition,"
                + " expression, or port_<attr>, device_<attr>, slave_<attr> with an optional"
                + " _transition suffix)");
        return;
      }
      boolean isTransition =
          key.endsWith(TRANSITION) && key.length() > kind.prefix.length() + TRANSITION.length();
      String attr =
          isTransition
              ? key.substring(kind.prefix.length(), key.length() - TRANSITION.length())
              : key.substring(kind.prefix.length());
      if (attr.isEmpty()) {
        problems.warning(key, "names no attribute, ignored");
        return;
      }
      AttrRule rule = rules.get(kind).computeIfAbsent(attr, AttrRule::new);
      if (isTransition) {
        rule.transitionKey = key;
        rule.transition = transition(key, value);
      } else if (value != null) {
        rule.plainKey = key;
        rule.plain = matcher(key, value);
      }
    }

    private @Nullable Matcher matcher(String key, Object value) {
      if (value instanceof List<?> list) {
        List<@Nullable Object> accepted = new ArrayList<>(list.size());
        accepted.addAll(list);
        return new Matcher(Collections.unmodifiableList(accepted), true);
      }
      if (value instanceof Map<?, ?>) {
        problems.problem(
            key, "must be a value or a list of values (got %s)".formatted(Values.typeName(value)));
        return null;
      }
      List<@Nullable Object> single = new ArrayList<>(1);
      single.add(value);
      return new Matcher(Collections.unmodifiableList(single), false);
    }

    private @Nullable Transition transition(String key, @Nullable Object value) {
      if (value == null) {
        return null;
      }
      if (value instanceof List<?> list && list.size() == 2) {
        return new Transition(list.get(0), list.get(1));
      }
      problems.problem(
          key,
          "must be a two-element list [from, to] (got %s)"
              .formatted(
                  value instanceof List<?> list
                      ? "a list of %d elements".formatted(list.size())
                      : Values.typeName(value)));
      return null;
    }

    private @Nullable NamedExpression parse(String key, String text) {
      try {
        return new NamedExpression(key, Expression.parse(text));
      } catch (ExpressionSyntaxException e) {
        StringBuilder message = new StringBuilder("expression \"").append(text).append("\" ");
        message.append("does not parse: ").append(e.getMessage());
        if (e.position() > 0) {
          message.append(" (at position ").append(e.position());
          if (e.token() != null) {
            message.append(", near \"").append(e.token()).append('"');
          }
          message.append(')');
        }
        message.append(" [").append(e.code()).append(']');
        problems.problem(key, message.toString());
        return null;
      } catch (RuntimeException e) {
        problems.problem(
            key,
            "expression \"%s\" does not parse: %s".formatted(text, String.valueOf(e.getMessage())));
        return null;
      }
    }
  }
}
