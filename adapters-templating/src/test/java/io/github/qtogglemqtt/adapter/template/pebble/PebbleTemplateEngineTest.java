package io.github.qtogglemqtt.adapter.template.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.TemplateException;
import io.github.qtogglemqtt.core.port.out.FakeTemplateObject;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.port.out.TemplateEngineContract;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PebbleTemplateEngineTest extends TemplateEngineContract {

  @Override
  protected TemplateEngine engine() {
    return new PebbleTemplateEngineFactory()
        .create(AdapterProperties.of("event_handlers[0]", Map.of()), AdapterContext.system());
  }

  @Override
  protected BrokenTemplate brokenTemplate() {
    return new BrokenTemplate("qtoggle/{{device_attrs.name}}\n{{ a + }}", 2, 8);
  }

  private String render(String source, Map<String, @Nullable Object> context) {
    return engine().compile("k", source).render(context);
  }

  private static Map<String, @Nullable Object> portContext() {
    FakeTemplateObject port =
        FakeTemplateObject.builder("<Port temp>")
            .method("get_id", "temp")
            .method("get_pretty_name", "Temperature")
            .method(
                "get_pretty_value",
                args ->
                    args.isEmpty()
                        ? "21.5°C"
                        : args.getFirst() == null ? "unknown" : args.getFirst() + "°C")
            .build();
    Map<String, @Nullable Object> context = new LinkedHashMap<>();
    context.put("port", port);
    context.put("old_value", 20.0);
    context.put("new_value", null);
    context.put("device_attrs", new LinkedHashMap<>(Map.of("shed:online", true, "items", 3L)));
    return context;
  }

  @Test
  void render_methodCallsWithArguments_dispatchToTheTemplateObject() {
    assertThat(
            render(
                "{{port.get_pretty_name()}} is {{port.get_pretty_value()}} (was"
                    + " {{port.get_pretty_value(old_value)}}, {{port.get_pretty_value(new_value)}})",
                portContext()))
        .isEqualTo("Temperature is 21.5°C (was 20.0°C, unknown)");
    assertThat(render("{{port.get_id() if port else ''}}", portContext())).isEqualTo("temp");
  }

  @Test
  void render_subscriptReachesKeysTheDotFormCannot() {
    assertThat(render("{{device_attrs['shed:online']}}", portContext())).isEqualTo("True");
    assertThat(render("{{device_attrs['items']}}", portContext())).isEqualTo("3");
    assertThat(render("{{device_attrs.items}}", portContext()))
        .startsWith("<built-in method items");
  }

  @Test
  void render_missingMethod_throwsUserTemplateExceptionWithLine() {
    TemplateException error =
        catchThrowableOfType(
            TemplateException.class, () -> render("x\n{{port.get_display_name()}}", portContext()));
    assertThat(error).isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.USER);
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.getMessage()).contains("get_display_name");
  }

  @Test
  void render_attributeOfUndefined_throws() {
    assertThat(
            catchThrowableOfType(TemplateException.class, () -> render("{{ nope.x }}", Map.of())))
        .isNotNull();
  }

  @Test
  void render_statementsFiltersAndTests() {
    Map<String, @Nullable Object> context = new LinkedHashMap<>();
    context.put("v", 21.56);
    context.put("l", List.of(1L, 2L, 3L));
    context.put("n", null);
    assertThat(render("{% if v > 20 %}hot{% elif v > 10 %}warm{% else %}cold{% endif %}", context))
        .isEqualTo("hot");
    assertThat(
            render(
                "{% for x in l %}{{loop.index}}:{{x}}{% if not loop.last %},{% endif %}{% endfor %}",
                context))
        .isEqualTo("1:1,2:2,3:3");
    assertThat(
            render(
                "{{ v|round(1) }} {{ 2.5|round }} {{ n|default('x') }} {{ nope|default('x') }}",
                context))
        .isEqualTo("21.6 2.0 None x");
    assertThat(render("{{ n is none }} {{ nope is defined }} {{ 'a' ~ 1 ~ none }}", context))
        .isEqualTo("True False a1None");
  }
}
