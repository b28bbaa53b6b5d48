package io.github.qtogglemqtt.it.broker;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.github.qtogglemqtt.core.port.out.BrokerPublisherContract;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * An MQTT 5 subscriber (HiveMQ client) for tests: collects every message of its topic filter with
 * topic, payload, QoS, retain flag and MQTT 5 properties. Optionally a persistent session, for
 * outage tests that need "at least once" across broker restarts.
 */
public final class TestSubscriber implements BrokerPublisherContract.Subscriber {
  private final Mqtt5AsyncClient client;
  private final BlockingQueue<BrokerPublisherContract.Received> received =
      new LinkedBlockingQueue<>();

  private TestSubscriber(Mqtt5AsyncClient client) {
    this.client = client;
  }

  /** A clean-session subscriber, subscribed with QoS 2 when this returns. */
  public static TestSubscriber subscribe(String host, int port, String topicFilter) {
    return subscribe(host, port, topicFilter, "sub-" + UUID.randomUUID(), 0);
  }

  /**
   * A subscriber with a fixed client id and session expiry (seconds; 0 = clean), subscribed with
   * QoS 2 when this returns.
   */
  public static TestSubscriber subscribe(
      String host, int port, String topicFilter, String clientId, long sessionExpirySeconds) {
    Mqtt5AsyncClient client =
        MqttClient.builder()
            .useMqttVersion5()
            .identifier(clientId)
            .serverHost(host)
            .serverPort(port)
            .automaticReconnectWithDefaultConfig()
            .buildAsync();
    TestSubscriber subscriber = new TestSubscriber(client);
    client.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL, subscriber::onMessage);
    try {
      client
          .connectWith()
          .cleanStart(sessionExpirySeconds == 0)
          .sessionExpiryInterval(sessionExpirySeconds)
          .send()
          .get(20, TimeUnit.SECONDS);
      client
          .subscribeWith()
          .topicFilter(topicFilter)
          .qos(MqttQos.EXACTLY_ONCE)
          .send()
          .get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      client.disconnect();
      throw new IllegalStateException("the test subscriber cannot subscribe: " + e, e);
    }
    return subscriber;
  }

  private void onMessage(Mqtt5Publish publish) {
    Map<String, String> user = new LinkedHashMap<>();
    publish
        .getUserProperties()
        .asList()
        .forEach(p -> user.put(p.getName().toString(), p.getValue().toString()));
    received.add(
        new BrokerPublisherContract.Received(
            publish.getTopic().toString(),
            publish.getPayloadAsBytes(),
            publish.getQos().getCode(),
            publish.isRetain(),
            publish.getContentType().map(Object::toString).orElse(null),
            publish.getMessageExpiryInterval().isPresent()
                ? publish.getMessageExpiryInterval().getAsLong()
                : -1,
            java.util.Collections.unmodifiableMap(user)));
  }

  @Override
  public BrokerPublisherContract.@Nullable Received next(java.time.Duration timeout) {
    try {
      return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Every message received so far and not yet taken, as text. */
  public List<String> drainTexts() {
    List<BrokerPublisherContract.Received> all = new java.util.ArrayList<>();
    received.drainTo(all);
    return all.stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
  }

  @Override
  public void close() {
    try {
      client.disconnect().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the broker may be gone already
    }
  }
}
