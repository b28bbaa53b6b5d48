/**
 * Test-only adapters named {@code fake}, registered through {@code META-INF/services} of the test
 * class path, so that the app's configuration, validation, wiring and commands are exercised
 * without a broker or a template language.
 */
@NullMarked
package io.github.qtogglemqtt.app.fakes;

import org.jspecify.annotations.NullMarked;
