package io.github.qtogglemqtt.core.filter.expression;

import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an expression can see when it is evaluated (spec 4.5): the rich context of a {@code
 * port_value} expression or the poor one of an {@code expression} filter.
 */
public interface EvaluationContext {

  /** Whether the port is known to the handler (exists in its state). */
  boolean portKnown(String portId);

  /** Whether the port's stored {@code enabled} attribute is truthy. */
  boolean portEnabled(String portId);

  /** The port's value in this context (null when unknown or null). */
  @Nullable Object portValue(String portId);

  /**
   * The port's attributes, or null when this context has none (the poor context: every {@code
   * $id:attr} fails with "unavailable").
   */
  @Nullable Map<String, @Nullable Object> portAttrs(String portId);

  /**
   * The merged device attributes (spec 3.4: slave keys as {@code name:attr}), or null when this
   * context has none (the poor context).
   */
  @Nullable Map<String, @Nullable Object> deviceAttrs();

  /** Now, in milliseconds since the epoch. */
  long nowMillis();

  /** The zone of calendar functions. */
  ZoneId zone();
}
