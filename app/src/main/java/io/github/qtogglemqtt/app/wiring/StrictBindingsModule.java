package io.github.qtogglemqtt.app.wiring;

import com.google.inject.AbstractModule;

/** Airlift's injector hygiene, plus {@code @Inject} required on constructors. */
final class StrictBindingsModule extends AbstractModule {
  @Override
  protected void configure() {
    binder().requireExplicitBindings();
    binder().disableCircularProxies();
    binder().requireAtInjectOnConstructors();
    binder().requireExactBindingAnnotations();
  }
}
