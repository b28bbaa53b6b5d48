/**
 * The Jackson adapter of the {@link io.github.qtogglemqtt.core.port.out.JsonEncoder} port: writes
 * the default MQTT payload byte for byte as qToggle's Python add-on does (spec 7.7), with Jackson's
 * streaming generator, a fixed separator printer and ASCII-only lowercase escapes. Only the factory
 * is public.
 */
@NullMarked
package io.github.qtogglemqtt.adapter.template.jackson;

import org.jspecify.annotations.NullMarked;
