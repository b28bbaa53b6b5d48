/**
 * The Guice-free service provider interface. Each adapter registers one factory per port kind in
 * {@code META-INF/services}; the app discovers them with {@link java.util.ServiceLoader} and
 * selects one by its stable {@code name()}.
 */
@NullMarked
package io.github.qtogglemqtt.core.spi;

import org.jspecify.annotations.NullMarked;
