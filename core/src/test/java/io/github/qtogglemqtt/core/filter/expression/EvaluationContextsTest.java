package io.github.qtogglemqtt.core.filter.expression;

import static io.github.qtogglemqtt.core.filter.expression.Eval.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qtogglemqtt.core.model.Values;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * References (spec 5.2) in the two contexts of 4.5, and the expression rows of the filter table in
 * 4.8.
 */
class EvaluationContextsTest {

  private static TestContext rich() {
    return TestContext.rich()
        .port("t1", 61.5)
        .attr("t1", "tag", "door")
        .attr("t1", "unit", "")
        .attr("t1", "min", 5)
        .attr("t1", "writable", false)
        .attr("t1", "choices", List.of(1))
        .disabled("t9", 3)
        .attr("t9", "tag", "x")
        .port("nullport", null)
        .device("name", "garage")
        .device("uptime", 10)
        .device("cpu", 12.5)
        .device("empty", "")
        .device("shed:online", true);
  }

  private static void assertUnavailable(String text, TestContext context, String messagePart) {
    assertThatThrownBy(() -> eval(text, context))
        .as(text)
        .isInstanceOfSatisfying(
            EvaluationException.class, e -> assertThat(e.unavailable()).isTrue())
        .hasMessageContaining(messagePart);
  }

  @Test
  void portValue_knownEnabledWithValue_isTheValue() {
    assertThat(eval("$t1", rich())).isEqualTo(61.5);
  }

  @Test
  void portValue_unknownDisabledOrNull_isUnavailable() {
    assertUnavailable("$t2", rich(), "unknown port \"t2\"");
    assertUnavailable("$t9", rich(), "port \"t9\" is disabled");
    assertUnavailable("$nullport", rich(), "port \"nullport\" has no value");
    assertUnavailable("$", rich(), "own port");
  }

  @Test
  void portValue_javaNumberTypes_areNormalised() {
    TestContext context = TestContext.rich().port("i", 7).port("f", 1.5f).port("b", false);
    assertThat(eval("$i", context)).isEqualTo(7L);
    assertThat(eval("$f", context)).isEqualTo(1.5);
    assertThat(eval("$b", context)).isEqualTo(0L);
    assertThat(eval("ADD($b, 1)", context)).isEqualTo(1L);
  }

  @Test
  void portValue_notANumber_isAnErrorNotACrash() {
    TestContext context = TestContext.rich().port("s", "text").port("big", BigInteger.TWO.pow(70));
    assertThatThrownBy(() -> eval("ADD($s, 1)", context))
        .isInstanceOfSatisfying(
            EvaluationException.class, e -> assertThat(e.unavailable()).isFalse())
        .hasMessageContaining("not a number");
    assertThatThrownBy(() -> eval("$big", context))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("64 bits");
  }

  @Test
  void portAttr_numbersAndBooleansAsIsOthersByTruthiness() {
    TestContext context = rich();
    assertThat(eval("$t1:min", context)).isEqualTo(5L);
    assertThat(eval("$t1:writable", context)).isEqualTo(0L);
    assertThat(eval("$t1:tag", context)).isEqualTo(1L);
    assertThat(eval("$t1:unit", context)).isEqualTo(0L);
    assertThat(eval("$t1:choices", context)).isEqualTo(1L);
    assertThat(eval("$t9:tag", context)).as("enabled is not required").isEqualTo(1L);
  }

  @Test
  void portAttr_missingOrUnknownPort_isUnavailable() {
    assertUnavailable("$t1:nope", rich(), "port attribute \"t1:nope\" is unavailable");
    assertUnavailable("$t2:tag", rich(), "unknown port \"t2\"");
    assertUnavailable("$:tag", rich(), "own port");
  }

  @Test
  void deviceAttr_mainAndSlave() {
    TestContext context = rich();
    assertThat(eval("#:uptime", context)).isEqualTo(10L);
    assertThat(eval("#:cpu", context)).isEqualTo(12.5);
    assertThat(eval("#:name", context)).isEqualTo(1L);
    assertThat(eval("#:empty", context)).isEqualTo(0L);
    assertThat(eval("#shed:online", context)).isEqualTo(1L);
    assertUnavailable("#:nope", context, "device attribute \"#:nope\" is unavailable");
    assertUnavailable("#barn:online", context, "device attribute \"#barn:online\"");
  }

  @Test
  void portRef_knownIsTheIdUnknownIsUnavailable() {
    assertThat(eval("@t1", rich())).isEqualTo("t1");
    assertThat(eval("@t9", rich())).isEqualTo("t9");
    assertUnavailable("@t2", rich(), "unknown port \"t2\"");
    assertUnavailable("@", rich(), "own port");
  }

  @Test
  void poorContext_seesEnabledPortValuesButNoAttributes() {
    TestContext poor =
        TestContext.poor().port("t1", 61.5).attr("t1", "tag", "door").device("uptime", 10);
    assertThat(eval("GT($t1, 50)", poor)).isEqualTo(1L);
    assertUnavailable("$t1:tag", poor, "no port attributes");
    assertUnavailable("#:uptime", poor, "no device attributes");
    assertUnavailable("#shed:online", poor, "no device attributes");
    assertThat(eval("AVAILABLE(#:uptime)", poor)).isEqualTo(0L);
    assertThat(eval("DEFAULT($t1:tag, 7)", poor)).isEqualTo(7L);
  }

  @Test
  void filterTableRows_ofSpec48() {
    // {"port_value": "MUL($t2, 10)"} with t2 = 4 accepts value-change t1 -> 40.0
    Object product = eval("MUL($t2, 10)", TestContext.rich().port("t2", 4));
    assertThat(Values.pyEquals(40.0, product)).isTrue();
    // ... with t2 unknown: evaluation error, rejected
    assertThatThrownBy(() -> eval("MUL($t2, 10)", TestContext.rich()))
        .isInstanceOf(EvaluationException.class);
    // {"expression": "GT($t1, 50)"} with t1 = 61.5 enabled: accepted (truthy)
    assertThat(Values.truthy(eval("GT($t1, 50)", TestContext.poor().port("t1", 61.5)))).isTrue();
    // ... with t1 disabled: evaluation error, rejected
    assertThatThrownBy(() -> eval("GT($t1, 50)", TestContext.poor().disabled("t1", 61.5)))
        .isInstanceOf(EvaluationException.class);
    // {"expression": "#:uptime"}: no device attributes in the poor context, rejected
    assertThatThrownBy(() -> eval("#:uptime", TestContext.poor().device("uptime", 10)))
        .isInstanceOf(EvaluationException.class);
    // the rich context (the opt-in of D22) does see them
    assertThat(eval("#:uptime", TestContext.rich().device("uptime", 10))).isEqualTo(10L);
  }

  @Test
  void evaluate_nullContext_isRejected() {
    Expression expression = Expression.parse("1");
    assertThatThrownBy(() -> expression.evaluate(null)).isInstanceOf(NullPointerException.class);
  }
}
