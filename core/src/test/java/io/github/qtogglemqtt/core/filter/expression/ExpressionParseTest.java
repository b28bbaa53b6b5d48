package io.github.qtogglemqtt.core.filter.expression;

import static io.github.qtogglemqtt.core.filter.expression.Eval.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Grammar, literals and parse errors of spec 5.1 and 5.5, positions as the spec's examples. */
class ExpressionParseTest {

  private static ObjectAssert<ExpressionSyntaxException> syntaxError(String text) {
    return assertThatThrownBy(() -> Expression.parse(text))
        .asInstanceOf(type(ExpressionSyntaxException.class));
  }

  private static void assertError(String text, String code, String token, int position) {
    syntaxError(text)
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.token()).isEqualTo(token);
              assertThat(e.position()).isEqualTo(position);
            });
  }

  @Test
  void parse_blankText_isEmptyError() {
    syntaxError("   ").satisfies(e -> assertThat(e.code()).isEqualTo("empty"));
    syntaxError("").satisfies(e -> assertThat(e.code()).isEqualTo("empty"));
  }

  @Test
  void parse_unknownNestedFunction_reportsNameAndPositionOfTheCall() {
    assertError("ADD(10, NOPE(3, 14))", "unknown-function", "NOPE", 9);
  }

  @Test
  void parse_wrongArity_reportsFunctionAndItsPosition() {
    assertError("ADD(1)", "invalid-number-of-arguments", "ADD", 1);
    assertError("NOT(1, 2)", "invalid-number-of-arguments", "NOT", 1);
    assertError("ADD()", "invalid-number-of-arguments", "ADD", 1);
    assertError("ADD(1, IF(1, 2))", "invalid-number-of-arguments", "IF", 8);
    assertError("TIME(1)", "invalid-number-of-arguments", "TIME", 1);
    assertError("ROUND(1, 2, 3)", "invalid-number-of-arguments", "ROUND", 1);
    assertError("LUT(1, 2, 3, 4)", "invalid-number-of-arguments", "LUT", 1);
  }

  @Test
  void parse_portReferenceAsArgument_isInvalidArgumentKindNamingTheArgument() {
    syntaxError("MAX(@p, 1)")
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("invalid-argument-kind");
              assertThat(e.token()).isEqualTo("MAX");
              assertThat(e.position()).isEqualTo(5);
              assertThat(e.argument()).isEqualTo(1);
              assertThat(e.getMessage()).contains("argument 1");
            });
    syntaxError("ADD(1,  @)")
        .satisfies(
            e -> {
              assertThat(e.position()).isEqualTo(9);
              assertThat(e.argument()).isEqualTo(2);
              assertThat(e.getMessage()).contains("argument 2");
            });
  }

  @Test
  void parse_extraClosingParenthesis_isUnbalancedAtThatParenthesis() {
    syntaxError("ADD(10)), MUL(3, 14))")
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo("unbalanced-parentheses");
              assertThat(e.position()).isEqualTo(8);
            });
    syntaxError("ADD)").satisfies(e -> assertThat(e.position()).isEqualTo(4));
  }

  @Test
  void parse_unclosedCall_isUnexpectedEnd() {
    syntaxError("ADD(10, MUL(3, 14)")
        .satisfies(e -> assertThat(e.code()).isEqualTo("unexpected-end"));
    syntaxError("ADD(").satisfies(e -> assertThat(e.code()).isEqualTo("unexpected-end"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-ADD(10, 1)   | -  | 1",
        "ADD?(1, 2)    | ?  | 4",
        "3+4           | +  | 2",
        "@p:x          | @  | 1",
        "$p:ab*        | *  | 6",
        "abc           | a  | 1",
        "1.x           | .  | 2",
        "1__0          | _  | 2",
        "True          | T  | 1",
        "0x10          | x  | 2",
        "ADD(1, 2)x    | x  | 10",
        "ADD(1, 2) (3) | (  | 11",
        "ADD(1,)       | )  | 7",
        "ADD(,1)       | ,  | 5",
        "ADD( , 1)     | ,  | 6",
        "ADD(1, 2, )   | )  | 11",
        "$a.b c        | ' '| 5",
        "$p:a.b        | .  | 5",
        "#a*b:x        | *  | 3",
        "@id:attr      | @  | 1",
        "ADD(1, 2 3)   | ' '| 9",
      })
  void parse_unexpectedCharacter_reportsCharacterAndPosition(
      String text, String token, int position) {
    assertError(text, "unexpected-character", token, position);
  }

  @Test
  void parse_deviceReferenceWithoutColon_isMissingAttrPrefixOnePastTheEnd() {
    assertError("#dev", "missing-attr-prefix", null, 5);
    assertError("#", "missing-attr-prefix", null, 2);
    assertError("ADD(1, #dev )", "missing-attr-prefix", null, 12);
  }

  @Test
  void parse_positions_countLeadingWhitespaceAndCodePoints() {
    assertError("  NOPE(1)", "unknown-function", "NOPE", 3);
    assertError("ADD(1,\t\n NOPE(2))", "unknown-function", "NOPE", 10);
    assertError("ADD(1, \uD83D\uDE00)", "unexpected-character", "\uD83D\uDE00", 8);
    assertError("ADD(#:\uD83D\uDE00, NOPE(1))", "unknown-function", "NOPE", 10);
  }

  @Test
  void parse_history_isAnUnknownFunction() {
    assertError("HISTORY(@p, 0, 10)", "unknown-function", "HISTORY", 1);
  }

  @Test
  void parse_functionNames_areCaseSensitive() {
    assertError("add(1, 2)", "unknown-function", "add", 1);
  }

  @Test
  void parse_parenthesesAreNotGrouping_emptyNameIsUnknownFunction() {
    assertError("ADD((1), 2)", "unknown-function", "", 5);
    assertError("(1)", "unknown-function", "", 1);
  }

  @Test
  void parse_errorsInOrder_scanBeforeNameBeforeArityBeforeArguments() {
    assertError("NOPE(1,)", "unexpected-character", ")", 8);
    assertError("NO-PE(1)", "unexpected-character", "-", 3);
    assertError("ADD(NOPE(1))", "invalid-number-of-arguments", "ADD", 1);
    assertError("MAX(@p, NOPE(1))", "unknown-function", "NOPE", 9);
  }

  @Test
  void parse_whitespaceAroundNamesAndArguments_isAllowed() {
    assertThat(eval("  ADD ( 1 ,\t2 )  ")).isEqualTo(3L);
    assertThat(eval("TIMEMS( )".replace(" ", ""))).isInstanceOf(Long.class);
  }

  @Test
  void parse_blankArgumentOfZeroArityFunction_isUnexpectedCharacter() {
    assertError("TIME( )", "unexpected-character", ")", 7);
  }

  @Test
  void parse_nestingBeyondTheLimit_isRefusedNotACrash() {
    String deep = "NOT(".repeat(200) + "1" + ")".repeat(200);
    syntaxError(deep).satisfies(e -> assertThat(e.code()).isEqualTo("too-deeply-nested"));
    String fine = "NOT(".repeat(40) + "1" + ")".repeat(40);
    assertThat(eval(fine)).isEqualTo(1L);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "true        | 1",
        "false       | 0",
        "42          | 42",
        "-7          | -7",
        "+7          | 7",
        "007         | 7",
        "1_000       | 1000",
        "-1_2_3      | -123",
        "9223372036854775807 | 9223372036854775807",
      })
  void parse_integerLiterals_evaluateToLongs(String text, long expected) {
    assertThat(eval(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.5      | 1.5",
        ".5       | 0.5",
        "5.       | 5.0",
        "-3.14    | -3.14",
        "1e3      | 1000.0",
        "2.5E-3   | 0.0025",
        "1_0.2_5  | 10.25",
        "1.e2     | 100.0",
        "1e1_0    | 1.0E10",
        "inf      | Infinity",
        "-Infinity| -Infinity",
        "+INF     | Infinity",
        "1e999    | Infinity",
      })
  void parse_floatLiterals_evaluateToDoubles(String text, double expected) {
    assertThat(eval(text)).isEqualTo(expected);
  }

  @Test
  void parse_nanWords_evaluateToNaN() {
    assertThat((Double) eval("nan")).isNaN();
    assertThat((Double) eval("-NaN")).isNaN();
  }

  @Test
  void parse_unicodeDecimalDigits_areDigitsAsInPython() {
    assertThat(eval("ADD(\u0661\u0662, 1)")).isEqualTo(13L);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"1_  | _ | 2", "_1 | _ | 1", "1e | e | 2", "e5 | e | 1", ". | . | 1", "-  | - | 1"})
  void parse_malformedNumbers_areUnexpectedCharacters(String text, String token, int position) {
    assertError(text, "unexpected-character", token, position);
  }

  @Test
  void parse_hugeIntegerLiteral_parsesButFailsWithArithmeticErrorOnEvaluation() {
    Expression expression = Expression.parse("ADD(99999999999999999999, 1)");
    assertThatThrownBy(() -> expression.evaluate(TestContext.rich()))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("arithmetic error")
        .hasMessageContaining("99999999999999999999");
  }

  @Test
  void parse_wholeExpressionPortReference_evaluatesToThePortId() {
    assertThat(eval("@relay1", TestContext.rich().port("relay1", true))).isEqualTo("relay1");
  }

  @Test
  void text_isTheTextAsWritten() {
    assertThat(Expression.parse("  GT($t1, 50) ").text()).isEqualTo("  GT($t1, 50) ");
  }

  @Test
  void parse_everyFunctionOfTheSpec_isKnownWithItsArity() {
    String[] fixed = {
      "SUB 2",
      "DIV 2",
      "MOD 2",
      "POW 2",
      "FLOOR 1",
      "CEIL 1",
      "ABS 1",
      "SGN 1",
      "EQ 2",
      "GT 2",
      "GTE 2",
      "LT 2",
      "LTE 2",
      "NOT 1",
      "XOR 2",
      "BITAND 2",
      "BITOR 2",
      "BITXOR 2",
      "BITNOT 1",
      "SHL 2",
      "SHR 2",
      "IF 3",
      "AVAILABLE 1",
      "DEFAULT 2",
      "IGNCHG 1",
      "RISING 1",
      "FALLING 1",
      "ACC 2",
      "ACCINC 2",
      "HYST 3",
      "ONOFFAUTO 2",
      "TIME 0",
      "TIMEMS 0",
      "MILLISECOND 0",
      "DATE 6",
      "HMSINTERVAL 6",
      "MDINTERVAL 4",
      "DELAY 2",
      "TIMER 4",
      "SAMPLE 2",
      "FREEZE 2",
      "HELD 3",
      "DERIV 2",
      "INTEG 3",
      "FMAVG 3",
      "FMEDIAN 3"
    };
    for (String entry : fixed) {
      String name = entry.split(" ")[0];
      int arity = Integer.parseInt(entry.split(" ")[1]);
      assertThat(Functions.lookup(name)).as(name).isNotNull();
      assertThat(Functions.lookup(name).min()).as(name).isEqualTo(arity);
      assertThat(Functions.lookup(name).max()).as(name).isEqualTo(arity);
    }
    String[] ranged = {
      "ADD 2 -1",
      "MUL 2 -1",
      "MIN 2 -1",
      "MAX 2 -1",
      "AVG 2 -1",
      "AND 2 -1",
      "OR 2 -1",
      "LUT 5 -1",
      "LUTLI 5 -1",
      "SEQUENCE 2 -1",
      "ROUND 1 2",
      "YEAR 0 1",
      "MONTH 0 1",
      "DAY 0 1",
      "HOUR 0 1",
      "MINUTE 0 1",
      "SECOND 0 1",
      "DOW 0 1",
      "LDOM 0 1",
      "MINUTEOFDAY 0 1",
      "SECONDOFDAY 0 1",
      "BOY 0 1",
      "BOM 0 1",
      "BOW 0 2",
      "BOD 0 1"
    };
    for (String entry : ranged) {
      String[] parts = entry.split(" ");
      Functions.Spec spec = Functions.lookup(parts[0]);
      assertThat(spec).as(parts[0]).isNotNull();
      assertThat(spec.min()).as(parts[0]).isEqualTo(Integer.parseInt(parts[1]));
      int max = Integer.parseInt(parts[2]);
      assertThat(spec.max()).as(parts[0]).isEqualTo(max < 0 ? Functions.UNBOUNDED : max);
    }
    assertThat(Functions.all()).hasSize(fixed.length + ranged.length);
  }
}
