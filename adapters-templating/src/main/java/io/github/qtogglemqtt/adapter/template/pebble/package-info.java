/**
 * The Pebble adapter of the {@link io.github.qtogglemqtt.core.port.out.TemplateEngine} port,
 * configured and wrapped so that qToggle's Jinja2 templates render as Jinja2 renders them: a Jinja2
 * lexer that reports syntax errors with line and column and hands Pebble an equivalent source, a
 * Pebble extension with Jinja2's operators, statements, filters and tests, an attribute resolver
 * with Jinja2's {@code a.b} / {@code a['b']} rules, and Python's printing of values. Only the
 * factory is public.
 */
@NullMarked
package io.github.qtogglemqtt.adapter.template.pebble;

import org.jspecify.annotations.NullMarked;
