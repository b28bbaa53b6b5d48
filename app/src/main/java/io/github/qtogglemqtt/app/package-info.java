/**
 * The composition root: {@link io.github.qtogglemqtt.app.Main} parses the command line, builds the
 * one Guice injector and hands the assembled application to the command being run. Nothing outside
 * this package creates an injector or asks one for an instance.
 */
@NullMarked
package io.github.qtogglemqtt.app;

import org.jspecify.annotations.NullMarked;
