package io.github.qtogglemqtt.core.filter;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.Event;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one event computes from the handler state (spec 3.2): the value pair, the old and new
 * attributes and their diff. Maps are unmodifiable and insertion-ordered; the diff maps follow the
 * fixed order of spec 3.3 (D13).
 *
 * @param event the event
 * @param oldValue the stored port value before the event (port events), else null
 * @param newValue the port value after the event (port events), else null
 * @param oldAttrs the attributes before the event
 * @param newAttrs the attributes after the event
 * @param changedAttrs attribute to a two-element list {@code [old, new]}
 * @param addedAttrs attribute to new value
 * @param removedAttrs attribute to old value
 */
public record EventDelta(
    Event event,
    @Nullable Object oldValue,
    @Nullable Object newValue,
    Map<String, @Nullable Object> oldAttrs,
    Map<String, @Nullable Object> newAttrs,
    Map<String, @Nullable Object> changedAttrs,
    Map<String, @Nullable Object> addedAttrs,
    Map<String, @Nullable Object> removedAttrs) {
  public EventDelta {
    requireNonNull(event, "event is null");
    requireNonNull(oldAttrs, "oldAttrs is null");
    requireNonNull(newAttrs, "newAttrs is null");
    requireNonNull(changedAttrs, "changedAttrs is null");
    requireNonNull(addedAttrs, "addedAttrs is null");
    requireNonNull(removedAttrs, "removedAttrs is null");
  }
}
