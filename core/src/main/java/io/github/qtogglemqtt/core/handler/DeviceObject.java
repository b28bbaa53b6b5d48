package io.github.qtogglemqtt.core.handler;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The {@code device} of a device-update context (spec 6.6): the main device's attributes. */
final class DeviceObject extends ContextObject<DeviceObject> {
  private static final Table<DeviceObject> TABLE =
      new Table<DeviceObject>("device")
          .attribute("name", d -> d.attrs.get("name"))
          .attribute("display_name", d -> d.attrs.get("display_name"))
          .attribute("pretty_name", DeviceObject::prettyName)
          .attribute("attrs", d -> d.attrs)
          .method("get_pretty_name", DeviceObject::prettyName)
          .method("get_name", d -> d.attrs.get("name"))
          .method("get_attrs", d -> d.attrs)
          .method("get_attr", 1, 1, (d, args) -> d.attrs.get(stringArg("get_attr()", args, 0)));

  private final Map<String, @Nullable Object> attrs;

  DeviceObject(Map<String, @Nullable Object> attrs) {
    this.attrs = attrs;
  }

  @Override
  Table<DeviceObject> table() {
    return TABLE;
  }

  @Override
  DeviceObject self() {
    return this;
  }

  private @Nullable Object prettyName() {
    return attrs.get("display_name") instanceof String s && !s.isEmpty() ? s : attrs.get("name");
  }

  @Override
  public String pyStr() {
    return "device";
  }
}
