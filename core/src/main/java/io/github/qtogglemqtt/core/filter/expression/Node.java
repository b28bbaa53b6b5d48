package io.github.qtogglemqtt.core.filter.expression;

import io.github.qtogglemqtt.core.model.Values;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A node of a parsed expression. Evaluation returns a {@link Long}, {@link Double}, {@link Boolean}
 * (a port value stored as a boolean, which Python treats as 1/0) or, only for {@code @id}, the port
 * id {@link String}; it throws only {@link EvaluationException}.
 */
sealed interface Node
    permits Node.Literal,
        Node.Unavailable,
        Node.BigLiteral,
        Node.PortValue,
        Node.PortAttr,
        Node.PortRef,
        Node.DeviceAttr,
        Node.Call {

  Object eval(EvaluationContext context);

  /** A number literal ({@code true}/{@code false} are the integers 1/0). */
  record Literal(Object value, String source) implements Node {
    @Override
    public Object eval(EvaluationContext context) {
      return value;
    }

    @Override
    public String toString() {
      return source;
    }
  }

  /** The literal {@code unavailable}. */
  record Unavailable() implements Node {
    @Override
    public Object eval(EvaluationContext context) {
      throw Errors.unavailable("value is unavailable (literal \"unavailable\")");
    }

    @Override
    public String toString() {
      return "unavailable";
    }
  }

  /** An integer literal beyond 64 bits: Python would accept it, this language cannot compute it. */
  record BigLiteral(String source) implements Node {
    @Override
    public Object eval(EvaluationContext context) {
      throw Errors.arithmetic("integer literal %s does not fit in 64 bits".formatted(source));
    }

    @Override
    public String toString() {
      return source;
    }
  }

  /** {@code $id}, or {@code $} ("this port", which a filter does not have) when id is null. */
  record PortValue(@Nullable String portId) implements Node {
    @Override
    public Object eval(EvaluationContext context) {
      String id = portId;
      if (id == null) {
        throw Errors.unavailable("\"$\" refers to the expression's own port; a filter has none");
      }
      requireKnown(context, id);
      if (!context.portEnabled(id)) {
        throw Errors.unavailable("port \"%s\" is disabled".formatted(id));
      }
      Object value = context.portValue(id);
      if (value == null) {
        throw Errors.unavailable("port \"%s\" has no value".formatted(id));
      }
      if (value instanceof Boolean) {
        return value;
      }
      Object number = Values.normalizeNumber(value);
      if (number instanceof Long || number instanceof Double) {
        return number;
      }
      if (number instanceof BigInteger) {
        throw Errors.arithmetic("value of port \"%s\" does not fit in 64 bits".formatted(id));
      }
      throw Errors.other(
          "value of port \"%s\" is not a number (%s)".formatted(id, Values.typeName(value)));
    }

    @Override
    public String toString() {
      return portId == null ? "$" : "$" + portId;
    }
  }

  /** {@code $id:attr}, or {@code $:attr} (own port, never available in a filter). */
  record PortAttr(String portId, String attr) implements Node {
    @Override
    public Object eval(EvaluationContext context) {
      if (portId.isEmpty()) {
        throw Errors.unavailable(
            "\"$:%s\" refers to the expression's own port; a filter has none".formatted(attr));
      }
      requireKnown(context, portId);
      Map<String, @Nullable Object> attrs = context.portAttrs(portId);
      if (attrs == null) {
        throw Errors.unavailable(
            "port attribute \"%s:%s\" is unavailable: this context has no port attributes"
                .formatted(portId, attr));
      }
      Object value = attrs.get(attr);
      if (value == null) {
        throw Errors.unavailable("port attribute \"%s:%s\" is unavailable".formatted(portId, attr));
      }
      return attributeValue(value, "port attribute \"%s:%s\"".formatted(portId, attr));
    }

    @Override
    public String toString() {
      return "$" + portId + ":" + attr;
    }
  }

  /** {@code @id}: the port id, or {@code @} (own port) when id is null. */
  record PortRef(@Nullable String portId) implements Node {
    @Override
    public Object eval(EvaluationContext context) {
      String id = portId;
      if (id == null) {
        throw Errors.unavailable("\"@\" refers to the expression's own port; a filter has none");
      }
      requireKnown(context, id);
      return id;
    }

    @Override
    public String toString() {
      return portId == null ? "@" : "@" + portId;
    }
  }

  /** {@code #:attr} (main device, device null) or {@code #device:attr} (a slave device). */
  record DeviceAttr(@Nullable String device, String attr) implements Node {
    @Override
    public Object eval(EvaluationContext context) {
      Map<String, @Nullable Object> attrs = context.deviceAttrs();
      String key = device == null ? attr : device + ":" + attr;
      if (attrs == null) {
        throw Errors.unavailable(
            "device attribute \"%s\" is unavailable: this context has no device attributes"
                .formatted(toString()));
      }
      Object value = attrs.get(key);
      if (value == null) {
        throw Errors.unavailable("device attribute \"%s\" is unavailable".formatted(toString()));
      }
      return attributeValue(value, "device attribute \"%s\"".formatted(toString()));
    }

    @Override
    public String toString() {
      return "#" + (device == null ? "" : device) + ":" + attr;
    }
  }

  /** A function call; the function object holds the state of stateful functions. */
  record Call(String name, Function function, List<Node> args) implements Node {
    @Override
    public Object eval(EvaluationContext context) {
      return function.call(name, args, context);
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder(name).append('(');
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        out.append(args.get(i));
      }
      return out.append(')').toString();
    }
  }

  private static void requireKnown(EvaluationContext context, String portId) {
    if (!context.portKnown(portId)) {
      throw Errors.unavailable("unknown port \"%s\"".formatted(portId));
    }
  }

  /** Numbers and booleans as they are; anything else 1 if truthy, else 0 (spec 5.2). */
  private static Object attributeValue(Object value, String what) {
    if (value instanceof Boolean) {
      return value;
    }
    Object number = Values.normalizeNumber(value);
    if (number instanceof Long || number instanceof Double) {
      return number;
    }
    if (number instanceof BigInteger) {
      throw Errors.arithmetic("%s does not fit in 64 bits".formatted(what));
    }
    return Values.truthy(value) ? 1L : 0L;
  }
}
