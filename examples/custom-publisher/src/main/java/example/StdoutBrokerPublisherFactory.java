package example;

import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.port.out.ConnectionListener;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.BrokerPublisherFactory;
import java.util.concurrent.CompletableFuture;

/**
 * A third-party MQTT "client" named {@code stdout}: prints each message ({@code topic payload})
 * instead of publishing it. Put its jar on the class path of the unchanged app and write {@code
 * client = "stdout"} in a handler entry.
 */
public final class StdoutBrokerPublisherFactory implements BrokerPublisherFactory {
  @Override
  public String name() {
    return "stdout";
  }

  @Override
  public BrokerPublisher create(AdapterProperties properties, AdapterContext context) {
    // Connection keys of a qtoggleserver.conf entry are accepted and ignored.
    properties.markRead(
        "server", "port", "tls_enable", "tls_verify", "tls_ca", "tls_cert", "tls_key",
        "reconnect_interval", "client_logging");
    String prefix = properties.string("prefix", "");
    properties.throwIfProblems();
    return new StdoutBrokerPublisher(prefix);
  }
}

/** Always "connected"; a message is complete once printed. */
final class StdoutBrokerPublisher implements BrokerPublisher {
  private final String prefix;
  private volatile boolean started;

  StdoutBrokerPublisher(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public void start(ConnectionListener listener) {
    if (started) {
      throw new IllegalStateException("started twice");
    }
    started = true;
    listener.credentials();
    listener.connected();
  }

  @Override
  public boolean isConnected() {
    return started;
  }

  @Override
  public synchronized CompletableFuture<Void> publish(OutboundMessage message) {
    System.out.println(prefix + message.topic() + " " + message.payloadText());
    System.out.flush();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void close() {
    started = false;
  }
}
