package io.github.qtogglemqtt.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.error.Problem;
import io.github.qtogglemqtt.core.error.PublishException;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BrokerPublisherFactory} must do, whatever its client library: be found by
 * {@link ServiceLoader} under its name, create a disconnected publisher from a handler entry
 * without I/O, report every bad connection key, and leave the core's keys unread. Subclasses name
 * the factory and the publisher class it creates.
 */
public abstract class BrokerPublisherFactoryContract {

  /** A new instance of the factory under test. */
  protected abstract BrokerPublisherFactory factory();

  /** The name users write as {@code client}. */
  protected abstract String expectedName();

  /** The class of the publishers it creates. */
  protected abstract Class<? extends BrokerPublisher> publisherType();

  @Test
  void serviceLoader_findsExactlyThisFactory_withItsName() {
    List<BrokerPublisherFactory> factories =
        ServiceLoader.load(BrokerPublisherFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();

    assertThat(factories).hasSize(1);
    assertThat(factories.getFirst()).isInstanceOf(factory().getClass());
    assertThat(factories.getFirst().name()).isEqualTo(expectedName());
  }

  @Test
  void create_onlyServer_returnsADisconnectedPublisher() throws Exception {
    AdapterProperties properties =
        AdapterProperties.of("event_handlers[0]", Map.of("server", "127.0.0.1"));

    try (BrokerPublisher publisher = factory().create(properties, AdapterContext.system())) {

      assertThat(publisher).isInstanceOf(publisherType());
      assertThat(publisher.isConnected()).isFalse();
      assertThat(properties.problems()).isEmpty();
      var result = publisher.publish(OutboundMessage.of("t", "p", 1, false));
      assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(PublishException.class);
    }
  }

  @Test
  void create_protocol5AndTls_returnsAPublisher() {
    AdapterProperties properties =
        AdapterProperties.of(
            "event_handlers[0]",
            Map.of(
                "server",
                "broker.example",
                "protocol_version",
                5L,
                "tls_enable",
                true,
                "tls_verify",
                false,
                "session_expiry",
                60L));

    try (BrokerPublisher publisher = factory().create(properties, AdapterContext.system())) {
      assertThat(publisher.isConnected()).isFalse();
    }
  }

  @Test
  void create_invalidValues_throwsWithEveryProblem() {
    AdapterProperties properties =
        AdapterProperties.of(
            "event_handlers[2]",
            Map.of("port", 70000L, "qos", 1L, "keep_alive", "long", "protocol_version", 4L));

    assertThatThrownBy(() -> factory().create(properties, AdapterContext.system()))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Problem::path)
                    .containsExactlyInAnyOrder(
                        "event_handlers[2].server",
                        "event_handlers[2].port",
                        "event_handlers[2].keep_alive",
                        "event_handlers[2].protocol_version"));
  }

  @Test
  void create_unknownAndCoreKeys_leftUnreadForTheCoreAndTheApp() {
    AdapterProperties properties =
        AdapterProperties.of(
            "event_handlers[0]",
            Map.of("server", "b", "qos", 2L, "topic", "t", "password", "p", "sever", "typo"));

    factory().create(properties, AdapterContext.system()).close();

    assertThat(properties.unreadKeys())
        .containsExactlyInAnyOrder("qos", "topic", "password", "sever");
  }
}
