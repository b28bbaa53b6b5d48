package io.github.qtogglemqtt.core.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.qtogglemqtt.core.error.PublishException;
import io.github.qtogglemqtt.core.model.InboundMessage;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.model.Secret;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.BrokerPublisherFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The behaviour every {@link BrokerPublisher} adapter must show against a real broker, whatever
 * MQTT client library it wraps, so that a handler entry switches client by changing only {@code
 * client}. A subclass names the adapter ({@link #clientName()}, found through {@link
 * ServiceLoader}) and provides a {@link BrokerEnvironment} of real brokers (the it-tests use
 * mosquitto processes).
 *
 * <p>Not named {@code *Test}: only its subclasses run.
 */
public abstract class BrokerPublisherContract {

  /** The longest any single expectation waits. */
  protected static final Duration WAIT = Duration.ofSeconds(20);

  /** The brokers a {@link BrokerEnvironment} provides. */
  public enum Broker {
    /** Plain TCP, anonymous access. */
    PLAIN,
    /** TLS with a certificate for 127.0.0.1 and localhost, issued by the test CA. */
    TLS,
    /** TLS with a certificate for another host name, issued by the test CA. */
    TLS_WRONG_HOST,
    /** TLS that requires a client certificate issued by the test CA. */
    MUTUAL_TLS,
    /** Plain TCP with a password file and no anonymous access. */
    PASSWORD,
    /** Plain TCP, anonymous, that the tests stop, start and restart. */
    RESTARTABLE
  }

  /** Real brokers, as the contract needs them. */
  public interface BrokerEnvironment {
    /**
     * The connection keys of a handler entry ({@code server}, {@code port}, {@code tls_enable},
     * {@code tls_ca}) that reach the broker, which is running when this returns (except a stopped
     * {@link Broker#RESTARTABLE}).
     */
    Map<String, Object> keys(Broker broker);

    /** The {@code tls_cert} and {@code tls_key} keys of a client certificate of the test CA. */
    Map<String, Object> clientCertificateKeys();

    /** A user name and password the {@link Broker#PASSWORD} broker accepts. */
    Credentials validUser(String clientId);

    /**
     * An MQTT 5 subscriber on a plain broker ({@link Broker#PLAIN} or {@link Broker#RESTARTABLE}),
     * subscribed with QoS 2 when this returns.
     */
    Subscriber subscribe(Broker broker, String topicFilter);

    /** Connection keys that reach {@link Broker#PLAIN} through a TCP proxy. */
    Map<String, Object> proxyKeys();

    /** Closes every connection through the proxy abruptly (no MQTT DISCONNECT is sent). */
    void cutProxyConnections();

    /** Stops the {@link Broker#RESTARTABLE} broker; its port stays reserved. */
    void stop(Broker broker);

    /** Starts the {@link Broker#RESTARTABLE} broker on the same port (no-op when running). */
    void start(Broker broker);

    /** Kills the {@link Broker#RESTARTABLE} broker (SIGKILL: no clean shutdown). */
    void kill(Broker broker);

    /**
     * Stalls the {@link Broker#RESTARTABLE} broker (SIGSTOP): sockets stay open, nothing answers.
     */
    void pause(Broker broker);

    /** Resumes a stalled broker (SIGCONT). */
    void resume(Broker broker);
  }

  /** A test subscriber. */
  public interface Subscriber extends AutoCloseable {
    /** The next message received, waiting at most {@code timeout}; null when none came. */
    @Nullable Received next(Duration timeout);

    @Override
    void close();
  }

  /**
   * One message as a subscriber received it.
   *
   * @param messageExpirySeconds the remaining MQTT 5 message expiry, or -1 when none
   */
  public record Received(
      String topic,
      byte[] payload,
      int qos,
      boolean retain,
      @Nullable String contentType,
      long messageExpirySeconds,
      Map<String, String> userProperties) {
    /** The payload as UTF-8 text. */
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  /** The adapter's {@link BrokerPublisherFactory#name()}. */
  protected abstract String clientName();

  /** The brokers to test against. */
  protected abstract BrokerEnvironment environment();

  private final List<BrokerPublisher> publishers = new ArrayList<>();
  private final List<Subscriber> subscribers = new ArrayList<>();
  private final String prefix = "qtm-contract/" + UUID.randomUUID() + "/";

  @AfterEach
  void closeEverything() {
    publishers.forEach(BrokerPublisher::close);
    subscribers.forEach(Subscriber::close);
  }

  // ---- connecting -------------------------------------------------------------------------

  @Test
  void factory_discoveredByServiceLoader_withItsName() {
    assertThat(factory().name()).isEqualTo(clientName());
  }

  @ParameterizedTest(name = "protocol_version {0}")
  @CsvSource({"3", "5"})
  void start_noUsernameNoPassword_connects(int protocol) {
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher publisher = publisher(keys(Broker.PLAIN, "protocol_version", protocol));

    publisher.start(listener);

    listener.awaitConnected();
    assertThat(publisher.isConnected()).isTrue();
  }

  @Test
  void start_usernameWithoutPassword_connectsToAnonymousBroker() {
    Listener listener = new Listener(new Credentials(clientId(), "someone", null));
    BrokerPublisher publisher = publisher(keys(Broker.PLAIN));

    publisher.start(listener);

    listener.awaitConnected();
  }

  @Test
  void start_twice_throwsIllegalState() {
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher publisher = publisher(keys(Broker.PLAIN));
    publisher.start(listener);

    assertThatThrownBy(() -> publisher.start(listener)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void close_twiceAndBeforeStart_isHarmless() {
    BrokerPublisher unstarted = publisher(keys(Broker.PLAIN));
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher started = publisher(keys(Broker.PLAIN));
    started.start(listener);
    listener.awaitConnected();

    assertThatCode(
            () -> {
              unstarted.close();
              unstarted.close();
              started.close();
              started.close();
            })
        .doesNotThrowAnyException();
    assertThat(started.isConnected()).isFalse();
  }

  @Test
  void publish_beforeStart_failsWithPublishException() {
    BrokerPublisher publisher = publisher(keys(Broker.PLAIN));

    CompletableFuture<Void> result =
        publisher.publish(OutboundMessage.of(topic("x"), "p", 1, false));

    assertThat(failure(result)).isInstanceOf(PublishException.class);
  }

  @Test
  void publish_afterClose_failsWithPublishException() {
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher publisher = publisher(keys(Broker.PLAIN));
    publisher.start(listener);
    listener.awaitConnected();
    publisher.close();

    CompletableFuture<Void> result =
        publisher.publish(OutboundMessage.of(topic("x"), "p", 1, false));

    assertThat(failure(result)).isInstanceOf(PublishException.class);
  }

  // ---- publishing -------------------------------------------------------------------------

  @ParameterizedTest(name = "protocol_version {0}, qos {1}")
  @CsvSource({"3, 0", "3, 1", "3, 2", "5, 0", "5, 1", "5, 2"})
  void publish_eachQos_deliveredWithPayloadAndQos(int protocol, int qos) throws Exception {
    Subscriber subscriber = subscribe(Broker.PLAIN, topic("#"));
    BrokerPublisher publisher = connected(keys(Broker.PLAIN, "protocol_version", protocol));

    publisher
        .publish(OutboundMessage.of(topic("qos"), "héllo °C", qos, false))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);

    Received received = expectMessage(subscriber);
    assertThat(received.topic()).isEqualTo(topic("qos"));
    assertThat(received.text()).isEqualTo("héllo °C");
    assertThat(received.qos()).isEqualTo(qos);
    assertThat(received.retain()).isFalse();
  }

  @ParameterizedTest(name = "protocol_version {0}")
  @CsvSource({"3", "5"})
  void publish_manyQos1AtOnce_allDeliveredInOrderWithoutInflightErrors(int protocol)
      throws Exception {
    Subscriber subscriber = subscribe(Broker.PLAIN, topic("burst"));
    BrokerPublisher publisher = connected(keys(Broker.PLAIN, "protocol_version", protocol));
    int count = 1500;
    List<CompletableFuture<Void>> results = new ArrayList<>();

    for (int i = 0; i < count; i++) {
      results.add(publisher.publish(OutboundMessage.of(topic("burst"), "m" + i, 1, false)));
    }

    CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .get(WAIT.toSeconds() * 3, TimeUnit.SECONDS);
    for (int i = 0; i < count; i++) {
      assertThat(expectMessage(subscriber).text()).isEqualTo("m" + i);
    }
  }

  @Test
  void publish_retained_lateSubscriberGetsIt() throws Exception {
    BrokerPublisher publisher = connected(keys(Broker.PLAIN));

    publisher
        .publish(OutboundMessage.of(topic("state"), "on", 1, true))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    Subscriber late = subscribe(Broker.PLAIN, topic("state"));

    Received received = expectMessage(late);
    assertThat(received.text()).isEqualTo("on");
    assertThat(received.retain()).isTrue();
  }

  @Test
  void publish_protocol5Properties_seenByMqtt5Subscriber() throws Exception {
    Subscriber subscriber = subscribe(Broker.PLAIN, topic("v5"));
    BrokerPublisher publisher = connected(keys(Broker.PLAIN, "protocol_version", 5));
    Map<String, String> user = new LinkedHashMap<>();
    user.put("source", "qtoggle");
    user.put("device", "hall");
    OutboundMessage message =
        new OutboundMessage(
            topic("v5"),
            "{\"a\": 1}".getBytes(StandardCharsets.UTF_8),
            1,
            false,
            "application/json",
            3600,
            user);

    publisher.publish(message).get(WAIT.toSeconds(), TimeUnit.SECONDS);

    Received received = expectMessage(subscriber);
    assertThat(received.contentType()).isEqualTo("application/json");
    assertThat(received.messageExpirySeconds()).isBetween(3000L, 3600L);
    assertThat(received.userProperties()).containsExactlyEntriesOf(user);
  }

  // ---- availability -----------------------------------------------------------------------

  @ParameterizedTest(name = "protocol_version {0}")
  @CsvSource({"3", "5"})
  void availability_connectThenClose_retainedOnlineThenRetainedOffline(int protocol) {
    Availability availability = new Availability(topic("status"), "online", "offline", 1);
    Listener listener = new Listener(new Credentials(clientId(), null, null), availability);
    Subscriber early = subscribe(Broker.PLAIN, topic("status"));
    BrokerPublisher publisher = publisher(keys(Broker.PLAIN, "protocol_version", protocol));
    publisher.start(listener);
    listener.awaitConnected();
    assertThat(expectMessage(early).text()).isEqualTo("online");

    Received online = expectMessage(subscribe(Broker.PLAIN, topic("status")));
    assertThat(online.text()).isEqualTo("online");
    assertThat(online.retain()).isTrue();

    publisher.close();

    Received offline = expectMessage(subscribe(Broker.PLAIN, topic("status")));
    assertThat(offline.text()).isEqualTo("offline");
    assertThat(offline.retain()).isTrue();
  }

  @ParameterizedTest(name = "protocol_version {0}")
  @CsvSource({"3", "5"})
  void availability_connectionCutAbruptly_brokerPublishesLastWillThenOnlineAgain(int protocol) {
    Availability availability = new Availability(topic("status"), "online", "offline", 1);
    Listener listener = new Listener(new Credentials(clientId(), null, null), availability);
    Subscriber subscriber = subscribe(Broker.PLAIN, topic("status"));
    Map<String, Object> keys = new LinkedHashMap<>(environment().proxyKeys());
    keys.put("protocol_version", protocol);
    keys.put("reconnect_interval", 1);
    BrokerPublisher publisher = publisher(keys);
    publisher.start(listener);
    listener.awaitConnected();
    assertThat(expectMessage(subscriber).text()).isEqualTo("online");

    environment().cutProxyConnections();

    assertThat(expectMessage(subscriber).text()).isEqualTo("offline");
    listener.awaitDisconnected();
    listener.awaitConnected();
    assertThat(expectMessage(subscriber).text()).isEqualTo("online");
    assertThat(listener.credentialRequests()).isGreaterThanOrEqualTo(2);
  }

  // ---- subscribing (Home Assistant's birth message, issue 9) -----------------------------

  @ParameterizedTest(name = "protocol_version {0}")
  @CsvSource({"3", "5"})
  void subscribe_beforeStart_receivesMatchingMessagesAndIsRenewedAfterReconnect(int protocol)
      throws Exception {
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    Map<String, Object> keys = new LinkedHashMap<>(environment().proxyKeys());
    keys.put("protocol_version", protocol);
    keys.put("reconnect_interval", 1);
    BrokerPublisher publisher = publisher(keys);
    BlockingQueue<InboundMessage> inbox = new LinkedBlockingQueue<>();
    publisher.subscribe(topic("in/+"), 1, inbox::add);
    publisher.start(listener);
    listener.awaitConnected();

    publisher
        .publish(OutboundMessage.of(topic("in/a"), "one", 1, false))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    publisher
        .publish(OutboundMessage.of(topic("other"), "not for us", 1, false))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    InboundMessage first = inbox.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(first).isNotNull();
    assertThat(first.topic()).isEqualTo(topic("in/a"));
    assertThat(first.payloadText()).isEqualTo("one");

    environment().cutProxyConnections();
    listener.awaitDisconnected();
    listener.awaitConnected();
    publisher
        .publish(OutboundMessage.of(topic("in/b"), "two", 1, false))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);

    InboundMessage second = inbox.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(second).isNotNull();
    assertThat(second.payloadText()).isEqualTo("two");
    assertThat(inbox).isEmpty();
  }

  @Test
  void subscribe_retainedMessage_deliveredWithTheRetainFlag() throws Exception {
    BrokerPublisher setter = connected(keys(Broker.PLAIN));
    setter
        .publish(OutboundMessage.of(topic("birth"), "online", 1, true))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher publisher = publisher(keys(Broker.PLAIN));
    BlockingQueue<InboundMessage> inbox = new LinkedBlockingQueue<>();
    publisher.start(listener);
    listener.awaitConnected();

    publisher.subscribe(topic("birth"), 0, inbox::add);

    InboundMessage birth = inbox.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(birth).isNotNull();
    assertThat(birth.payloadText()).isEqualTo("online");
    assertThat(birth.retained()).isTrue();
  }

  // ---- TLS ------------------------------------------------------------------------------

  @ParameterizedTest(name = "protocol_version {0}")
  @CsvSource({"3", "5"})
  void tls_brokerCertificateOfTheGivenCa_connectsAndPublishes(int protocol) throws Exception {
    BrokerPublisher publisher = connected(keys(Broker.TLS, "protocol_version", protocol));

    assertThatCode(
            () ->
                publisher
                    .publish(OutboundMessage.of(topic("tls"), "secret", 1, false))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .doesNotThrowAnyException();
  }

  @Test
  void tls_wrongHostNameWithVerify_refused() {
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher publisher = publisher(keys(Broker.TLS_WRONG_HOST));

    publisher.start(listener);

    listener.awaitDisconnected();
    assertThat(listener.connections()).isZero();
    assertThat(publisher.isConnected()).isFalse();
  }

  @Test
  void tls_wrongHostNameWithoutVerify_connects() {
    BrokerPublisher publisher = connected(keys(Broker.TLS_WRONG_HOST, "tls_verify", false));

    assertThat(publisher.isConnected()).isTrue();
  }

  @Test
  void tls_noCaGivenForATestCaBroker_refusedBySystemTrust() {
    Map<String, Object> keys = keys(Broker.TLS);
    keys.remove("tls_ca");
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher publisher = publisher(keys);

    publisher.start(listener);

    listener.awaitDisconnected();
    assertThat(listener.connections()).isZero();
  }

  @ParameterizedTest(name = "protocol_version {0}")
  @CsvSource({"3", "5"})
  void mutualTls_withClientCertificate_connects(int protocol) {
    Map<String, Object> keys = keys(Broker.MUTUAL_TLS, "protocol_version", protocol);
    keys.putAll(environment().clientCertificateKeys());

    BrokerPublisher publisher = connected(keys);

    assertThat(publisher.isConnected()).isTrue();
  }

  @Test
  void mutualTls_withoutClientCertificate_refused() {
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher publisher = publisher(keys(Broker.MUTUAL_TLS));

    publisher.start(listener);

    listener.awaitDisconnected();
    assertThat(listener.connections()).isZero();
  }

  // ---- passwords --------------------------------------------------------------------------

  @ParameterizedTest(name = "protocol_version {0}")
  @CsvSource({"3", "5"})
  void password_right_connects(int protocol) {
    Listener listener = new Listener(environment().validUser(clientId()));
    BrokerPublisher publisher = publisher(keys(Broker.PASSWORD, "protocol_version", protocol));

    publisher.start(listener);

    listener.awaitConnected();
  }

  @ParameterizedTest(name = "protocol_version {0}")
  @CsvSource({"3", "5"})
  void password_wrong_refusedWithTheBrokersReasonAndWithoutThePassword(int protocol) {
    Credentials valid = environment().validUser(clientId());
    Listener listener =
        new Listener(new Credentials(valid.clientId(), valid.username(), Secret.of("Wr0ng-Pw")));
    BrokerPublisher publisher = publisher(keys(Broker.PASSWORD, "protocol_version", protocol));

    publisher.start(listener);

    String reason = listener.awaitDisconnected();
    assertThat(reason).containsPattern("(?i)not authori[sz]ed|bad user ?name or password");
    assertThat(reason).doesNotContain("Wr0ng-Pw");
    assertThat(listener.connections()).isZero();
  }

  @Test
  void password_anonymous_refused() {
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher publisher = publisher(keys(Broker.PASSWORD));

    publisher.start(listener);

    String reason = listener.awaitDisconnected();
    assertThat(reason).containsPattern("(?i)not authori[sz]ed|bad user ?name or password");
  }

  // ---- reconnecting -----------------------------------------------------------------------

  @Test
  void reconnect_brokerDownAtStart_connectsOnceItAppears() throws Exception {
    environment().stop(Broker.RESTARTABLE);
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher publisher = publisher(keys(Broker.RESTARTABLE, "reconnect_interval", 1));
    publisher.start(listener);

    String reason = listener.awaitDisconnected();
    assertThat(reason).isNotBlank();
    assertThat(failure(publisher.publish(OutboundMessage.of(topic("x"), "p", 1, false))))
        .isInstanceOf(PublishException.class);
    environment().start(Broker.RESTARTABLE);

    listener.awaitConnected();
    assertThat(listener.credentialRequests()).isGreaterThanOrEqualTo(2);
    Subscriber subscriber = subscribe(Broker.RESTARTABLE, topic("after"));
    publisher
        .publish(OutboundMessage.of(topic("after"), "back", 1, false))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(expectMessage(subscriber).text()).isEqualTo("back");
  }

  @Test
  void reconnect_brokerRestarted_connectedCalledAgain() {
    environment().start(Broker.RESTARTABLE);
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher publisher = publisher(keys(Broker.RESTARTABLE, "reconnect_interval", 1));
    publisher.start(listener);
    listener.awaitConnected();

    environment().stop(Broker.RESTARTABLE);
    listener.awaitDisconnected();
    assertThat(publisher.isConnected()).isFalse();
    environment().start(Broker.RESTARTABLE);

    listener.awaitConnected();
    assertThat(listener.connections()).isEqualTo(2);
    assertThat(publisher.isConnected()).isTrue();
  }

  @Test
  void reconnect_brokerKilled_connectedAgainOnceItIsBack() {
    environment().start(Broker.RESTARTABLE);
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher publisher = publisher(keys(Broker.RESTARTABLE, "reconnect_interval", 1));
    publisher.start(listener);
    listener.awaitConnected();

    environment().kill(Broker.RESTARTABLE);
    listener.awaitDisconnected();
    environment().start(Broker.RESTARTABLE);

    listener.awaitConnected();
    assertThat(publisher.isConnected()).isTrue();
  }

  @ParameterizedTest(name = "protocol_version {0}")
  @CsvSource({"3", "5"})
  void reconnect_brokerStalledBeyondKeepAlive_lossDetectedAndConnectedAgainAfterwards(int protocol)
      throws Exception {
    environment().start(Broker.RESTARTABLE);
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher publisher =
        publisher(
            keys(
                Broker.RESTARTABLE,
                "protocol_version",
                protocol,
                "keep_alive",
                1,
                "reconnect_interval",
                1,
                "timeout",
                2));
    publisher.start(listener);
    listener.awaitConnected();

    environment().pause(Broker.RESTARTABLE);
    try {
      CompletableFuture<Void> unacknowledged =
          publisher.publish(OutboundMessage.of(topic("stall"), "lost?", 1, false));
      assertThat(failure(unacknowledged))
          .as("a QoS 1 publish the stalled broker never acknowledges fails, so it can be retried")
          .isInstanceOf(PublishException.class);
      String reason = listener.awaitDisconnected();
      assertThat(reason).isNotBlank();
      assertThat(publisher.isConnected()).isFalse();
    } finally {
      environment().resume(Broker.RESTARTABLE);
    }

    listener.awaitConnected();
    Subscriber subscriber = subscribe(Broker.RESTARTABLE, topic("stall"));
    publisher
        .publish(OutboundMessage.of(topic("stall"), "alive", 1, false))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(expectMessage(subscriber).text()).isEqualTo("alive");
  }

  @ParameterizedTest(name = "protocol_version {0}")
  @CsvSource({"3", "5"})
  void connect_brokerStalledAtStart_attemptTimesOutThenConnectsAfterResume(int protocol) {
    environment().start(Broker.RESTARTABLE);
    environment().pause(Broker.RESTARTABLE);
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher publisher;
    try {
      publisher =
          publisher(
              keys(
                  Broker.RESTARTABLE,
                  "protocol_version",
                  protocol,
                  "reconnect_interval",
                  1,
                  "timeout",
                  1));
      publisher.start(listener);

      assertThat(listener.awaitDisconnected()).as("an attempt without CONNACK fails").isNotBlank();
      assertThat(listener.connections()).isZero();
    } finally {
      environment().resume(Broker.RESTARTABLE);
    }

    listener.awaitConnected();
    assertThat(publisher.isConnected()).isTrue();
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** The factory of {@link #clientName()}, found through {@link ServiceLoader}. */
  protected final BrokerPublisherFactory factory() {
    List<BrokerPublisherFactory> found =
        ServiceLoader.load(BrokerPublisherFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.name().equals(clientName()))
            .toList();
    assertThat(found).as("factories named %s", clientName()).hasSize(1);
    return found.getFirst();
  }

  /** A publisher of the adapter under test, closed after the test. */
  protected final BrokerPublisher publisher(Map<String, Object> keys) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("timeout", 5);
    entry.putAll(keys);
    BrokerPublisher publisher =
        factory().create(AdapterProperties.of("event_handlers[0]", entry), AdapterContext.system());
    publishers.add(publisher);
    return publisher;
  }

  private BrokerPublisher connected(Map<String, Object> keys) {
    Listener listener = new Listener(new Credentials(clientId(), null, null));
    BrokerPublisher publisher = publisher(keys);
    publisher.start(listener);
    listener.awaitConnected();
    return publisher;
  }

  private Map<String, Object> keys(Broker broker, Object... more) {
    Map<String, Object> keys = new LinkedHashMap<>(environment().keys(broker));
    for (int i = 0; i < more.length; i += 2) {
      keys.put((String) more[i], more[i + 1]);
    }
    return keys;
  }

  private Subscriber subscribe(Broker broker, String filter) {
    Subscriber subscriber = environment().subscribe(broker, filter);
    subscribers.add(subscriber);
    return subscriber;
  }

  private static Received expectMessage(Subscriber subscriber) {
    Received received = subscriber.next(WAIT);
    if (received == null) {
      return fail("no message within %s", WAIT);
    }
    return received;
  }

  private String topic(String name) {
    return prefix + name;
  }

  private static String clientId() {
    return "qtm-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static Throwable failure(CompletableFuture<Void> result) {
    try {
      result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      return fail("the publish did not fail but: %s", e);
    }
    return fail("the publish succeeded");
  }

  /** A recording {@link ConnectionListener}, as the core's handler would be one. */
  protected static final class Listener implements ConnectionListener {
    private final Credentials credentials;
    private final @Nullable Availability availability;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final AtomicInteger credentialRequests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();

    Listener(Credentials credentials) {
      this(credentials, null);
    }

    Listener(Credentials credentials, @Nullable Availability availability) {
      this.credentials = credentials;
      this.availability = availability;
    }

    @Override
    public Credentials credentials() {
      credentialRequests.incrementAndGet();
      return credentials;
    }

    @Override
    public @Nullable Availability availability() {
      return availability;
    }

    @Override
    public void connected() {
      connections.incrementAndGet();
      events.add("connected");
    }

    @Override
    public void disconnected(String reason, @Nullable Throwable cause, double retryInSeconds) {
      events.add("disconnected: " + reason);
    }

    int credentialRequests() {
      return credentialRequests.get();
    }

    int connections() {
      return connections.get();
    }

    /** Waits for the next "connected", skipping disconnections. */
    void awaitConnected() {
      List<String> seen = new ArrayList<>();
      while (true) {
        String event = poll();
        if (event == null) {
          fail("not connected within %s; events: %s", WAIT, seen);
        }
        if (event.equals("connected")) {
          return;
        }
        seen.add(event);
      }
    }

    /** Waits for the next disconnection and returns its reason. */
    String awaitDisconnected() {
      String event = poll();
      if (event == null) {
        return fail("no disconnection within %s", WAIT);
      }
      if (!event.startsWith("disconnected: ")) {
        return fail("expected a disconnection but got: %s", event);
      }
      return event.substring("disconnected: ".length());
    }

    private @Nullable String poll() {
      try {
        return events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return fail("interrupted");
      }
    }
  }
}
