package io.github.qtogglemqtt.adapter.mqtt.hivemq;

import static java.util.Objects.requireNonNull;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuth;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3Connect;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3ConnectBuilder;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import io.github.qtogglemqtt.core.error.PublishException;
import io.github.qtogglemqtt.core.model.InboundMessage;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.Availability;
import io.github.qtogglemqtt.core.port.out.Credentials;
import io.github.qtogglemqtt.core.spi.ConnectionLoop;
import io.github.qtogglemqtt.core.spi.MqttConnectionSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens MQTT 3.1.1 connections with the HiveMQ client's {@code Mqtt3AsyncClient}. */
final class HiveMqV3Connector implements ConnectionLoop.Connector {
  private static final Logger log = LoggerFactory.getLogger(HiveMqV3Connector.class);

  private final MqttConnectionSettings settings;
  private final @Nullable MqttClientSslConfig ssl;

  HiveMqV3Connector(MqttConnectionSettings settings, @Nullable MqttClientSslConfig ssl) {
    this.settings = requireNonNull(settings, "settings is null");
    this.ssl = ssl;
  }

  @Override
  public CompletableFuture<ConnectionLoop.Session> connect(
      Credentials credentials,
      @Nullable Availability availability,
      ConnectionLoop.ConnectionLost lost) {
    AtomicBoolean established = new AtomicBoolean();
    Mqtt3AsyncClient client =
        HiveMqReasons.builder(settings, credentials.clientId(), ssl)
            .useMqttVersion3()
            // set on CONNACK, before the connect future completes, so no loss goes unreported
            .addConnectedListener(context -> established.set(true))
            .addDisconnectedListener(
                context -> {
                  if (context.getSource() != MqttDisconnectSource.USER
                      && established.compareAndSet(true, false)) {
                    lost.lost(
                        "connection lost: " + HiveMqReasons.describe(context.getCause()),
                        context.getCause());
                  }
                })
            .buildAsync();
    Mqtt3ConnectBuilder builder =
        Mqtt3Connect.builder()
            .cleanSession(settings.cleanSession())
            .keepAlive((int) settings.keepAlive().toSeconds());
    String username = credentials.username();
    if (username != null && !username.isEmpty()) {
      // MQTT 3.1.1 sends a password only with a user name (D2: the core reports it)
      var auth = Mqtt3SimpleAuth.builder().username(username);
      builder =
          builder.simpleAuth(
              credentials.password() == null
                  ? auth.build()
                  : auth.password(credentials.password().reveal().getBytes(StandardCharsets.UTF_8))
                      .build());
    }
    if (availability != null) {
      builder =
          builder.willPublish(
              Mqtt3Publish.builder()
                  .topic(availability.topic())
                  .payload(availability.offlinePayload().getBytes(StandardCharsets.UTF_8))
                  .qos(qos(availability.qos()))
                  .retain(true)
                  .build());
    }
    Session session = new Session(client);
    CompletableFuture<ConnectionLoop.Session> result =
        client
            .connect(builder.build())
            .handle(
                (connAck, error) -> {
                  if (error != null) {
                    throw new PublishException(HiveMqReasons.describe(error), error);
                  }
                  log.debug("connected to {}:{}", settings.server(), settings.port());
                  return (ConnectionLoop.Session) session;
                });
    result.whenComplete(
        (ignored, error) -> {
          if (result.isCancelled()) {
            client.disconnect(); // the loop gave up on this attempt
          }
        });
    return result;
  }

  static MqttQos qos(int qos) {
    MqttQos result = MqttQos.fromCode(qos);
    if (result == null) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2 (got %d)".formatted(qos));
    }
    return result;
  }

  /** One connected client. */
  private static final class Session implements ConnectionLoop.Session {
    private final Mqtt3AsyncClient client;

    Session(Mqtt3AsyncClient client) {
      this.client = client;
    }

    @Override
    public CompletableFuture<Void> publish(OutboundMessage message) {
      return client
          .publishWith()
          .topic(message.topic())
          .payload(message.payload())
          .qos(qos(message.qos()))
          .retain(message.retain())
          .send()
          .handle(
              (ignored, error) -> {
                if (error != null) {
                  throw new PublishException(
                      "the broker did not take the message on %s: %s"
                          .formatted(message.topic(), HiveMqReasons.describe(error)),
                      error);
                }
                return null;
              });
    }

    @Override
    public CompletableFuture<Void> subscribe(
        String topicFilter, int qos, Consumer<InboundMessage> listener) {
      return client
          .subscribeWith()
          .topicFilter(topicFilter)
          .qos(qos(qos))
          .callback(
              publish -> {
                try {
                  listener.accept(
                      new InboundMessage(
                          publish.getTopic().toString(),
                          publish.getPayloadAsBytes(),
                          publish.isRetain()));
                } catch (RuntimeException e) {
                  log.warn("a subscriber of {} failed: {}", topicFilter, e.toString());
                }
              })
          .send()
          .handle(
              (ack, error) -> {
                if (error != null) {
                  throw new PublishException(
                      "cannot subscribe to %s: %s"
                          .formatted(topicFilter, HiveMqReasons.describe(error)),
                      error);
                }
                if (ack != null && ack.getReturnCodes().stream().anyMatch(code -> code.isError())) {
                  throw new PublishException(
                      "the broker refused the subscription to %s (%s)"
                          .formatted(topicFilter, ack.getReturnCodes()),
                      null);
                }
                return null;
              });
    }

    @Override
    public void disconnect(Duration timeout) {
      try {
        client.disconnect().get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        log.debug("clean disconnect failed: {}", HiveMqReasons.describe(e.getCause()));
      }
    }
  }
}
