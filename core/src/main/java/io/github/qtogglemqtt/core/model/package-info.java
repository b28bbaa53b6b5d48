/**
 * The event model and value types of the core: the nine qToggle event types as a sealed hierarchy,
 * device snapshots, outbound messages, and the JSON value model with Python semantics ({@link
 * io.github.qtogglemqtt.core.model.Values}). Pure values; no I/O.
 */
@NullMarked
package io.github.qtogglemqtt.core.model;

import org.jspecify.annotations.NullMarked;
