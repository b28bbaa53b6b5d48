package io.github.qtogglemqtt.core.model;

/**
 * The value of a name that a template context or a {@link TemplateObject} does not have. Jinja2
 * prints it as an empty string; taking an attribute of it, subscripting or calling it is a
 * rendering error (spec 6.3).
 *
 * @since 0.1
 */
public enum Undefined {
  INSTANCE;

  @Override
  public String toString() {
    return "";
  }
}
