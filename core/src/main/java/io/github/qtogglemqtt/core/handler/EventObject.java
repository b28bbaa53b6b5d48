package io.github.qtogglemqtt.core.handler;

import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.TemplateObject;
import io.github.qtogglemqtt.core.model.Undefined;
import io.github.qtogglemqtt.core.model.ValueChange;
import org.jspecify.annotations.Nullable;

/**
 * The {@code event} of a template context (spec 6.6). A value-change event also exposes {@code
 * old_value} and {@code new_value}: the event's own params, which may differ from the context's
 * {@code old_value} (spec 3.2).
 */
final class EventObject extends ContextObject<EventObject> {
  private static final Table<EventObject> TABLE =
      new Table<EventObject>("event")
          .attribute("type", e -> e.event.type().wireName())
          .attribute("timestamp", e -> e.timestamp())
          .attribute("params", e -> e.event.params())
          .attribute("old_value", e -> e.valueChangeParam("old_value"))
          .attribute("new_value", e -> e.valueChangeParam("value"))
          .attribute("port", e -> e.subject(true))
          .attribute("slave", e -> e.subject(false))
          .method("get_type", e -> e.event.type().wireName())
          .method("get_timestamp", e -> e.timestamp())
          .method("get_params", e -> e.event.params())
          .method("get_port", e -> e.requireSubject(true, "get_port"))
          .method("get_slave", e -> e.requireSubject(false, "get_slave"));

  private final Event event;
  private final @Nullable TemplateObject port;
  private final @Nullable TemplateObject slave;

  EventObject(Event event, @Nullable TemplateObject port, @Nullable TemplateObject slave) {
    this.event = event;
    this.port = port;
    this.slave = slave;
  }

  @Override
  Table<EventObject> table() {
    return TABLE;
  }

  @Override
  EventObject self() {
    return this;
  }

  private Object timestamp() {
    return event.timestamp() == 0 ? (Object) 0L : (Object) event.timestamp();
  }

  private @Nullable Object valueChangeParam(String key) {
    return event instanceof ValueChange vc ? vc.params().get(key) : Undefined.INSTANCE;
  }

  private Object subject(boolean isPort) {
    TemplateObject subject = isPort ? port : slave;
    return subject == null ? Undefined.INSTANCE : subject;
  }

  private Object requireSubject(boolean isPort, String method) {
    TemplateObject subject = isPort ? port : slave;
    if (subject == null) {
      throw new IllegalArgumentException(
          "a %s event has no method %s()".formatted(event.type().wireName(), method));
    }
    return subject;
  }

  @Override
  public String pyStr() {
    return event.type().wireName() + " event";
  }
}
