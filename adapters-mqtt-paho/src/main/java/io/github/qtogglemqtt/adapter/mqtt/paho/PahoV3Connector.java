package io.github.qtogglemqtt.adapter.mqtt.paho;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.error.PublishException;
import io.github.qtogglemqtt.core.model.InboundMessage;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.Availability;
import io.github.qtogglemqtt.core.port.out.Credentials;
import io.github.qtogglemqtt.core.spi.ConnectionLoop;
import io.github.qtogglemqtt.core.spi.MqttConnectionSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens MQTT 3.1.1 connections with Paho's {@code mqttv3} client. */
final class PahoV3Connector implements ConnectionLoop.Connector {
  private static final Logger log = LoggerFactory.getLogger(PahoV3Connector.class);

  /**
   * Paho's own in-flight limit. The shared loop never hands Paho more than this many unfinished
   * publishes, so Paho's "too many publishes in progress" (32202) cannot happen.
   */
  static final int MAX_INFLIGHT = 1000;

  private final MqttConnectionSettings settings;
  private final @Nullable SocketFactory socketFactory;
  private final String uri;

  PahoV3Connector(MqttConnectionSettings settings, @Nullable SocketFactory socketFactory) {
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
          new PublishException("cannot create the client: " + PahoReasons.v3(e), e));
    }
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(settings.cleanSession());
    options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    options.setConnectionTimeout(PahoReasons.seconds(settings.operationTimeout()));
    options.setAutomaticReconnect(false);
    options.setMaxInflight(MAX_INFLIGHT);
    String username = credentials.username();
    if (username != null && !username.isEmpty()) {
      options.setUserName(username);
      // MQTT 3.1.1 sends a password only with a user name (D2: the core reports it)
      if (credentials.password() != null) {
        options.setPassword(credentials.password().reveal().toCharArray());
      }
    }
    if (availability != null) {
      options.setWill(
          availability.topic(),
          availability.offlinePayload().getBytes(StandardCharsets.UTF_8),
          availability.qos(),
          true);
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
          public void connectionLost(Throwable cause) {
            lost.lost("connection lost: " + PahoReasons.v3(cause), cause);
            session.dispose();
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            session.dispatch(topic, message.getPayload(), message.isRetained());
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {
            // completion is reported to each publish's own listener
          }
        });
    try {
      client.connect(
          options,
          null,
          new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
              log.debug("connected to {}", uri);
              result.complete(session);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
              result.completeExceptionally(new PublishException(PahoReasons.v3(error), error));
              session.dispose();
            }
          });
    } catch (MqttException | RuntimeException e) {
      session.dispose();
      return CompletableFuture.failedFuture(new PublishException(PahoReasons.v3(e), e));
    }
    return result;
  }

  /** One connected Paho client. */
  private static final class Session implements ConnectionLoop.Session {
    private final MqttAsyncClient client;

    Session(MqttAsyncClient client) {
      this.client = client;
    }

    @Override
    public CompletableFuture<Void> publish(OutboundMessage message) {
      CompletableFuture<Void> result = new CompletableFuture<>();
      MqttMessage mqtt = new MqttMessage(message.payload());
      mqtt.setQos(message.qos());
      mqtt.setRetained(message.retain());
      try {
        client.publish(
            message.topic(),
            mqtt,
            null,
            new IMqttActionListener() {
              @Override
              public void onSuccess(IMqttToken token) {
                result.complete(null);
              }

              @Override
              public void onFailure(IMqttToken token, Throwable error) {
                result.completeExceptionally(
                    new PublishException(
                        "the broker did not take the message on %s: %s"
                            .formatted(message.topic(), PahoReasons.v3(error)),
                        error));
              }
            });
      } catch (MqttException | RuntimeException e) {
        result.completeExceptionally(
            new PublishException(
                "cannot publish on %s: %s".formatted(message.topic(), PahoReasons.v3(e)), e));
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
            new IMqttActionListener() {
              @Override
              public void onSuccess(IMqttToken token) {
                int[] granted = token.getGrantedQos();
                if (granted != null && granted.length > 0 && granted[0] >= 0x80) {
                  result.completeExceptionally(
                      new PublishException(
                          "the broker refused the subscription to %s (code %d)"
                              .formatted(topicFilter, granted[0]),
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
                        "cannot subscribe to %s: %s".formatted(topicFilter, PahoReasons.v3(error)),
                        error));
              }
            });
      } catch (MqttException | RuntimeException e) {
        subscribed.remove(entry);
        result.completeExceptionally(
            new PublishException(
                "cannot subscribe to %s: %s".formatted(topicFilter, PahoReasons.v3(e)), e));
      }
      return result;
    }

    /** Hands an arrived message to every subscription whose filter matches its topic. */
    void dispatch(String topic, byte[] payload, boolean retained) {
      InboundMessage message = new InboundMessage(topic, payload, retained);
      for (Subscribed entry : subscribed) {
        boolean matches;
        try {
          matches = MqttTopic.isMatched(entry.filter(), topic);
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
      return MAX_INFLIGHT;
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

    /** Releases the client's threads, away from Paho's own callback thread. */
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
