/**
 * Filters over events (qToggle handler filters, spec section 4): compiled once from configuration,
 * evaluated as pure functions of the event and the handler state.
 */
@NullMarked
package io.github.qtogglemqtt.core.filter;

import org.jspecify.annotations.NullMarked;
