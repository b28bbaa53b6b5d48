package io.github.qtogglemqtt.adapter.template.mustache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.TemplateException;
import io.github.qtogglemqtt.core.port.out.FakeTemplateObject;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.port.out.TemplateEngineContract;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class MustacheTemplateEngineTest extends TemplateEngineContract {

  @Override
  protected TemplateEngine engine() {
    return new MustacheTemplateEngineFactory()
        .create(AdapterProperties.of("event_handlers[0]", Map.of()), AdapterContext.system());
  }

  @Override
  protected BrokenTemplate brokenTemplate() {
    return new BrokenTemplate("qtoggle/{{device_attrs.name}}\nx {{#flags}}unclosed", 2, 3);
  }

  private String render(String source, Map<String, @Nullable Object> context) {
    return engine().compile("k", source).render(context);
  }

  private static Map<String, @Nullable Object> context() {
    FakeTemplateObject port =
        FakeTemplateObject.builder("<Port temp>")
            .attribute("id", "temp")
            .attribute("pretty_name", "Temperature")
            .attribute("pretty_value", "21.5°C")
            .attribute("unit", null)
            .build();
    Map<String, @Nullable Object> device = new LinkedHashMap<>();
    device.put("name", "hub");
    device.put("shed:online", true);
    device.put("flags", new ArrayList<>(Arrays.asList("listen", null, 2.0)));
    device.put("empty", List.of());
    device.put("zero", 0L);
    Map<String, @Nullable Object> context = new LinkedHashMap<>();
    context.put("port", port);
    context.put("device_attrs", device);
    context.put("new_value", true);
    context.put("old_value", null);
    return context;
  }

  @Test
  void render_templateObjectAttributes_standForMethods() {
    assertThat(
            render(
                "{{port.pretty_name}} is {{port.pretty_value}} ({{port.id}}, {{port.unit}})",
                context()))
        .isEqualTo("Temperature is 21.5°C (temp, None)");
  }

  @Test
  void render_sectionOverList_visitsEachElementWithPythonPrinting() {
    assertThat(render("{{#device_attrs.flags}}[{{.}}]{{/device_attrs.flags}}", context()))
        .isEqualTo("[listen][None][2.0]");
  }

  @Test
  void render_sectionOverMap_usesItAsContext() {
    assertThat(render("{{#device_attrs}}{{name}}{{/device_attrs}}", context())).isEqualTo("hub");
  }

  @Test
  void render_sectionsAndInvertedSections_usePythonTruthiness() {
    String template =
        "{{#new_value}}on{{/new_value}}{{^new_value}}off{{/new_value}}"
            + "|{{#old_value}}x{{/old_value}}{{^old_value}}none{{/old_value}}"
            + "|{{^device_attrs.empty}}empty{{/device_attrs.empty}}"
            + "|{{^device_attrs.zero}}zero{{/device_attrs.zero}}"
            + "|{{^nope}}missing{{/nope}}";
    assertThat(render(template, context())).isEqualTo("on|none|empty|zero|missing");
  }

  @Test
  void render_noHtmlEscaping_evenInDoubleBraces() {
    Map<String, @Nullable Object> context = Map.of("s", "<a href='x'>&\"</a>");
    assertThat(render("{{s}}|{{{s}}}|{{&s}}", context))
        .isEqualTo("<a href='x'>&\"</a>|<a href='x'>&\"</a>|<a href='x'>&\"</a>");
  }

  @Test
  void render_keyWithColon_isOneName() {
    assertThat(render("{{#device_attrs}}{{shed:online}}{{/device_attrs}}", context()))
        .isEqualTo("True");
  }

  @Test
  void compile_partial_isRefusedWithPosition() {
    TemplateException error =
        catchThrowableOfType(
            TemplateException.class, () -> engine().compile("k", "a\n  {{> other}}"));
    assertThat(error).isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.USER);
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.column()).isEqualTo(3);
  }

  @Test
  void compile_mismatchedClosingTag_isRefused() {
    TemplateException error =
        catchThrowableOfType(
            TemplateException.class, () -> engine().compile("k", "{{#a}}\n{{/b}}"));
    assertThat(error).isNotNull();
    assertThat(error.line()).isEqualTo(2);
    assertThat(error.column()).isEqualTo(1);
  }
}
