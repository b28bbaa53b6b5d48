package io.github.qtogglemqtt.adapter.mqtt.hivemq;

import static java.util.Objects.requireNonNull;

import com.hivemq.client.mqtt.MqttClientSslConfig;
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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BrokerPublisher} on the HiveMQ MQTT Client. Each connection attempt builds a new client
 * (the client id is a template rendered per attempt) without the library's automatic reconnect: the
 * shared {@link ConnectionLoop} reconnects, re-reading credentials and the last will before every
 * attempt. Publishes still unacknowledged when a connection breaks fail with a {@code
 * PublishException}, so the core's outbox publishes them again, in order, on the next connection:
 * nothing is silently discarded on reconnect.
 */
final class HiveMqBrokerPublisher implements BrokerPublisher {
  private static final Logger log = LoggerFactory.getLogger(HiveMqBrokerPublisher.class);

  private final MqttConnectionSettings settings;
  private final ConnectionLoop loop;

  HiveMqBrokerPublisher(MqttConnectionSettings settings) {
    this.settings = requireNonNull(settings, "settings is null");
    @Nullable MqttClientSslConfig ssl =
        settings.tls() == null ? null : HiveMqTls.sslConfig(settings.tls());
    if (settings.tls() != null && !settings.tls().verify()) {
      log.warn(
          "tls_verify is false for {}:{}: the broker's certificate and host name are not checked"
              + " (encryption only)",
          settings.server(),
          settings.port());
    }
    ConnectionLoop.Connector connector =
        settings.protocolVersion() == MqttVersion.V5
            ? new HiveMqV5Connector(settings, ssl)
            : new HiveMqV3Connector(settings, ssl);
    this.loop = new ConnectionLoop(settings, connector, RandomGenerator.getDefault());
  }

  @Override
  public void start(ConnectionListener listener) {
    log.info(
        "connecting to {}:{} with the HiveMQ client (MQTT {})",
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
