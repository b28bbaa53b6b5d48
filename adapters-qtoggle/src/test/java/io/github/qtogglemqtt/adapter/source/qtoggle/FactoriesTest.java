package io.github.qtogglemqtt.adapter.source.qtoggle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.EventSourceFactory;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class FactoriesTest {
  private static final EventSink NOWHERE =
      new EventSink() {
        @Override
        public void snapshot(DeviceSnapshot snapshot) {}

        @Override
        public void event(Event event) {}
      };

  @Test
  void serviceLoader_findsEveryEventSourceFactory() {
    assertThat(ServiceLoader.load(EventSourceFactory.class).stream().map(p -> p.get().name()))
        .containsExactlyInAnyOrder("replay", "simulator", "qtoggle", "webhooks");
  }

  @Test
  void qtoggleConfig_defaults() {
    AdapterProperties props =
        AdapterProperties.of("qtoggle", Map.of("url", "http://hub:8888/api/", "password", "pw"));
    QToggleConfig config = QToggleConfig.from(props, AdapterContext.system());

    assertThat(props.problems()).isEmpty();
    assertThat(props.unreadKeys()).isEmpty();
    assertThat(config.api().base()).isEqualTo(URI.create("http://hub:8888"));
    assertThat(config.api().function("listen?timeout=1"))
        .isEqualTo(URI.create("http://hub:8888/api/listen?timeout=1"));
    assertThat(config.api().username()).isEqualTo("admin");
    assertThat(config.api().key().reveal())
        .isEqualTo(
            QToggleTokens.keyOfPassword(io.github.qtogglemqtt.core.model.Secret.of("pw")).reveal());
    assertThat(config.keepaliveSeconds()).isEqualTo(10);
    assertThat(config.listenReadTimeout()).hasSeconds(20);
    assertThat(config.api().retryInterval()).hasSeconds(5);
    assertThat(config.api().requestTimeout()).hasSeconds(10);
    assertThat(config.resyncEvents()).isTrue();
    assertThat(props.secretKeys()).contains("password");
  }

  @Test
  void qtoggleFactory_badKeys_reportsEveryProblemWithoutTheSecret() {
    Map<String, Object> keys = new HashMap<>();
    keys.put("url", "ftp://x");
    keys.put("username", "root");
    keys.put("password", "hunter2");
    keys.put("password_hash", "abc");
    keys.put("keepalive", 0);
    keys.put("resync_events", "maybe");

    assertThatThrownBy(
            () ->
                new QToggleEventSourceFactory()
                    .create(
                        AdapterProperties.of("qtoggle", keys), AdapterContext.system(), NOWHERE))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageNotContaining("hunter2")
        .satisfies(
            e ->
                assertThat(((ConfigurationException) e).problems())
                    .extracting(p -> p.path())
                    .containsExactlyInAnyOrder(
                        "qtoggle.url",
                        "qtoggle.username",
                        "qtoggle.password_hash",
                        "qtoggle.keepalive",
                        "qtoggle.resync_events"));
  }

  @Test
  void webhookConfig_defaultsAndApi() {
    AdapterProperties props =
        AdapterProperties.of(
            "source",
            Map.of(
                "listen", "0.0.0.0:9000",
                "path", "/hook/",
                "password", "pw",
                "url", "https://dev",
                "api_password", "admin-pw",
                "tls_verify", false));
    WebhookConfig config = WebhookConfig.from(props, AdapterContext.system());

    assertThat(props.problems()).isEmpty();
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.path()).isEqualTo("/hook");
    assertThat(config.maxBodyBytes()).isEqualTo(65536);
    assertThat(config.api()).isPresent();
    assertThat(config.api().get().tlsVerify()).isFalse();
  }

  @Test
  void webhookFactory_badListen_isAProblem() {
    assertThatThrownBy(
            () ->
                new WebhookEventSourceFactory()
                    .create(
                        AdapterProperties.of(
                            "source", Map.of("listen", "nowhere", "username", "admin")),
                        AdapterContext.system(),
                        NOWHERE))
        .isInstanceOf(ConfigurationException.class)
        .satisfies(
            e ->
                assertThat(((ConfigurationException) e).problems())
                    .extracting(p -> p.path())
                    .containsExactlyInAnyOrder("source.listen", "source.username"));
  }
}
