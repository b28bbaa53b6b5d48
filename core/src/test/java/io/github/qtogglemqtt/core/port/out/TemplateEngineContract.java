package io.github.qtogglemqtt.core.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.TemplateException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link TemplateEngine} must do, whatever its syntax: the templates here use only
 * {@code {{name}}} and {@code {{a.b}}}, which Jinja2 (Pebble) and Mustache read the same way.
 * Subclass it in the adapter's tests and supply the engine and one template with a syntax error.
 */
public abstract class TemplateEngineContract {

  /** A fresh engine under test. */
  protected abstract TemplateEngine engine();

  /**
   * A source that does not compile, and the 1-based line and column the engine must report. The
   * column may be 0 only for an engine that cannot tell columns; say so in its README.
   */
  protected abstract BrokenTemplate brokenTemplate();

  /** A template that does not compile and where its error is. */
  public record BrokenTemplate(String source, int line, int column) {}

  private String render(String source, Map<String, @Nullable Object> context) {
    return engine().compile("handlers[0].template", source).render(context);
  }

  private static Map<String, @Nullable Object> context(@Nullable Object... keysAndValues) {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static List<@Nullable Object> list(@Nullable Object... values) {
    return new ArrayList<>(Arrays.asList(values));
  }

  @Test
  void render_plainText_isWrittenVerbatimWithoutEscaping() {
    String text = "qtoggle/hub <b>&amp;</b> 'single' \"double\" 100% °C 😀";
    assertThat(render(text, context())).isEqualTo(text);
  }

  @Test
  void render_trailingNewline_oneIsDropped() {
    assertThat(render("a\n", context())).isEqualTo("a");
    assertThat(render("a\n\n", context())).isEqualTo("a\n");
    assertThat(render("a\nb", context())).isEqualTo("a\nb");
  }

  @Test
  void render_variable_printsStringVerbatim() {
    assertThat(render("{{name}}", context("name", "<Home & Hub>"))).isEqualTo("<Home & Hub>");
  }

  @Test
  void render_dottedPath_readsNestedMaps() {
    Map<String, @Nullable Object> context =
        context(
            "device_attrs",
            context("name", "hub", "shed", context("online", "yes")),
            "type",
            "value-change");
    assertThat(render("qtoggle/{{device_attrs.name}}/{{type}}", context))
        .isEqualTo("qtoggle/hub/value-change");
    assertThat(render("{{device_attrs.shed.online}}", context)).isEqualTo("yes");
  }

  @Test
  void render_undefinedNames_printEmpty() {
    Map<String, @Nullable Object> context = context("device_attrs", context("name", "hub"));
    assertThat(render("[{{nope}}]", context)).isEqualTo("[]");
    assertThat(render("[{{device_attrs.nope}}]", context)).isEqualTo("[]");
  }

  @Test
  void render_scalars_printAsPythonStr() {
    Map<String, @Nullable Object> context =
        context(
            "n",
            null,
            "t",
            true,
            "f",
            false,
            "i",
            21L,
            "neg",
            -3L,
            "big",
            new BigInteger("123456789012345678901234567890"),
            "x",
            21.0,
            "y",
            0.1 + 0.2,
            "e",
            1e16,
            "small",
            1e-5);
    assertThat(render("{{n}} {{t}} {{f}} {{i}} {{neg}} {{big}}", context))
        .isEqualTo("None True False 21 -3 123456789012345678901234567890");
    assertThat(render("{{x}} {{y}} {{e}} {{small}}", context))
        .isEqualTo("21.0 0.30000000000000004 1e+16 1e-05");
  }

  @Test
  void render_containers_printInPythonLiteralForm() {
    Map<String, @Nullable Object> context =
        context(
            "l",
            list(1L, "x", null, 2.5, true),
            "m",
            context("a", 1L, "b", true, "c", null, "d", "it's"),
            "attrs",
            context("wrap", context("in", list())));
    assertThat(render("{{l}}", context)).isEqualTo("[1, 'x', None, 2.5, True]");
    assertThat(render("{{m}}", context)).isEqualTo("{'a': 1, 'b': True, 'c': None, 'd': \"it's\"}");
    assertThat(render("{{attrs.wrap}}", context)).isEqualTo("{'in': []}");
  }

  @Test
  void render_templateObject_printsItsPyStrAndExposesAttributes() {
    FakeTemplateObject port =
        FakeTemplateObject.builder("<Port temp>")
            .attribute("id", "temp")
            .attribute("pretty_name", "Temperature")
            .build();
    Map<String, @Nullable Object> context = context("port", port);
    assertThat(render("{{port}}", context)).isEqualTo("<Port temp>");
    assertThat(render("{{port.id}}: {{port.pretty_name}}", context)).isEqualTo("temp: Temperature");
  }

  @Test
  void compile_syntaxError_throwsUserTemplateExceptionWithKeyAndPosition() {
    BrokenTemplate broken = brokenTemplate();

    TemplateException error =
        catchThrowableOfType(
            TemplateException.class,
            () -> engine().compile("event_handlers[2].topic", broken.source()));

    assertThat(error).as("a TemplateException").isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.USER);
    assertThat(error.key()).isEqualTo("event_handlers[2].topic");
    assertThat(error.line()).isEqualTo(broken.line());
    assertThat(error.column()).isEqualTo(broken.column());
    assertThat(error.getMessage()).startsWith("event_handlers[2].topic (line " + broken.line());
  }

  @Test
  void render_sameContext_givesSameResultEveryTime() {
    CompiledTemplate template = engine().compile("k", "{{a}}-{{b.c}}");
    Map<String, @Nullable Object> context = context("a", 1L, "b", context("c", 2.5));
    assertThat(template.render(context)).isEqualTo("1-2.5");
    assertThat(template.render(context)).isEqualTo("1-2.5");
    assertThat(template.render(context("a", "x", "b", context("c", null)))).isEqualTo("x-None");
  }

  @Test
  @Timeout(60)
  void render_concurrently_isThreadSafe() throws Exception {
    CompiledTemplate template =
        engine().compile("k", "{{device_attrs.name}}/{{n}}/{{v}}/{{device_attrs.list}}");
    int threads = 8;
    int rendersPerThread = 300;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<String>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
                  for (int i = 0; i < rendersPerThread; i++) {
                    Map<String, @Nullable Object> context =
                        context(
                            "device_attrs",
                            context("name", "hub" + thread, "list", list((long) i, null)),
                            "n",
                            (long) i,
                            "v",
                            i % 2 == 0 ? null : i + 0.5);
                    String expected =
                        "hub%d/%d/%s/[%d, None]"
                            .formatted(thread, i, i % 2 == 0 ? "None" : (i + ".5"), i);
                    String actual = template.render(context);
                    if (!actual.equals(expected)) {
                      mismatches.add(expected + " != " + actual);
                    }
                  }
                  return mismatches;
                }));
      }
      for (Future<List<String>> future : futures) {
        assertThat(future.get(50, TimeUnit.SECONDS)).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
