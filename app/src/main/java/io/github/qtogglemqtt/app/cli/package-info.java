/**
 * The command line (picocli): {@code run}, {@code render}, {@code check}, {@code version}. A thin
 * layer that maps options to settings, writes the user-facing output (UTF-8, whatever the locale)
 * and turns outcomes into exit statuses: 0 success, 2 configuration or usage error, 1 runtime
 * failure. The only package allowed to touch the standard streams.
 */
@NullMarked
package io.github.qtogglemqtt.app.cli;

import org.jspecify.annotations.NullMarked;
