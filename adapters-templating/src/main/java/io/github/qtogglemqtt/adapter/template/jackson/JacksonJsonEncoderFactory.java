package io.github.qtogglemqtt.adapter.template.jackson;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.JsonEncoderFactory;

/**
 * Creates the Jackson {@link JsonEncoder} of the default payload (spec 7.7). Registered in {@code
 * META-INF/services}; its name is {@code jackson}.
 *
 * @since 0.1
 */
public final class JacksonJsonEncoderFactory implements JsonEncoderFactory {

  /** The name of this encoder. */
  public static final String NAME = "jackson";

  /** Used by {@link java.util.ServiceLoader}. */
  public JacksonJsonEncoderFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public JsonEncoder create(AdapterContext context) {
    requireNonNull(context, "context is null");
    return new JacksonJsonEncoder();
  }
}
