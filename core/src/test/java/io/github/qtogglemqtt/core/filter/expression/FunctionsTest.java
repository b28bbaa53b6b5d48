package io.github.qtogglemqtt.core.filter.expression;

import static io.github.qtogglemqtt.core.filter.expression.Eval.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stateless functions of spec 5.4 with Python's semantics: int/float results, booleans as
 * numbers, comparisons with NaN, and the arithmetic errors Java adds (D9).
 */
class FunctionsTest {

  /** Booleans as numbers: $on is true, $off false, $n4 = 4, $f25 = 2.5. */
  private static TestContext ports() {
    return TestContext.rich().port("on", true).port("off", false).port("n4", 4).port("f25", 2.5);
  }

  /** Expected: an integer literal means a Long, anything with '.', 'e', inf or nan a Double. */
  private static void assertResult(String text, String expected) {
    Object actual = eval(text, ports());
    assertThat(actual).as(text).isEqualTo(expectedValue(expected));
  }

  private static Object expectedValue(String expected) {
    String lower = expected.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains(".")
        || lower.contains("e")
        || lower.contains("inf")
        || lower.contains("nan")) {
      return Double.parseDouble(
          lower.replace("inf", "Infinity").replace("nan", "NaN").replace("-Infinity", "-Infinity"));
    }
    return Long.parseLong(expected);
  }

  private static void assertFails(String text, String messagePart, boolean unavailable) {
    assertThatThrownBy(() -> eval(text, ports()))
        .as(text)
        .isInstanceOfSatisfying(
            EvaluationException.class,
            e -> assertThat(e.unavailable()).as("unavailable family").isEqualTo(unavailable))
        .hasMessageContaining(messagePart);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ADD(1, 2)                | 3",
        "ADD(1, 2, 3, 4)          | 10",
        "ADD(1, 2.5)              | 3.5",
        "ADD($on, $on)            | 2",
        "ADD($on, $f25)           | 3.5",
        "ADD(0.1, 0.2, 0.3)       | 0.6",
        "ADD(-0.0, -0.0)          | 0.0",
        "SUB(10, 3)               | 7",
        "SUB(1, 0.5)              | 0.5",
        "SUB($off, $on)           | -1",
        "MUL(2, 3, 4)             | 24",
        "MUL(2, 2.5)              | 5.0",
        "MUL($on, 7)              | 7",
        "DIV(7, 2)                | 3.5",
        "DIV(6, 3)                | 2.0",
        "DIV(1, $on)              | 1.0",
        "DIV(1, 3)                | 0.3333333333333333",
        "DIV(9007199254740993, 1) | 9.007199254740992E15",
        "MOD(-7, 3)               | 2",
        "MOD(7, -3)               | -2",
        "MOD(7, 3)                | 1",
        "MOD(5.5, 2)              | 1.5",
        "MOD(-5.5, 2)             | 0.5",
        "MOD(6, -3.0)             | -0.0",
        "MOD(5, inf)              | 5.0",
        "POW(16, 0.5)             | 4.0",
        "POW(2, -1)               | 0.5",
        "POW(2, 10)               | 1024",
        "POW(-2, 3)               | -8",
        "POW(0, 0)                | 1",
        "POW(-8.0, 3.0)           | -512.0",
        "POW(1, nan)              | 1.0",
        "POW(-1, inf)             | 1.0",
        "POW(nan, 0)              | 1.0",
        "POW(2, 62)               | 4611686018427387904",
        "POW($on, 5)              | 1",
      })
  void arithmetic_followsPythonSemantics(String text, String expected) {
    assertResult(text, expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DIV(1, 0)                       | division by zero",
        "DIV(1, 0.0)                     | division by zero",
        "DIV(1, $off)                    | division by zero",
        "MOD(1, 0)                       | modulo by zero",
        "MOD(1.5, -0.0)                  | modulo by zero",
        "POW(0, -1)                      | negative power",
        "POW(0.0, -2.5)                  | negative power",
        "POW(-8, 0.5)                    | fractional power",
        "POW(10.0, 400)                  | overflow",
        "POW(2, 63)                      | overflow",
        "ADD(9223372036854775807, 1)     | overflow",
        "SUB(-9223372036854775807, 2)    | overflow",
        "MUL(4611686018427387904, 2)     | overflow",
        "ABS(SUB(-9223372036854775807, 1)) | overflow",
        "SHL(1, -1)                      | negative shift count",
        "SHR(1, -1)                      | negative shift count",
        "SHL(1, 63)                      | overflow",
        "SHL(3, 62)                      | overflow",
        "FLOOR(1e300)                    | overflow",
      })
  void arithmetic_errors_areArithmeticEvaluationErrorsNamingTheFunction(
      String text, String messagePart) {
    assertFails(text, messagePart, false);
    assertThatThrownBy(() -> eval(text, ports())).hasMessageContaining("arithmetic error");
    String function = text.substring(0, text.indexOf('('));
    assertThatThrownBy(() -> eval(text, ports())).hasMessageContaining(function + ": ");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "MIN(3, 1, 2)        | 1",
        "MIN(1, 1.0)         | 1",
        "MIN(1.0, 1)         | 1.0",
        "MAX(3, 1, 2)        | 3",
        "MAX(2, 2.0)         | 2",
        "MAX(2.0, 2)         | 2.0",
        "MAX($on, 0)         | 1",
        "MIN(nan, 1)         | nan",
        "MIN(1, nan)         | 1",
        "AVG(10, 1, -2)      | 3.0",
        "AVG(1, 2)           | 1.5",
        "AVG($on, $off)      | 0.5",
      })
  void aggregation_returnsFirstOnTiesAndAvgIsAFloat(String text, String expected) {
    Object actual = eval(text, ports());
    Object wanted = expectedValue(expected);
    if (wanted instanceof Double d && d.isNaN()) {
      assertThat((Double) actual).isNaN();
    } else {
      assertThat(actual).as(text).isEqualTo(wanted);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "FLOOR(-3.14159)     | -4",
        "FLOOR(3.9)          | 3",
        "FLOOR(5)            | 5",
        "FLOOR($on)          | 1",
        "CEIL(-10.51)        | -10",
        "CEIL(10.01)         | 11",
        "CEIL(7)             | 7",
        "ROUND(2.5)          | 2.0",
        "ROUND(3.5)          | 4.0",
        "ROUND(2.675, 2)     | 2.67",
        "ROUND(-3.14159, 2)  | -3.14",
        "ROUND(10.51)        | 11.0",
        "ROUND(-0.4)         | -0.0",
        "ROUND(0.125, 2)     | 0.12",
        "ROUND(0.375, 2)     | 0.38",
        "ROUND(1234.5, -2)   | 1200.0",
        "ROUND(1.5, 1.9)     | 1.5",
        "ROUND(7)            | 7",
        "ROUND(25, -1)       | 20",
        "ROUND(35, -1)       | 40",
        "ROUND(12345, 2)     | 12345",
        "ROUND($on)          | 1",
        "ROUND(inf, 2)       | inf",
        "ROUND(1.5, 1000)    | 1.5",
        "ROUND(1.5, -1000)   | 0.0",
        "ABS(-3)             | 3",
        "ABS(-2.5)           | 2.5",
        "ABS($on)            | 1",
        "SGN(-0.5)           | 0",
        "SGN(-2)             | -1",
        "SGN(3.7)            | 1",
        "SGN(0)              | 0",
        "SGN($on)            | 1",
      })
  void roundingAndSign_matchPython(String text, String expected) {
    assertResult(text, expected);
  }

  @Test
  void rounding_nonFiniteToInteger_isAnEvaluationError() {
    assertFails("FLOOR(nan)", "nan", false);
    assertFails("CEIL(inf)", "infinity", false);
    assertFails("SGN(nan)", "nan", false);
    assertFails("ROUND(1.5, nan)", "nan", false);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "EQ(1, 1.0)          | 1",
        "EQ($on, 1)          | 1",
        "EQ($off, 0.0)       | 1",
        "EQ(1, 2)            | 0",
        "EQ(nan, nan)        | 0",
        "GT(2, 1)            | 1",
        "GT(1, 1.0)          | 0",
        "GT(9007199254740993, 9007199254740992.0) | 1",
        "GTE(false, false)   | 1",
        "GTE(1, 2)           | 0",
        "LT(1, 2.5)          | 1",
        "LT($on, 2)          | 1",
        "LTE(2, 2)           | 1",
        "LTE(3, 2)           | 0",
        "GT(nan, 1)          | 0",
        "LT(nan, 1)          | 0",
        "GTE(nan, nan)       | 0",
        "LTE(1, nan)         | 0",
        "GT(inf, 9223372036854775807) | 1",
        "AND(true, false, unavailable) | 0",
        "AND(1, 2, 3)        | 1",
        "AND(1, nan)         | 1",
        "AND($on, $off)      | 0",
        "OR(false, true, unavailable) | 1",
        "OR(0, 0.0)          | 0",
        "OR($off, $f25)      | 1",
        "NOT(0)              | 1",
        "NOT(0.0)            | 1",
        "NOT(-0.0)           | 1",
        "NOT(nan)            | 0",
        "NOT(2)              | 0",
        "NOT($off)           | 1",
        "XOR(10, true)       | 0",
        "XOR(0, 3)           | 1",
        "XOR(0, 0)           | 0",
      })
  void comparisonAndLogic_returnIntegersOneOrZero(String text, String expected) {
    assertResult(text, expected);
  }

  @Test
  void logic_errorsBeforeTheDecidingArgument_propagate() {
    assertFails("AND(true, unavailable, false)", "unavailable", true);
    assertFails("OR(false, unavailable, true)", "unavailable", true);
    assertFails("NOT(unavailable)", "unavailable", true);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "BITAND(3, 10)       | 2",
        "BITOR(3, 10)        | 11",
        "BITXOR(3, 10)       | 9",
        "BITNOT(3)           | -4",
        "BITNOT(-1)          | 0",
        "SHL(3, 10)          | 3072",
        "SHR(10, 3)          | 1",
        "SHR(-10, 1)         | -5",
        "SHR(-1, 100)        | -1",
        "SHR(5, 64)          | 0",
        "SHL(0, 1000)        | 0",
        "SHL(-1, 63)         | -9223372036854775808",
        "BITAND(7.9, -3.9)   | 5",
        "BITOR($on, 2)       | 3",
        "SHL(1, 2.9)         | 4",
      })
  void bitwise_truncatesTowardZeroFirst(String text, String expected) {
    assertResult(text, expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "IF(1, 2, 3)                 | 2",
        "IF(0, 2, 3)                 | 3",
        "IF(false, unavailable, 10)  | 10",
        "IF(true, 10, unavailable)   | 10",
        "IF(nan, 1, 2)               | 1",
        "IF($off, 1, 2.5)            | 2.5",
      })
  void if_evaluatesOnlyTheBranchTaken(String text, String expected) {
    assertResult(text, expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "LUT(2.4, 2, 100, 3, 200, 16, 1000)       | 100",
        "LUT(2.6, 2, 100, 3, 200, 16, 1000)       | 200",
        "LUT(9.5, 2, 100, 3, 200, 16, 1000)       | 1000",
        "LUT(2.5, 2, 100, 3, 200, 16, 1000)       | 200",
        "LUT(1, 2, 100, 3, 200, 16, 1000)         | 100",
        "LUT(20, 2, 100, 3, 200, 16, 1000)        | 1000",
        "LUT(2.4, 16, 1000, 3, 200, 2, 100)       | 100",
        "LUT(2.4, 2, 100, 3, 200, 16, 1000, 99)   | 100",
        "LUT(3, 2, 100, 3, 200, 16, 1000)         | 200",
        "LUTLI(5, 2, 100, 3, 200, 16, 1000)       | 323.0769230769231",
        "LUTLI(1, 2, 100, 3, 200, 16, 1000)       | 100",
        "LUTLI(20, 2, 100, 3, 200, 16, 1000)      | 1000",
        "LUTLI(2, 2, 100, 2, 200, 16, 1000)       | 100",
        "LUTLI(3, 16, 1000, 2, 100, 3, 200)       | 200.0",
      })
  void lookupTables_matchTheSpecPoints(String text, String expected) {
    assertResult(text, expected);
  }

  @Test
  void lutli_interpolatesLinearlyInsideTheSegment() {
    assertThat((Double) eval("LUTLI(2.4, 2, 100, 3, 200, 16, 1000)"))
        .isCloseTo(140.0, within(1e-9));
    assertThat((Double) eval("LUTLI(5, 2, 100, 3, 200, 16, 1000)"))
        .isCloseTo(323.08, within(0.005));
  }

  @Test
  void lookupTables_anUnavailablePoint_isTheFunctionsError() {
    assertFails("LUT(1, 2, unavailable, 3, 4)", "unavailable", true);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "AVAILABLE(1)                 | 1",
        "AVAILABLE(unavailable)       | 0",
        "AVAILABLE($nope)             | 0",
        "AVAILABLE($n4)               | 1",
        "AVAILABLE(ADD(1, $nope))     | 0",
        "DEFAULT(unavailable, 7)      | 7",
        "DEFAULT($nope, 7.5)          | 7.5",
        "DEFAULT($n4, 7)              | 4",
        "DEFAULT(MUL($nope, 2), 0)    | 0",
        "IGNCHG(5)                    | 5",
        "IGNCHG($on)                  | 1",
        "ONOFFAUTO(2, 7)              | 1",
        "ONOFFAUTO(-0.5, 7)           | 0",
        "ONOFFAUTO(0, 7)              | 7",
        "ONOFFAUTO(nan, 7)            | 7",
      })
  void availabilityAndState_stateless(String text, String expected) {
    assertResult(text, expected);
  }

  @Test
  void available_otherErrorsPropagate() {
    assertFails("AVAILABLE(DIV(1, 0))", "division by zero", false);
    assertFails("DEFAULT(DIV(1, 0), 3)", "division by zero", false);
  }

  @Test
  void default_evaluatesTheDefaultFirstAndItsErrorsPropagate() {
    assertFails("DEFAULT(1, unavailable)", "unavailable", true);
    assertFails("DEFAULT(1, DIV(1, 0))", "division by zero", false);
  }

  @Test
  void functions_anErrorInAnyArgument_isTheFunctionsError() {
    assertFails("ADD(1, unavailable)", "unavailable", true);
    assertFails("MUL(2, DIV(1, 0))", "DIV: arithmetic error", false);
  }

  @Test
  void evaluate_booleanResult_isReturnedAsInteger() {
    @Nullable Object result = eval("$on", ports());
    assertThat(result).isEqualTo(1L);
    assertThat(eval("MAX($off, $off)", ports())).isEqualTo(0L);
  }

  @Test
  void errorMessages_nameTheFailingFunctionOrReference() {
    assertThatThrownBy(() -> eval("ADD(1, DIV(1, 0))"))
        .hasMessage("DIV: arithmetic error: division by zero");
    assertThatThrownBy(() -> eval("MUL($nope, 2)", ports())).hasMessage("unknown port \"nope\"");
    assertThatThrownBy(() -> eval("DATE(2026, 13, 1, 0, 0, 0)"))
        .hasMessage("DATE: invalid argument 2: 13");
  }
}
