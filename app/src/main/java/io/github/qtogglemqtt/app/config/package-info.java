/**
 * Reading the HOCON configuration (a qtoggleserver.conf or our own file) into immutable records of
 * JSON values, in file order and with number fidelity, with secrets taken from files or the
 * environment and every structural problem collected. The only package that reads the environment.
 */
@NullMarked
package io.github.qtogglemqtt.app.config;

import org.jspecify.annotations.NullMarked;
