package io.github.qtogglemqtt.adapter.template.pebble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.qtogglemqtt.core.error.TemplateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where compile errors point: the line and column a user looks at. */
class JinjaTranslatorTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          incomplete expression           | "a\\n{{ 1 + }}"                  | 2 | 8  | unexpected end of expression
          unknown filter                  | "{{ x|nosuch }}"                 | 1 | 6  | no filter named 'nosuch'
          unknown test                    | "x\\n\\n  {{ x is nosuch }}"     | 3 | 11 | no test named 'nosuch'
          unknown tag                     | "ab{% frob %}"                   | 1 | 6  | encountered unknown tag 'frob'
          unsupported tag                 | "{% macro m() %}{% endmacro %}"  | 1 | 4  | the 'macro' tag is not supported
          unclosed if points at the if    | "x\\n {% if a %}y"               | 2 | 5  | the 'if' tag is not closed
          stray endif                     | "{% endfor %}"                   | 1 | 4  | unexpected 'endfor'
          unclosed string                 | "{{ 'abc }}"                     | 1 | 4  | unexpected end of string
          bad character                   | "{{ a ? b }}"                    | 1 | 6  | unexpected char '?'
          unclosed bracket                | "{{ (a + b }}"                   | 1 | 11 | unexpected '}', expected ')'
          unclosed print tag              | "ok {{ a"                        | 1 | 4  | is not closed
          unclosed comment                | "a\\n{# b"                       | 2 | 1  | missing end of comment tag
          slice                           | "{{ s[1:2] }}"                   | 1 | 5  | slices are not supported
          else without if                 | "{{ a else b }}"                 | 1 | 6  | unexpected 'else'
          two operands                    | "{{ a b }}"                      | 1 | 6  | expected an operator before 'b'
          unknown function                | "{{ lipsum() }}"                 | 1 | 4  | unknown function 'lipsum'
          elif after else                 | "{% if a %}{% else %}{% elif b %}{% endif %}" | 1 | 24 | unexpected 'elif' after 'else'
          """)
  void compile_invalidTemplate_reportsLineAndColumn(
      String description, String source, int line, int column, String message) {
    String template = source.replace("\\n", "\n");

    TemplateException error =
        catchThrowableOfType(
            TemplateException.class, () -> new PebbleTemplateEngine().compile("topic", template));

    assertThat(error).as(description).isNotNull();
    assertThat(error.line()).as("line").isEqualTo(line);
    assertThat(error.column()).as("column").isEqualTo(column);
    assertThat(error.getMessage()).contains(message);
  }
}
