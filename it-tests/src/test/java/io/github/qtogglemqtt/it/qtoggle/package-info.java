/**
 * Integration tests of the qToggle event sources: a qToggle API double on the JDK HTTP server that
 * follows spec section 2 (tokens, access levels, listen sessions, queues, errors), and the
 * long-poll and webhook sources driven against it into a recording sink.
 */
@NullMarked
package io.github.qtogglemqtt.it.qtoggle;

import org.jspecify.annotations.NullMarked;
