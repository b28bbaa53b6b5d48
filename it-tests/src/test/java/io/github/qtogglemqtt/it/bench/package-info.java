/**
 * The JMH suite of the per-event core path (issue 10): value-change events of a realistic device
 * through a dry-run handler with Pebble and Mustache, the pieces of that path alone, and a naive
 * baseline measured in the same run. Never run by surefire or failsafe (no class is named *Test or
 * *IT); the command is in the root README's Performance section.
 */
@NullMarked
package io.github.qtogglemqtt.it.bench;

import org.jspecify.annotations.NullMarked;
