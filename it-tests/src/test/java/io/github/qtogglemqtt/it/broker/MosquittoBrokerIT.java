package io.github.qtogglemqtt.it.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.port.out.BrokerPublisherContract.Received;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The broker fixture does what outage tests rely on. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MosquittoBrokerIT {

  @Test
  void restart_withPersistence_samePortAndRetainedMessageKept() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.builder().persistence().start()) {
      int port = broker.port();
      publishRetained(broker, "fixture/state", "kept");

      broker.restart();

      assertThat(broker.port()).isEqualTo(port);
      try (TestSubscriber subscriber =
          TestSubscriber.subscribe(broker.host(), broker.port(), "fixture/state")) {
        Received received = subscriber.next(Duration.ofSeconds(20));
        assertThat(received).isNotNull();
        assertThat(received.text()).isEqualTo("kept");
        assertThat(received.retain()).isTrue();
      }
    }
  }

  @Test
  void kill_thenStart_acceptsConnectionsAgain() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.builder().start()) {
      broker.kill();
      assertThat(broker.isRunning()).isFalse();
      assertThat(accepts(broker)).isFalse();

      broker.start();

      assertThat(accepts(broker)).isTrue();
      publishRetained(broker, "fixture/after-kill", "ok");
    }
  }

  @Test
  void pause_thenResume_connectionsWaitThenWork() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.builder().start()) {
      broker.pause();
      MqttAsyncClient client =
          new MqttAsyncClient(broker.uri(), "paused-probe", new MemoryPersistence());
      try {
        IMqttToken token = client.connect(new MqttConnectOptions());
        boolean answered;
        try {
          token.waitForCompletion(2000);
          answered = true;
        } catch (MqttException e) {
          answered = false;
        }
        assertThat(answered).as("a stalled broker answers no CONNECT").isFalse();
      } finally {
        client.disconnectForcibly(0, 100, false);
        client.close(true);
      }

      broker.resume();

      publishRetained(broker, "fixture/after-pause", "ok");
    }
  }

  @Test
  void user_passwordFile_rightPasswordOnly() throws Exception {
    try (MosquittoBroker broker = MosquittoBroker.builder().user("u", "p w").start()) {
      MqttConnectOptions right = new MqttConnectOptions();
      right.setUserName("u");
      right.setPassword("p w".toCharArray());
      try (MqttClient client = new MqttClient(broker.uri(), "right", new MemoryPersistence())) {
        client.connect(right);
        assertThat(client.isConnected()).isTrue();
        client.disconnect();
      }
      try (MqttClient client = new MqttClient(broker.uri(), "anon", new MemoryPersistence())) {
        boolean refused;
        try {
          client.connect(new MqttConnectOptions());
          refused = false;
        } catch (MqttException e) {
          refused = true;
        }
        assertThat(refused).isTrue();
      }
    }
  }

  private static void publishRetained(MosquittoBroker broker, String topic, String text)
      throws MqttException {
    try (MqttClient client =
        new MqttClient(broker.uri(), "fixture-" + System.nanoTime(), new MemoryPersistence())) {
      client.connect();
      client.publish(topic, text.getBytes(StandardCharsets.UTF_8), 1, true);
      client.disconnect();
    }
  }

  private static boolean accepts(MosquittoBroker broker) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(broker.host(), broker.port()), 1000);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
