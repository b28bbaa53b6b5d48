package io.github.qtogglemqtt.core.spi;

import io.github.qtogglemqtt.core.port.out.JsonEncoder;

/**
 * Creates the {@link JsonEncoder} of the default payload. Registered in {@code
 * META-INF/services/io.github.qtogglemqtt.core.spi.JsonEncoderFactory}.
 *
 * @since 0.1
 */
public interface JsonEncoderFactory {

  /** Stable, lowercase id, e.g. {@code jackson}. */
  String name();

  /** Returns an encoder. No I/O. */
  JsonEncoder create(AdapterContext context);
}
