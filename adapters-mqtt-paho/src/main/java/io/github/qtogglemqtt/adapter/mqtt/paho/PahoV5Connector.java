package io.github.qtogglemqtt.adapter.mqtt.paho;

import static java.util.Objects.requireNonNull;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.eclipse.paho.mqttv5.common.util.MqttTopicValidator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens MQTT 5 connections with Paho's {@code mqttv5} client. */
final class PahoV5Connector implements ConnectionLoop.Connector {
  private static final Logger log = LoggerFactory.getLogger(PahoV5Connector.class);

  /** The most unfinished publishes handed to Paho, capped by the broker's Receive Maximum. */
  static final int MAX_INFLIGHT = 1000;

  private final MqttConnectionSettings settings;
  private final @Nullable SocketFactory socketFactory;
  private final String uri;

  PahoV5Connector(MqttConnectionSettings settings, @Nullable SocketFactory socketFactory) {
    this.settings = requireNonNull(settings, "settings is null");
    this.socketFactory = socketFactory;
    this.uri = PahoReasons.uri(settings);
  }

  @Override
  public CompletableFuture<ConnectionLoop.Session> connect(
      Credentials credentials,
      @Nullable Availability availability,
      ConnectionLoop.ConnectionLost lost) {
    CompletableFuture<ConnectionLoop.Session> result = new CompletableFuture<>();
    MqttAsyncClient client;
    try {
      client = new MqttAsyncClient(uri, credentials.clientId(), new MemoryPersistence());
    } catch (MqttException | IllegalArgumentException e) {
      return CompletableFuture.failedFuture(
          new PublishException("cannot create the client: " + PahoReasons.v5(e), e));
    }
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setCleanStart(settings.cleanSession());
    options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
    options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    options.setConnectionTimeout(PahoReasons.seconds(settings.operationTimeout()));
    options.setAutomaticReconnect(false);
    String username = credentials.username();
    if (username != null && !username.isEmpty()) {
      options.setUserName(username);
    }
    if (credentials.password() != null) {
      options.setPassword(credentials.password().reveal().getBytes(StandardCharsets.UTF_8));
    }
    if (availability != null) {
      options.setWill(
          availability.topic(),
          new MqttMessage(
              availability.offlinePayload().getBytes(StandardCharsets.UTF_8),
              availability.qos(),
              true,
              new MqttProperties()));
    }
    if (socketFactory != null) {
      options.setSocketFactory(socketFactory);
      options.setHttpsHostnameVerificationEnabled(settings.tls().verify());
    }
    Session session = new Session(client);
    // the loop cancels an attempt without CONNACK (Paho itself waits for it forever)
    result.whenComplete(
        (ignored, error) -> {
          if (result.isCancelled()) {
            session.dispose();
          }
        });
    client.setCallback(
        new MqttCallback() {
          @Override
          public void disconnected(MqttDisconnectResponse response) {
            String reason =
                response.getException() != null
                    ? PahoReasons.v5(response.getException())
                    : "%s (reason code %d)"
                        .formatted(
                            response.getReasonString() == null
                                ? "disconnected by the broker"
                                : response.getReasonString(),
                            response.getReturnCode());
            lost.lost("connection lost: " + reason, response.getException());
            session.dispose();
          }

          @Override
          public void mqttErrorOccurred(MqttException exception) {
            log.debug("MQTT error on {}: {}", uri, PahoReasons.v5(exception));
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            session.dispatch(topic, message.getPayload(), message.isRetained());
          }

          @Override
          public void deliveryComplete(IMqttToken token) {
            // completion is reported to each publish's own listener
          }

          @Override
          public void connectComplete(boolean reconnect, String serverUri) {
            // reported through the connect listener
          }

          @Override
          public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
          }
        });
    try {
      client.connect(
          options,
          null,
          new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              MqttProperties response = token.getResponseProperties();
              Integer receiveMaximum = response == null ? null : response.getReceiveMaximum();
              session.maxInflight =
                  Math.min(MAX_INFLIGHT, receiveMaximum == null ? 65535 : receiveMaximum);
              log.debug("connected to {} (in-flight window {})", uri, session.maxInflight);
              result.complete(session);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
              result.completeExceptionally(new PublishException(PahoReasons.v5(error), error));
              session.dispose();
            }
          });
    } catch (MqttException | RuntimeException e) {
      session.dispose();
      return CompletableFuture.failedFuture(new PublishException(PahoReasons.v5(e), e));
    }
    return result;
  }

  static MqttProperties properties(OutboundMessage message) {
    MqttProperties properties = new MqttProperties();
    if (message.contentType() != null) {
      properties.setContentType(message.contentType());
    }
    if (message.messageExpirySeconds() > 0) {
      properties.setMessageExpiryInterval(message.messageExpirySeconds());
    }
    if (!message.userProperties().isEmpty()) {
      List<UserProperty> user = new ArrayList<>();
      for (Map.Entry<String, String> e : message.userProperties().entrySet()) {
        user.add(new UserProperty(e.getKey(), e.getValue()));
      }
      properties.setUserProperties(user);
    }
    return properties;
  }

  /** One connected Paho client. */
  private static final class Session implements ConnectionLoop.Session {
    private final MqttAsyncClient client;
    private volatile int maxInflight = MAX_INFLIGHT;

    Session(MqttAsyncClient client) {
      this.client = client;
    }

    @Override
    public CompletableFuture<Void> publish(OutboundMessage message) {
      CompletableFuture<Void> result = new CompletableFuture<>();
      MqttMessage mqtt =
          new MqttMessage(message.payload(), message.qos(), message.retain(), properties(message));
      try {
        client.publish(
            message.topic(),
            mqtt,
            null,
            new MqttActionListener() {
              @Override
              public void onSuccess(IMqttToken token) {
                int[] codes = token.getReasonCodes();
                if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                  // a refusal, not an outage: sending it again would be refused again
                  result.completeExceptionally(
                      new PublishException(
                          ErrorKind.USER,
                          "the broker refused the message on %s (reason code %d)"
                              .formatted(message.topic(), codes[0]),
                          null));
                } else {
                  result.complete(null);
                }
              }

              @Override
              public void onFailure(IMqttToken token, Throwable error) {
                // MQTT 5 reason codes 0x80-0xFF are the broker's refusal; Paho's own are 32xxx
                boolean refused =
                    error instanceof MqttException e
                        && e.getReasonCode() >= 0x80
                        && e.getReasonCode() <= 0xFF;
                result.completeExceptionally(
                    new PublishException(
                        refused ? ErrorKind.USER : ErrorKind.EXTERNAL,
                        "the broker did not take the message on %s: %s"
                            .formatted(message.topic(), PahoReasons.v5(error)),
                        error));
              }
            });
      } catch (MqttException | RuntimeException e) {
        result.completeExceptionally(
            new PublishException(
                "cannot publish on %s: %s".formatted(message.topic(), PahoReasons.v5(e)), e));
      }
      return result;
    }

    /** Subscriptions of this connection, routed from the client's single message callback. */
    private final List<Subscribed> subscribed = new CopyOnWriteArrayList<>();

    private record Subscribed(String filter, Consumer<InboundMessage> listener) {}

    @Override
    public CompletableFuture<Void> subscribe(
        String topicFilter, int qos, Consumer<InboundMessage> listener) {
      CompletableFuture<Void> result = new CompletableFuture<>();
      Subscribed entry = new Subscribed(topicFilter, listener);
      subscribed.add(entry);
      try {
        client.subscribe(
            topicFilter,
            qos,
            null,
            new MqttActionListener() {
              @Override
              public void onSuccess(IMqttToken token) {
                int[] codes = token.getReasonCodes();
                if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                  result.completeExceptionally(
                      new PublishException(
                          "the broker refused the subscription to %s (reason code %d)"
                              .formatted(topicFilter, codes[0]),
                          null));
                  return;
                }
                result.complete(null);
              }

              @Override
              public void onFailure(IMqttToken token, Throwable error) {
                subscribed.remove(entry);
                result.completeExceptionally(
                    new PublishException(
                        "cannot subscribe to %s: %s".formatted(topicFilter, PahoReasons.v5(error)),
                        error));
              }
            });
      } catch (MqttException | RuntimeException e) {
        subscribed.remove(entry);
        result.completeExceptionally(
            new PublishException(
                "cannot subscribe to %s: %s".formatted(topicFilter, PahoReasons.v5(e)), e));
      }
      return result;
    }

    /** Hands an arrived message to every subscription whose filter matches its topic. */
    void dispatch(String topic, byte[] payload, boolean retained) {
      InboundMessage message = new InboundMessage(topic, payload, retained);
      for (Subscribed entry : subscribed) {
        boolean matches;
        try {
          matches = MqttTopicValidator.isMatched(entry.filter(), topic);
        } catch (IllegalArgumentException e) {
          matches = false;
        }
        if (matches) {
          try {
            entry.listener().accept(message);
          } catch (RuntimeException e) {
            log.warn("a subscriber of {} failed: {}", entry.filter(), e.toString());
          }
        }
      }
    }

    @Override
    public int maxInflight() {
      return maxInflight;
    }

    @Override
    public void disconnect(Duration timeout) {
      long millis = Math.max(1, timeout.toMillis());
      try {
        if (client.isConnected()) {
          client.disconnect(millis).waitForCompletion(millis);
        }
      } catch (MqttException | RuntimeException e) {
        log.debug("clean disconnect from {} failed: {}", client.getServerURI(), e.toString());
        try {
          client.disconnectForcibly(0, millis, false);
        } catch (MqttException | RuntimeException ignored) {
          // closing below anyway
        }
      }
      closeClient();
    }

    void dispose() {
      CompletableFuture.runAsync(
          () -> {
            try {
              client.disconnectForcibly(0, 1000, false);
            } catch (MqttException | RuntimeException ignored) {
              // not connected
            }
            closeClient();
          });
    }

    private void closeClient() {
      try {
        client.close(true);
      } catch (MqttException | RuntimeException e) {
        log.debug("closing the Paho client of {} failed: {}", client.getServerURI(), e.toString());
      }
    }
  }
}
