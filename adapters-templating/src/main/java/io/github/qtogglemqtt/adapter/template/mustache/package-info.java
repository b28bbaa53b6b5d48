/**
 * The Mustache.java adapter of the {@link io.github.qtogglemqtt.core.port.out.TemplateEngine} port:
 * logic-less templates with dotted paths, sections and inverted sections over the same context the
 * Jinja2 engine sees, without HTML escaping and with Python's printing of values. Template objects
 * ({@code port}, {@code device}, ...) are read through their attributes, since Mustache cannot call
 * methods. Only the factory is public.
 */
@NullMarked
package io.github.qtogglemqtt.adapter.template.mustache;

import org.jspecify.annotations.NullMarked;
