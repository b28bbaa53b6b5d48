package io.github.qtogglemqtt.app.cli;

import io.github.qtogglemqtt.app.lifecycle.Lifecycle;
import io.github.qtogglemqtt.app.wiring.Launch;

/**
 * Builds the application from a validated launch: the composition root ({@code Main}) implements it
 * with the one injector, so that commands never see Guice.
 */
@FunctionalInterface
public interface Assembler {

  /**
   * Assembles, without starting anything.
   *
   * @throws io.github.qtogglemqtt.core.error.ConfigurationException when an adapter refuses its
   *     keys after all
   */
  Lifecycle assemble(Launch launch);
}
