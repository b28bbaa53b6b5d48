package io.github.qtogglemqtt.core.handler;

import io.github.qtogglemqtt.core.model.Values;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The {@code port} of a port event's template context (spec 6.6): the port's attributes and current
 * value as the handler knows them after the event.
 */
final class PortObject extends ContextObject<PortObject> {
  private static final Object NO_OLD_VALUE = new Object();

  private static final Table<PortObject> TABLE =
      new Table<PortObject>("port")
          .attribute("id", p -> p.id)
          .attribute("type", p -> p.attrs.get("type"))
          .attribute("display_name", p -> p.attrs.get("display_name"))
          .attribute("unit", p -> p.attrs.get("unit"))
          .attribute("pretty_name", PortObject::prettyName)
          .attribute("pretty_value", p -> p.prettyValue(p.value))
          .attribute("pretty_old_value", PortObject::prettyOldValue)
          .attribute("value", p -> p.value)
          .attribute("attrs", p -> p.attrs)
          .attribute("enabled", p -> Values.truthy(p.attrs.get("enabled")))
          .attribute("writable", p -> Values.truthy(p.attrs.get("writable")))
          .attribute("internal", p -> Values.truthy(p.attrs.get("internal")))
          .attribute("integer", p -> Values.truthy(p.attrs.get("integer")))
          .method("get_id", p -> p.id)
          .method("get_type", p -> p.attrs.get("type"))
          .method("get_pretty_name", PortObject::prettyName)
          .method(
              "get_pretty_value",
              0,
              1,
              (p, args) -> args.isEmpty() ? p.prettyValue(p.value) : p.prettyValue(arg(args, 0)))
          .method("get_attr", 1, 1, (p, args) -> p.attrs.get(stringArg("get_attr()", args, 0)))
          .method("get_attrs", p -> p.attrs)
          .method("get_last_read_value", p -> p.value)
          .method("get_last_value", p -> p.value)
          .method("get_value", p -> p.value)
          .method("is_enabled", p -> Values.truthy(p.attrs.get("enabled")))
          .method("is_writable", p -> Values.truthy(p.attrs.get("writable")))
          .method("is_internal", p -> Values.truthy(p.attrs.get("internal")))
          .method("is_integer", p -> Values.truthy(p.attrs.get("integer")));

  private final String id;
  private final Map<String, @Nullable Object> attrs;
  private final @Nullable Object value;
  private final @Nullable Object oldValue;

  /**
   * @param oldValue the old value of a value-change (for {@code pretty_old_value}), or {@link
   *     #noOldValue()}
   */
  PortObject(
      String id,
      Map<String, @Nullable Object> attrs,
      @Nullable Object value,
      @Nullable Object oldValue) {
    this.id = id;
    this.attrs = attrs;
    this.value = value;
    this.oldValue = oldValue;
  }

  static Object noOldValue() {
    return NO_OLD_VALUE;
  }

  @Override
  Table<PortObject> table() {
    return TABLE;
  }

  @Override
  PortObject self() {
    return this;
  }

  private String prettyName() {
    return attrs.get("display_name") instanceof String s && !s.isEmpty() ? s : id;
  }

  private @Nullable Object prettyOldValue() {
    return oldValue == NO_OLD_VALUE
        ? io.github.qtogglemqtt.core.model.Undefined.INSTANCE
        : prettyValue(oldValue);
  }

  /**
   * {@code get_pretty_value(v)}: an explicit null is {@code "unknown"} (D20); choices by py-equal
   * value; booleans on/off; numbers as Python prints them; then the unit.
   */
  String prettyValue(@Nullable Object v) {
    if (v == null) {
      return "unknown";
    }
    String text = null;
    if (attrs.get("choices") instanceof List<?> choices && !choices.isEmpty()) {
      for (Object choice : choices) {
        if (choice instanceof Map<?, ?> c && Values.pyEquals(c.get("value"), v)) {
          text = Values.pyStr(c.get("display_name"));
          break;
        }
      }
    }
    if (text == null) {
      text =
          "boolean".equals(attrs.get("type")) ? (Values.truthy(v) ? "on" : "off") : Values.pyStr(v);
    }
    if (attrs.get("unit") instanceof String unit && !unit.isEmpty()) {
      text += unit;
    }
    return text;
  }

  @Override
  public String pyStr() {
    return "port " + id;
  }
}
