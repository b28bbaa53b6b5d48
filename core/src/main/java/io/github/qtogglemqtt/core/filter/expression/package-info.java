/**
 * The qToggle expression language (spec 5) used by filters ({@code port_value = "MUL($t, 10)"},
 * {@code expression = "GT($t1, 50)"}): parsed once when the configuration is loaded, evaluated
 * against an {@link io.github.qtogglemqtt.core.filter.expression.EvaluationContext} for each event.
 * Pure Java; time comes from the context, never from the system clock.
 */
@NullMarked
package io.github.qtogglemqtt.core.filter.expression;

import org.jspecify.annotations.NullMarked;
