package io.github.qtogglemqtt.adapter.mqtt.hivemq;

import com.hivemq.client.mqtt.MqttClientBuilder;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5MessageException;
import io.github.qtogglemqtt.core.spi.MqttConnectionSettings;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** The HiveMQ client's exceptions in words (CONNACK reason code names), and the shared builder. */
final class HiveMqReasons {
  private HiveMqReasons() {}

  /** A client builder with the server, TLS and timeouts of the settings. */
  static MqttClientBuilder builder(
      MqttConnectionSettings settings, String clientId, @Nullable MqttClientSslConfig ssl) {
    long timeoutMillis = Math.max(1, settings.operationTimeout().toMillis());
    var transport =
        com.hivemq.client.mqtt.MqttClientTransportConfig.builder()
            .serverHost(settings.server())
            .serverPort(settings.port())
            // spec 7.4: the socket connect may take up to the keep-alive, the CONNACK the timeout
            .socketConnectTimeout(
                Math.max(timeoutMillis, settings.keepAlive().toMillis()), TimeUnit.MILLISECONDS)
            .mqttConnectTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
    if (ssl != null) {
      transport = transport.sslConfig(ssl);
    }
    return com.hivemq.client.mqtt.MqttClient.builder()
        .identifier(clientId)
        .transportConfig(transport.build());
  }

  /** An exception of the client in words: the CONNACK reason, or the exception's message. */
  static String describe(@Nullable Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e == null) {
      return "unknown error";
    }
    if (e instanceof Mqtt3ConnAckException connAck) {
      return "the broker refused the connection: %s"
          .formatted(words(connAck.getMqttMessage().getReturnCode().name()));
    }
    if (e instanceof Mqtt5ConnAckException connAck) {
      String reason = connAck.getMqttMessage().getReasonString().map(Object::toString).orElse(null);
      return "the broker refused the connection: %s%s"
          .formatted(
              words(connAck.getMqttMessage().getReasonCode().name()),
              reason == null ? "" : " (" + reason + ")");
    }
    if (e instanceof Mqtt5MessageException message) {
      return "%s: %s".formatted(e.getClass().getSimpleName(), message.getMqttMessage());
    }
    String text = e.getMessage();
    StringBuilder result = new StringBuilder(e.getClass().getSimpleName());
    if (text != null) {
      result.append(": ").append(text);
    }
    Throwable cause = e.getCause();
    if (cause != null
        && cause != e
        && cause.getMessage() != null
        && (text == null || !text.contains(cause.getMessage()))) {
      result
          .append(" (")
          .append(cause.getClass().getSimpleName())
          .append(": ")
          .append(cause.getMessage())
          .append(')');
    }
    return result.toString();
  }

  /** {@code NOT_AUTHORIZED} as {@code not authorized}. */
  static String words(String codeName) {
    return codeName.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
