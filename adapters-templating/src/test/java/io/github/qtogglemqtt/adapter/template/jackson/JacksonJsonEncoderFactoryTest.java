package io.github.qtogglemqtt.adapter.template.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.JsonEncoderFactory;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class JacksonJsonEncoderFactoryTest {

  @Test
  void serviceLoader_findsExactlyTheJacksonFactory() {
    List<JsonEncoderFactory> factories =
        ServiceLoader.load(JsonEncoderFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList();

    assertThat(factories).hasSize(1);
    assertThat(factories.getFirst()).isInstanceOf(JacksonJsonEncoderFactory.class);
    assertThat(factories.getFirst().name()).isEqualTo("jackson");
  }

  @Test
  void create_returnsAWorkingEncoder() {
    assertThat(new JacksonJsonEncoderFactory().create(AdapterContext.system()).encode(1L))
        .isEqualTo("1");
  }
}
