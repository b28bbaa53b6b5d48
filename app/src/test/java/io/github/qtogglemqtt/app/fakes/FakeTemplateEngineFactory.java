package io.github.qtogglemqtt.app.fakes;

import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.TemplateEngineFactory;

/** A template engine named {@code fake}: every template renders as its own text. */
public final class FakeTemplateEngineFactory implements TemplateEngineFactory {
  @Override
  public String name() {
    return "fake";
  }

  @Override
  public TemplateEngine create(AdapterProperties properties, AdapterContext context) {
    return (key, source) -> templateContext -> source;
  }
}
