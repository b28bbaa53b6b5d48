/**
 * The exception hierarchy shared by the core and its adapters. Every exception is unchecked and
 * carries an {@link io.github.qtogglemqtt.core.error.ErrorKind} that decides retry, exit status and
 * metrics.
 */
@NullMarked
package io.github.qtogglemqtt.core.error;

import org.jspecify.annotations.NullMarked;
