package io.github.qtogglemqtt.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qtogglemqtt.app.fakes.FakeBrokerPublisherFactory;
import io.github.qtogglemqtt.core.error.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdapterRegistryTest {

  @Test
  void load_findsTheFactoriesRegisteredInMetaInfServices() {
    AdapterRegistry registry = AdapterRegistry.load(getClass().getClassLoader());

    assertThat(registry.publisherNames()).contains("fake");
    assertThat(registry.engineNames()).contains("fake");
    assertThat(registry.encoderNames()).contains("fake");
    assertThat(registry.sourceNames()).contains("fake");
  }

  @Test
  void constructor_twoFactoriesWithOneName_isRejected() {
    assertThatThrownBy(
            () ->
                new AdapterRegistry(
                    List.of(new FakeBrokerPublisherFactory(), new FakeBrokerPublisherFactory()),
                    List.of(),
                    List.of(),
                    List.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("two client adapters are named fake");
  }

  @Test
  void publisher_unknownName_listsTheAvailableNames() {
    AdapterRegistry registry =
        new AdapterRegistry(
            List.of(new FakeBrokerPublisherFactory()), List.of(), List.of(), List.of());

    assertThatThrownBy(() -> registry.publisher("event_handlers[0].client", "nope"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("event_handlers[0].client: unknown MQTT client \"nope\" (available: fake)");
  }
}
