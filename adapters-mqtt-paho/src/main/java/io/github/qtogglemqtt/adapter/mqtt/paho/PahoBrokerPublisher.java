package io.github.qtogglemqtt.adapter.mqtt.paho;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.InboundMessage;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.port.out.ConnectionListener;
import io.github.qtogglemqtt.core.spi.ConnectionLoop;
import io.github.qtogglemqtt.core.spi.MqttConnectionSettings;
import io.github.qtogglemqtt.core.spi.MqttConnectionSettings.MqttVersion;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import javax.net.SocketFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BrokerPublisher} on Eclipse Paho. Each connection attempt builds a new Paho client (the
 * client id is a template rendered per attempt) with in-memory persistence and Paho's own automatic
 * reconnect off: the shared {@link ConnectionLoop} reconnects, and keeps Paho's in-flight window
 * from overflowing.
 */
final class PahoBrokerPublisher implements BrokerPublisher {
  private static final Logger log = LoggerFactory.getLogger(PahoBrokerPublisher.class);

  private final MqttConnectionSettings settings;
  private final ConnectionLoop loop;

  PahoBrokerPublisher(MqttConnectionSettings settings) {
    this.settings = requireNonNull(settings, "settings is null");
    @Nullable SocketFactory socketFactory =
        settings.tls() == null ? null : PahoTls.socketFactory(settings.tls());
    if (settings.tls() != null && !settings.tls().verify()) {
      log.warn(
          "tls_verify is false for {}:{}: the broker's certificate and host name are not checked"
              + " (encryption only)",
          settings.server(),
          settings.port());
    }
    ConnectionLoop.Connector connector =
        settings.protocolVersion() == MqttVersion.V5
            ? new PahoV5Connector(settings, socketFactory)
            : new PahoV3Connector(settings, socketFactory);
    this.loop = new ConnectionLoop(settings, connector, RandomGenerator.getDefault());
  }

  @Override
  public void start(ConnectionListener listener) {
    log.info(
        "connecting to {}:{} with Paho (MQTT {})",
        settings.server(),
        settings.port(),
        settings.protocolVersion() == MqttVersion.V5 ? "5" : "3.1.1");
    loop.start(listener);
  }

  @Override
  public boolean isConnected() {
    return loop.isConnected();
  }

  @Override
  public CompletableFuture<Void> publish(OutboundMessage message) {
    return loop.publish(message);
  }

  @Override
  public void subscribe(String topicFilter, int qos, Consumer<InboundMessage> listener) {
    loop.subscribe(topicFilter, qos, listener);
  }

  @Override
  public void close() {
    loop.close();
  }
}
