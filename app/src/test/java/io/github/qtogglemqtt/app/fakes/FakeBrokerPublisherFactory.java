package io.github.qtogglemqtt.app.fakes;

import io.github.qtogglemqtt.core.error.PublishException;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.port.out.ConnectionListener;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.BrokerPublisherFactory;
import java.util.concurrent.CompletableFuture;

/**
 * A publisher named {@code fake}: reads {@code server} (required) and {@code port}; never connects.
 */
public final class FakeBrokerPublisherFactory implements BrokerPublisherFactory {
  @Override
  public String name() {
    return "fake";
  }

  @Override
  public BrokerPublisher create(AdapterProperties properties, AdapterContext context) {
    properties.requireString("server");
    properties.intValue("port", 1883, 1, 65535);
    properties.secret("password");
    return new BrokerPublisher() {
      @Override
      public void start(ConnectionListener listener) {}

      @Override
      public boolean isConnected() {
        return false;
      }

      @Override
      public CompletableFuture<Void> publish(OutboundMessage message) {
        return CompletableFuture.failedFuture(new PublishException("fake: not connected", null));
      }

      @Override
      public void close() {}
    };
  }
}
