/**
 * Running the assembled application: starting sources and handlers in order, closing them in
 * reverse, and observing what the core reports (logging each outcome at the level the spec gives,
 * printing dry-run messages).
 */
@NullMarked
package io.github.qtogglemqtt.app.lifecycle;

import org.jspecify.annotations.NullMarked;
