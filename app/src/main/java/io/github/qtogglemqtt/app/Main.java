package io.github.qtogglemqtt.app;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import io.github.qtogglemqtt.app.cli.Assembler;
import io.github.qtogglemqtt.app.cli.CommandLineApp;
import io.github.qtogglemqtt.app.cli.Console;
import io.github.qtogglemqtt.app.config.LogLevel;
import io.github.qtogglemqtt.app.lifecycle.Lifecycle;
import io.github.qtogglemqtt.app.wiring.AppModule;
import io.github.qtogglemqtt.app.wiring.Launch;
import io.github.qtogglemqtt.core.error.BridgeException;
import java.util.Collection;

/**
 * The entry point and the composition root: the only place that creates the injector and asks it
 * for an instance.
 */
public final class Main implements Assembler {

  private Main() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    LogLevel.apply(args);
    int status = CommandLineApp.create(new Main(), Console.system()).execute(args);
    System.exit(status);
  }

  @Override
  public Lifecycle assemble(Launch launch) {
    try {
      Injector injector = Guice.createInjector(Stage.PRODUCTION, new AppModule(launch));
      return injector.getInstance(Lifecycle.class);
    } catch (CreationException e) {
      throw unwrap(e.getErrorMessages(), e);
    } catch (ProvisionException e) {
      throw unwrap(e.getErrorMessages(), e);
    }
  }

  /** An adapter's own exception, when one caused Guice's failure; Guice's otherwise. */
  private static RuntimeException unwrap(Collection<Message> messages, RuntimeException guice) {
    for (Message message : messages) {
      Throwable cause = message.getCause();
      while (cause != null) {
        if (cause instanceof BridgeException bridge) {
          return bridge;
        }
        cause = cause.getCause();
      }
    }
    return guice;
  }
}
