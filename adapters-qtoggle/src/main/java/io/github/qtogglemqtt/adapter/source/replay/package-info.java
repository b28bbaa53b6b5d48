/**
 * The replay event source, a primary adapter: reads recorded qToggle events and device snapshots as
 * UTF-8 JSON lines from a file or stdin and pushes them into the core's {@code EventSink}, in
 * order, optionally paced and looped. The input of {@code render} and of {@code run --events}.
 */
@NullMarked
package io.github.qtogglemqtt.adapter.source.replay;

import org.jspecify.annotations.NullMarked;
