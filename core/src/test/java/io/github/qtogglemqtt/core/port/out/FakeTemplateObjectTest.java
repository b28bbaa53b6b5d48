package io.github.qtogglemqtt.core.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qtogglemqtt.core.model.Undefined;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeTemplateObjectTest {
  private final FakeTemplateObject port =
      FakeTemplateObject.builder("<Port temp>")
          .attribute("id", "temp")
          .attribute("unit", null)
          .method("get_id", "temp")
          .method("echo", args -> args.isEmpty() ? "none" : args.getFirst())
          .build();

  @Test
  void attribute_knownAndUnknown_returnValueOrUndefined() {
    assertThat(port.attribute("id")).isEqualTo("temp");
    assertThat(port.attribute("unit")).isNull();
    assertThat(port.attribute("nope")).isSameAs(Undefined.INSTANCE);
    assertThat(port.attributeNames()).containsExactly("id", "unit");
  }

  @Test
  void invoke_methods_dispatchByNameWithArguments() {
    assertThat(port.hasMethod("get_id")).isTrue();
    assertThat(port.hasMethod("id")).isFalse();
    assertThat(port.invoke("get_id", List.of())).isEqualTo("temp");
    assertThat(port.invoke("echo", Arrays.asList((Object) null))).isNull();
    assertThat(port.invoke("echo", List.of())).isEqualTo("none");
  }

  @Test
  void invoke_wrongArgumentsOrUnknownMethod_throwIllegalArgument() {
    assertThatThrownBy(() -> port.invoke("get_id", List.of(1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("takes no arguments");
    assertThatThrownBy(() -> port.invoke("get_display_name", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("get_display_name");
  }

  @Test
  void pyStr_isTheGivenText() {
    assertThat(port.pyStr()).isEqualTo("<Port temp>");
  }
}
