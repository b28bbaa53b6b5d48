package io.github.qtogglemqtt.adapter.mqtt.hivemq;

import static java.util.Objects.requireNonNull;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserProperties;
import com.hivemq.client.mqtt.mqtt5.datatypes.Mqtt5UserPropertiesBuilder;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubRecException;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuthBuilder;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5ConnectBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;
import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.PublishException;
import io.github.qtogglemqtt.core.model.InboundMessage;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.Availability;
import io.github.qtogglemqtt.core.port.out.Credentials;
import io.github.qtogglemqtt.core.spi.ConnectionLoop;
import io.github.qtogglemqtt.core.spi.MqttConnectionSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens MQTT 5 connections with the HiveMQ client's {@code Mqtt5AsyncClient}. */
final class HiveMqV5Connector implements ConnectionLoop.Connector {
  private static final Logger log = LoggerFactory.getLogger(HiveMqV5Connector.class);

  private final MqttConnectionSettings settings;
  private final @Nullable MqttClientSslConfig ssl;

  HiveMqV5Connector(MqttConnectionSettings settings, @Nullable MqttClientSslConfig ssl) {
    this.settings = requireNonNull(settings, "settings is null");
    this.ssl = ssl;
  }

  @Override
  public CompletableFuture<ConnectionLoop.Session> connect(
      Credentials credentials,
      @Nullable Availability availability,
      ConnectionLoop.ConnectionLost lost) {
    AtomicBoolean established = new AtomicBoolean();
    Mqtt5AsyncClient client =
        HiveMqReasons.builder(settings, credentials.clientId(), ssl)
            .useMqttVersion5()
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
    Mqtt5ConnectBuilder builder =
        Mqtt5Connect.builder()
            .cleanStart(settings.cleanSession())
            .sessionExpiryInterval(settings.sessionExpiry().toSeconds())
            .keepAlive((int) settings.keepAlive().toSeconds());
    String username = credentials.username();
    boolean hasUsername = username != null && !username.isEmpty();
    if (hasUsername || credentials.password() != null) {
      Mqtt5SimpleAuthBuilder.Complete auth = null;
      Mqtt5SimpleAuthBuilder start = Mqtt5SimpleAuth.builder();
      if (hasUsername) {
        auth = start.username(username);
      }
      if (credentials.password() != null) {
        byte[] password = credentials.password().reveal().getBytes(StandardCharsets.UTF_8);
        auth = auth == null ? start.password(password) : auth.password(password);
      }
      builder = builder.simpleAuth(requireNonNull(auth, "auth is null").build());
    }
    if (availability != null) {
      builder =
          builder.willPublish(
              Mqtt5Publish.builder()
                  .topic(availability.topic())
                  .payload(availability.offlinePayload().getBytes(StandardCharsets.UTF_8))
                  .qos(HiveMqV3Connector.qos(availability.qos()))
                  .retain(true)
                  .asWill()
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

  /** One connected client. */
  private static final class Session implements ConnectionLoop.Session {
    private final Mqtt5AsyncClient client;

    Session(Mqtt5AsyncClient client) {
      this.client = client;
    }

    @Override
    public CompletableFuture<Void> publish(OutboundMessage message) {
      Mqtt5PublishBuilder.Complete publish =
          Mqtt5Publish.builder()
              .topic(message.topic())
              .payload(message.payload())
              .qos(HiveMqV3Connector.qos(message.qos()))
              .retain(message.retain());
      if (message.contentType() != null) {
        publish = publish.contentType(message.contentType());
      }
      if (message.messageExpirySeconds() > 0) {
        publish = publish.messageExpiryInterval(message.messageExpirySeconds());
      }
      if (!message.userProperties().isEmpty()) {
        Mqtt5UserPropertiesBuilder user = Mqtt5UserProperties.builder();
        for (Map.Entry<String, String> e : message.userProperties().entrySet()) {
          user = user.add(e.getKey(), e.getValue());
        }
        publish = publish.userProperties(user.build());
      }
      return client
          .publish(publish.build())
          .handle(
              (result, error) -> {
                Throwable failure =
                    error != null ? error : result == null ? null : result.getError().orElse(null);
                if (failure != null) {
                  // a PUBACK/PUBREC with an error reason code is a refusal, not an outage
                  boolean refused =
                      failure instanceof Mqtt5PubAckException
                          || failure instanceof Mqtt5PubRecException;
                  throw new PublishException(
                      refused ? ErrorKind.USER : ErrorKind.EXTERNAL,
                      "the broker did not take the message on %s: %s"
                          .formatted(message.topic(), HiveMqReasons.describe(failure)),
                      failure);
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
          .qos(HiveMqV3Connector.qos(qos))
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
                if (ack != null && ack.getReasonCodes().stream().anyMatch(code -> code.isError())) {
                  throw new PublishException(
                      "the broker refused the subscription to %s (%s)"
                          .formatted(topicFilter, ack.getReasonCodes()),
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
