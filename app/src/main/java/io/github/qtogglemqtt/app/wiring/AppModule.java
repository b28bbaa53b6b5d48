package io.github.qtogglemqtt.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;

/**
 * The application: installs the feature modules. Build it into an injector once, in {@code Main},
 * with {@code Stage.PRODUCTION}; nothing connects until the lifecycle starts.
 */
public final class AppModule extends AbstractModule {
  private final Launch launch;

  public AppModule(Launch launch) {
    this.launch = requireNonNull(launch, "launch is null");
  }

  @Override
  protected void configure() {
    install(new StrictBindingsModule());
    install(new ConfigModule(launch));
    install(new TemplatingModule());
    install(new BrokerModule());
    install(new MonitoringModule());
    install(new CoreModule());
    install(new EventSourceModule());
    install(new LifecycleModule());
  }
}
