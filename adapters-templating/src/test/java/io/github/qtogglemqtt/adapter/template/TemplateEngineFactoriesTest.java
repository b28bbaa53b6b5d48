package io.github.qtogglemqtt.adapter.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.adapter.template.mustache.MustacheTemplateEngineFactory;
import io.github.qtogglemqtt.adapter.template.pebble.PebbleTemplateEngineFactory;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.TemplateEngineFactory;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Discovery and configuration of the template engine factories. */
class TemplateEngineFactoriesTest {

  private static List<TemplateEngineFactory> discovered() {
    return ServiceLoader.load(TemplateEngineFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .toList();
  }

  @Test
  void serviceLoader_findsExactlyPebbleAndMustache() {
    assertThat(discovered())
        .extracting(TemplateEngineFactory::name)
        .containsExactlyInAnyOrder("pebble", "mustache");
    assertThat(discovered())
        .filteredOn(f -> f.name().equals("pebble"))
        .singleElement()
        .isInstanceOf(PebbleTemplateEngineFactory.class);
    assertThat(discovered())
        .filteredOn(f -> f.name().equals("mustache"))
        .singleElement()
        .isInstanceOf(MustacheTemplateEngineFactory.class);
  }

  @Test
  void create_sameHandlerEntry_worksWithEitherEngine() {
    Map<String, Object> entry =
        Map.of("driver", "qtoggleserver.mqtt.MQTTEventHandler", "template_engine", "pebble");
    for (TemplateEngineFactory factory : discovered()) {
      AdapterProperties properties = AdapterProperties.of("event_handlers[0]", entry);
      TemplateEngine engine = factory.create(properties, AdapterContext.system());
      assertThat(
              engine
                  .compile("topic", "{{device_attrs.name}}")
                  .render(Map.of("device_attrs", Map.of("name", "hub"))))
          .as(factory.name())
          .isEqualTo("hub");
      assertThat(properties.problems()).as("no key of the entry is a problem").isEmpty();
    }
  }

  @Test
  void create_readsNoKey_soEveryKeyStaysUnread() {
    for (TemplateEngineFactory factory : discovered()) {
      AdapterProperties properties =
          AdapterProperties.of("event_handlers[0]", Map.of("no_such_key", 1L));
      factory.create(properties, AdapterContext.system());
      assertThat(properties.unreadKeys()).as(factory.name()).containsExactly("no_such_key");
      assertThat(properties.problems()).isEmpty();
    }
  }
}
