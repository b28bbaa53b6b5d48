package io.github.qtogglemqtt.it.homeassistant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.qtogglemqtt.core.handler.EventHandler;
import io.github.qtogglemqtt.core.handler.GlobalSettings;
import io.github.qtogglemqtt.core.handler.HandlerSettings;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.port.out.BrokerPublisherContract.Received;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import io.github.qtogglemqtt.core.port.out.PortWriter;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.BrokerPublisherFactory;
import io.github.qtogglemqtt.core.spi.EventSourceFactory;
import io.github.qtogglemqtt.core.spi.JsonEncoderFactory;
import io.github.qtogglemqtt.core.spi.TemplateEngineFactory;
import io.github.qtogglemqtt.it.broker.MosquittoBroker;
import io.github.qtogglemqtt.it.broker.TestSubscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A handler with {@code homeassistant.enabled = true} against a real mosquitto broker, with each
 * MQTT client: what a late subscriber (Home Assistant starting after the bridge) finds retained,
 * validated against the fields Home Assistant requires per component.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HomeAssistantDiscoveryIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Duration QUIET = Duration.ofSeconds(2);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static MosquittoBroker broker;

  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final String prefix = "ha-it-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void startBroker() {
    broker = MosquittoBroker.builder().start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @AfterEach
  void closeEverything() throws Exception {
    for (AutoCloseable closeable : closeables.reversed()) {
      closeable.close();
    }
  }

  private static <T> T load(Class<T> type, String name, java.util.function.Function<T, String> n) {
    for (T factory : ServiceLoader.load(type)) {
      if (n.apply(factory).equals(name)) {
        return factory;
      }
    }
    throw new AssertionError("no %s named %s".formatted(type.getSimpleName(), name));
  }

  private EventHandler handler(String client, String homeassistant) {
    Map<String, @Nullable Object> entry = new LinkedHashMap<>();
    entry.put("server", broker.host());
    entry.put("port", broker.port());
    entry.put("client", client);
    entry.put("client_id", prefix + "-" + client);
    entry.put("topic", prefix + "/events");
    entry.put("qos", 1);
    entry.put("reconnect_interval", 1);
    try {
      entry.put("homeassistant", MAPPER.readValue(homeassistant, Map.class));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    AdapterContext context = AdapterContext.system();
    AdapterProperties properties = AdapterProperties.of("event_handlers[0]", entry);
    TemplateEngine engine =
        load(TemplateEngineFactory.class, "pebble", TemplateEngineFactory::name)
            .create(AdapterProperties.of("templates", Map.of()), context);
    HandlerSettings settings = HandlerSettings.parse(properties, "0", engine);
    BrokerPublisher publisher =
        load(BrokerPublisherFactory.class, client, BrokerPublisherFactory::name)
            .create(properties, context);
    assertThat(properties.problems()).isEmpty();
    JsonEncoder json =
        load(JsonEncoderFactory.class, "jackson", JsonEncoderFactory::name).create(context);
    EventHandler handler =
        new EventHandler(
            settings,
            GlobalSettings.none(),
            publisher,
            json,
            HandlerObserver.NONE,
            Clock.systemUTC(),
            ZoneOffset.UTC);
    closeables.add(handler);
    handler.start();
    return handler;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> object(String json) {
    try {
      return MAPPER.readValue(json, Map.class);
    } catch (Exception e) {
      throw new AssertionError(json, e);
    }
  }

  private DeviceSnapshot snapshot() {
    return new DeviceSnapshot(
        object(
            """
            {"name": "%s", "display_name": "Hall", "version": "0.24.1", "vendor": "qToggle"}"""
                .formatted(prefix)),
        List.of(
            object(
                """
                {"id": "temp", "type": "number", "writable": false, "enabled": true,
                 "value": 21.5, "unit": "°C"}"""),
            object(
                """
                {"id": "relay", "type": "boolean", "writable": true, "enabled": true,
                 "value": false, "display_name": "Lamp"}"""),
            object(
                """
                {"id": "level", "type": "number", "writable": true, "enabled": true, "value": 40,
                 "min": 0, "max": 100, "step": 5}"""),
            object(
                """
                {"id": "mode", "type": "number", "writable": true, "enabled": true, "value": 1,
                 "choices": [{"value": 1, "display_name": "eco"},
                             {"value": 2, "display_name": "comfort"}]}""")),
        List.of(),
        System.currentTimeMillis() / 1000.0);
  }

  private static Event event(String type, String params) {
    return Event.fromWire(type, object(params), System.currentTimeMillis() / 1000.0).orElseThrow();
  }

  /** Every message that arrives until none has for {@link #QUIET}, by topic (last wins). */
  private static Map<String, Received> collect(TestSubscriber subscriber) {
    Map<String, Received> byTopic = new LinkedHashMap<>();
    Received first = subscriber.next(WAIT);
    assertThat(first).as("a first message").isNotNull();
    byTopic.put(first.topic(), first);
    for (Received next = subscriber.next(QUIET); next != null; next = subscriber.next(QUIET)) {
      byTopic.put(next.topic(), next);
    }
    return byTopic;
  }

  private static void assertRequiredFields(String component, Map<String, @Nullable Object> config) {
    assertThat(config).containsKeys("name", "unique_id", "state_topic", "device", "origin");
    @SuppressWarnings("unchecked")
    Map<String, Object> device = (Map<String, Object>) config.get("device");
    @SuppressWarnings("unchecked")
    Map<String, Object> origin = (Map<String, Object>) config.get("origin");
    assertThat(device).containsKeys("identifiers", "name");
    assertThat(origin).containsKey("name");
    switch (component) {
      case "switch", "number" -> assertThat(config).containsKey("command_topic");
      case "select" -> assertThat(config).containsKeys("command_topic", "options");
      default -> assertThat(config).doesNotContainKey("command_topic");
    }
  }

  @ParameterizedTest(name = "client = {0}")
  @ValueSource(strings = {"paho", "hivemq"})
  void lateSubscriber_findsRetainedConfigsAndStates_removedPortCleared(String client)
      throws Exception {
    EventHandler handler =
        handler(
            client,
            """
            {"enabled": true, "commands": true, "discovery_prefix": "%s-ha"}"""
                .formatted(prefix));
    handler.snapshot(snapshot());
    handler.event(event("value-change", "{\"id\": \"relay\", \"value\": true}"));
    handler.event(event("port-remove", "{\"id\": \"level\"}"));
    assertThat(handler.awaitIdle(WAIT)).isTrue();

    Map<String, Received> retained;
    try (TestSubscriber late =
        TestSubscriber.subscribe(broker.host(), broker.port(), prefix + "-ha/#")) {
      retained = collect(late);
    }
    String node = prefix;
    assertThat(retained.keySet())
        .containsExactlyInAnyOrder(
            prefix + "-ha/sensor/" + node + "/temp/config",
            prefix + "-ha/switch/" + node + "/relay/config",
            prefix + "-ha/select/" + node + "/mode/config");
    for (Map.Entry<String, Received> e : retained.entrySet()) {
      assertThat(e.getValue().retain()).isTrue();
      String component = e.getKey().split("/")[1];
      assertRequiredFields(component, object(e.getValue().text()));
    }
    assertThat(object(retained.get(prefix + "-ha/sensor/" + node + "/temp/config").text()))
        .containsEntry("device_class", "temperature")
        .containsEntry("unique_id", "qtoggle_" + node + "_temp");

    Map<String, Received> states;
    try (TestSubscriber late =
        TestSubscriber.subscribe(broker.host(), broker.port(), prefix + "/+/state")) {
      states = collect(late);
    }
    assertThat(states.keySet())
        .containsExactlyInAnyOrder(
            prefix + "/temp/state", prefix + "/relay/state", prefix + "/mode/state");
    assertThat(states.get(prefix + "/relay/state").text()).isEqualTo("ON");
    assertThat(states.get(prefix + "/temp/state").text()).isEqualTo("21.5");
  }

  @ParameterizedTest(name = "client = {0}")
  @ValueSource(strings = {"paho", "hivemq"})
  void birthMessage_online_republishesTheConfigs(String client) throws Exception {
    String status = prefix + "/ha-status";
    EventHandler handler =
        handler(
            client,
            """
            {"enabled": true, "discovery_prefix": "%s-ha", "status_topic": "%s"}"""
                .formatted(prefix, status));
    handler.snapshot(snapshot());
    assertThat(handler.awaitIdle(WAIT)).isTrue();

    try (TestSubscriber subscriber =
        TestSubscriber.subscribe(broker.host(), broker.port(), prefix + "-ha/#")) {
      Map<String, Received> retained = collect(subscriber);
      assertThat(retained).hasSize(4);
      assertThat(retained.values()).allMatch(Received::retain);

      BrokerPublisher homeAssistant =
          load(BrokerPublisherFactory.class, client, BrokerPublisherFactory::name)
              .create(
                  AdapterProperties.of(
                      "ha",
                      Map.of(
                          "server",
                          broker.host(),
                          "port",
                          broker.port(),
                          "client_id",
                          prefix + "-home-assistant")),
                  AdapterContext.system());
      closeables.add(homeAssistant);
      BirthListener listener = new BirthListener(prefix + "-home-assistant");
      homeAssistant.start(listener);
      listener.awaitConnected();
      homeAssistant
          .publish(OutboundMessage.of(status, "online", 1, false))
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);

      // live deliveries of the re-published configs (retain flag cleared for live subscribers)
      Map<String, Received> again = collect(subscriber);
      assertThat(again.keySet()).containsExactlyInAnyOrderElementsOf(retained.keySet());
      for (Map.Entry<String, Received> e : again.entrySet()) {
        assertThat(e.getValue().text()).isEqualTo(retained.get(e.getKey()).text());
      }
    }
  }

  @ParameterizedTest(name = "client = {0}")
  @ValueSource(strings = {"paho", "hivemq"})
  void command_roundTripThroughTheSimulator_newValueComesBackAsTheState(String client)
      throws Exception {
    EventHandler handler =
        handler(
            client,
            """
            {"enabled": true, "commands": true, "discovery_prefix": "%s-ha",
             "state_base": "%s/sim"}"""
                .formatted(prefix, prefix));
    EventSource source =
        load(EventSourceFactory.class, "simulator", EventSourceFactory::name)
            .create(
                AdapterProperties.of("source", Map.of("interval", "1h", "name", prefix + "-sim")),
                AdapterContext.system(),
                handler);
    assertThat(source).isInstanceOf(PortWriter.class);
    handler.commandsTo((PortWriter) source);
    closeables.add(source);
    try (TestSubscriber states =
        TestSubscriber.subscribe(broker.host(), broker.port(), prefix + "/sim/relay/state")) {
      source.start();
      Received initial = states.next(WAIT);
      assertThat(initial).isNotNull();
      assertThat(initial.text()).isEqualTo("OFF");

      BrokerPublisher homeAssistant =
          load(BrokerPublisherFactory.class, client, BrokerPublisherFactory::name)
              .create(
                  AdapterProperties.of(
                      "ha",
                      Map.of(
                          "server",
                          broker.host(),
                          "port",
                          broker.port(),
                          "client_id",
                          prefix + "-commander")),
                  AdapterContext.system());
      closeables.add(homeAssistant);
      BirthListener listener = new BirthListener(prefix + "-commander");
      homeAssistant.start(listener);
      listener.awaitConnected();
      homeAssistant
          .publish(OutboundMessage.of(prefix + "/sim/relay/set", "maybe", 1, false))
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);
      homeAssistant
          .publish(OutboundMessage.of(prefix + "/sim/relay/set", "ON", 1, false))
          .get(WAIT.toSeconds(), TimeUnit.SECONDS);

      Received state = states.next(WAIT);
      assertThat(state).as("the state after the command").isNotNull();
      assertThat(state.text()).isEqualTo("ON");
      assertThat(state.retain()).isFalse(); // a live delivery; retained on the broker
      assertThat(states.next(QUIET)).as("the invalid command changed nothing").isNull();
    }
  }

  /** A minimal listener for the publisher that plays Home Assistant. */
  private static final class BirthListener
      implements io.github.qtogglemqtt.core.port.out.ConnectionListener {
    private final String clientId;
    private final java.util.concurrent.CountDownLatch connected =
        new java.util.concurrent.CountDownLatch(1);

    BirthListener(String clientId) {
      this.clientId = clientId;
    }

    @Override
    public io.github.qtogglemqtt.core.port.out.Credentials credentials() {
      return new io.github.qtogglemqtt.core.port.out.Credentials(clientId, null, null);
    }

    @Override
    public void connected() {
      connected.countDown();
    }

    @Override
    public void disconnected(String reason, @Nullable Throwable cause, double retryInSeconds) {}

    void awaitConnected() throws InterruptedException {
      assertThat(connected.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("connected").isTrue();
    }
  }
}
