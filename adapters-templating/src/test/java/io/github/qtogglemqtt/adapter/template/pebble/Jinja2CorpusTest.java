package io.github.qtogglemqtt.adapter.template.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.TemplateException;
import io.github.qtogglemqtt.core.port.out.CompiledTemplate;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Jinja2 conformance corpus: every case of {@code jinja2-corpus/cases.json}, whose expected
 * outputs and errors were printed by real Jinja2 ({@code generate.py}), rendered by the Pebble
 * engine.
 */
class Jinja2CorpusTest {
  private static final TemplateEngine ENGINE = new PebbleTemplateEngine();

  record Case(
      String name,
      String template,
      Map<String, @Nullable Object> context,
      @Nullable String output,
      @Nullable String error,
      @Nullable String phase,
      boolean refused) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() throws IOException {
    try (InputStream in =
            Objects.requireNonNull(
                Jinja2CorpusTest.class.getResourceAsStream("/jinja2-corpus/cases.json"),
                "cases.json on the test class path");
        JsonParser parser = new JsonFactory().createParser(in)) {
      parser.nextToken();
      @SuppressWarnings("unchecked")
      Map<String, @Nullable Object> root = (Map<String, @Nullable Object>) read(parser);
      List<Case> cases = new ArrayList<>();
      for (Object raw : (List<?>) Objects.requireNonNull(root.get("cases"))) {
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> c = (Map<String, @Nullable Object>) raw;
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> context =
            (Map<String, @Nullable Object>) CorpusObjects.decode(c.get("context"));
        cases.add(
            new Case(
                (String) c.get("name"),
                (String) c.get("template"),
                context,
                (String) c.get("output"),
                (String) c.get("error"),
                (String) c.get("phase"),
                Boolean.TRUE.equals(c.get("refused"))));
      }
      return cases;
    }
  }

  /** JSON with the distinction the core keeps: integers as Long/BigInteger, floats as Double. */
  private static @Nullable Object read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
          String key = parser.currentName();
          parser.nextToken();
          map.put(key, read(parser));
        }
        return map;
      }
      case START_ARRAY -> {
        List<@Nullable Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(parser));
        }
        return list;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT -> {
        return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? parser.getBigIntegerValue()
            : parser.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return parser.getDoubleValue();
      }
      case VALUE_TRUE -> {
        return true;
      }
      case VALUE_FALSE -> {
        return false;
      }
      case VALUE_NULL -> {
        return null;
      }
      default -> throw new IOException("unexpected JSON token " + token);
    }
  }

  static Stream<Case> allCases() throws IOException {
    return cases().stream();
  }

  @Test
  void corpus_isLargeEnough() throws IOException {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(150);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allCases")
  void render_corpusCase_matchesJinja2(Case c) {
    if (c.refused()) {
      TemplateException error =
          catchThrowableOfType(
              TemplateException.class, () -> ENGINE.compile(c.name(), c.template()));
      assertThat(error).as("refused at compile time: %s", c.template()).isNotNull();
      assertThat(error.kind()).isEqualTo(ErrorKind.USER);
      assertThat(error.line()).isPositive();
      assertThat(error.column()).isPositive();
      return;
    }
    if (c.error() != null) {
      TemplateException error =
          catchThrowableOfType(
              TemplateException.class,
              () -> ENGINE.compile(c.name(), c.template()).render(c.context()));
      assertThat(error).as("Jinja2 fails with %s", c.error()).isNotNull();
      assertThat(error.kind()).isEqualTo(ErrorKind.USER);
      if ("compile".equals(c.phase())) {
        assertThat(
                catchThrowableOfType(
                    TemplateException.class, () -> ENGINE.compile("k", c.template())))
            .as("a compile-time error in Jinja2 is one here too")
            .isNotNull();
        assertThat(error.line()).isPositive();
        assertThat(error.column()).isPositive();
      }
      return;
    }
    CompiledTemplate template = ENGINE.compile(c.name(), c.template());
    assertThat(template.render(c.context())).as(c.template()).isEqualTo(c.output());
  }
}
