package io.github.qtogglemqtt.app.fakes;

import io.github.qtogglemqtt.core.model.Values;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.JsonEncoderFactory;

/** An encoder named {@code fake}: Python's repr, which is close enough for wiring tests. */
public final class FakeJsonEncoderFactory implements JsonEncoderFactory {
  @Override
  public String name() {
    return "fake";
  }

  @Override
  public JsonEncoder create(AdapterContext context) {
    return (value, nonFinite) -> Values.pyRepr(value);
  }
}
