package io.github.qtogglemqtt.core.filter;

/**
 * Where {@link EventFilter#compile} reports what is wrong with a filter map. Keys are relative to
 * the filter ({@code port_value_transition}); the caller adds the path of the filter itself.
 */
public interface FilterProblems {

  /** A configuration error: the handler must not start. */
  void problem(String key, String message);

  /** Something suspicious that the original accepts silently (an unknown key, ...). */
  void warning(String key, String message);
}
