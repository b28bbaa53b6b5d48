/**
 * The qToggle event sources, primary adapters: a client of a qToggle device's API that takes
 * snapshots and long-polls {@code GET /api/listen} (spec 2.1-2.7, 2.10), and a webhook receiver
 * that accepts the events a device pushes (spec 2.8). Both feed the core's {@code EventSink}; both
 * authenticate with qToggle's HS256 tokens.
 */
@NullMarked
package io.github.qtogglemqtt.adapter.source.qtoggle;

import org.jspecify.annotations.NullMarked;
