package io.github.qtogglemqtt.core.model;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An object of a template context that has methods and attributes: {@code port}, {@code device},
 * {@code slave}, {@code event} and {@code moment} (spec 6.6). Template engine adapters dispatch
 * through this interface, by name, without reflection: the method table lives in the core, once,
 * for every engine.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @since 0.1
 */
public interface TemplateObject {

  /**
   * An attribute read without a call: {@code event.old_value}, {@code moment.year}, and the
   * logic-less properties that stand for argument-free methods ({@code port.pretty_name}, see the
   * Mustache table in the templating README).
   *
   * @return the value (a JSON value or another template object), or {@link Undefined#INSTANCE} when
   *     there is no such attribute
   */
  @Nullable Object attribute(String name);

  /** The names {@link #attribute} knows, for engines that list properties. */
  Set<String> attributeNames();

  /** Whether {@code name} is a method templates may call, e.g. {@code get_pretty_value}. */
  boolean hasMethod(String name);

  /**
   * Calls a method as a template writes it: {@code port.get_pretty_value(old_value)}.
   *
   * @param args JSON values (or template objects) in call order
   * @return a JSON value or a template object
   * @throws IllegalArgumentException when there is no such method or the arguments do not fit it;
   *     the message is meant for the user (it becomes part of a rendering error)
   */
  @Nullable Object invoke(String name, List<@Nullable Object> args);

  /** What Python's {@code str()} prints for this object. */
  String pyStr();
}
