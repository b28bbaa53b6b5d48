/**
 * Guice wiring at the composition root: the adapter registry built once from {@link
 * java.util.ServiceLoader}, the strict validation that asks every factory to parse its keys, and
 * the feature modules that select one adapter per role by the validated configuration.
 */
@NullMarked
package io.github.qtogglemqtt.app.wiring;

import org.jspecify.annotations.NullMarked;
