package io.github.qtogglemqtt.core.filter.expression;

import static io.github.qtogglemqtt.core.filter.expression.Eval.eval;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Time and calendar functions (spec 5.3-5.4) against a fixed clock: 2026-01-15 10:30:45.250 UTC, a
 * Thursday; the zone comes from the context.
 */
class CalendarFunctionsTest {

  private static TestContext utc() {
    return TestContext.rich();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "TIME()                | 1768473045",
        "TIMEMS()              | 1768473045250",
        "MILLISECOND()         | 250",
        "YEAR()                | 2026",
        "MONTH()               | 1",
        "DAY()                 | 15",
        "HOUR()                | 10",
        "MINUTE()              | 30",
        "SECOND()              | 45",
        "DOW()                 | 3",
        "LDOM()                | 31",
        "MINUTEOFDAY()         | 630",
        "SECONDOFDAY()         | 37845",
        "DOW(1768176000)       | 0",
        "DOW(1768089600)       | 6",
        "DOW(1768176000.9)     | 0",
        "LDOM(1770000000)      | 28",
        "LDOM(1709251199)      | 29",
        "YEAR(0)               | 1970",
        "MONTH(1764547200)     | 12",
        "DATE(2026, 1, 15, 10, 30, 45)     | 1768473045",
        "DATE(2024, 2, 29, 0, 0, 0)        | 1709164800",
        "DATE(2026.9, 1.9, 15, 10, 30, 45) | 1768473045",
        "BOY()                 | 1767225600.0",
        "BOY(1)                | 1798761600.0",
        "BOY(-1)               | 1735689600.0",
        "BOM()                 | 1767225600.0",
        "BOM(1)                | 1769904000.0",
        "BOM(-1)               | 1764547200.0",
        "BOW()                 | 1768176000.0",
        "BOW(0, 6)             | 1768089600.0",
        "BOW(0, 1)             | 1767657600.0",
        "BOW(1)                | 1768780800.0",
        "BOW(-1)               | 1767571200.0",
        "BOD()                 | 1768435200.0",
        "BOD(1)                | 1768521600.0",
        "HMSINTERVAL(10, 0, 0, 11, 0, 0)     | 1",
        "HMSINTERVAL(10, 30, 45, 10, 30, 45) | 1",
        "HMSINTERVAL(10, 30, 46, 11, 0, 0)   | 0",
        "HMSINTERVAL(11, 0, 0, 10, 0, 0)     | 0",
        "HMSINTERVAL(0, 0, 0, 23, 59, 59.0)  | 1",
        "HMSINTERVAL(10.9, 0, 0, 10.5, 59, 59) | 1",
        "MDINTERVAL(1, 1, 1, 31)             | 1",
        "MDINTERVAL(1, 15, 1, 15)            | 1",
        "MDINTERVAL(1, 16, 2, 1)             | 0",
        "MDINTERVAL(12, 1, 1, 31)            | 0",
      })
  void calendar_inUtc(String text, String expected) {
    Object wanted =
        expected.contains(".") ? (Object) Double.parseDouble(expected) : Long.parseLong(expected);
    assertThat(eval(text, utc())).as(text).isEqualTo(wanted);
  }

  @Test
  void calendar_usesTheContextsZone() {
    TestContext bucharest = TestContext.rich().zone("Europe/Bucharest");
    assertThat(eval("HOUR()", bucharest)).isEqualTo(12L);
    assertThat(eval("BOD()", bucharest)).isEqualTo(1768428000.0);
    assertThat(eval("DATE(2026, 1, 15, 10, 30, 45)", bucharest)).isEqualTo(1768465845L);
  }

  @Test
  void date_inADaylightSavingGapOrOverlap_matchesPython() {
    TestContext berlin = TestContext.rich().zone("Europe/Berlin");
    assertThat(eval("DATE(2026, 3, 29, 2, 30, 0)", berlin)).isEqualTo(1774747800L);
    assertThat(eval("DATE(2026, 10, 25, 2, 30, 0)", berlin)).isEqualTo(1792888200L);
  }

  @Test
  void bow_onAMonday_isThatMondayAndTheSundayBefore() {
    TestContext monday = TestContext.rich().at(1768176000_000L + 3_600_000L);
    assertThat(eval("BOW()", monday)).isEqualTo(1768176000.0);
    assertThat(eval("BOW(0, 6)", monday)).isEqualTo(1768089600.0);
    assertThat(eval("DOW()", monday)).isEqualTo(0L);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "DATE(2026, 13, 1, 0, 0, 0)   | invalid argument 2",
        "DATE(2026, 0, 1, 0, 0, 0)    | invalid argument 2",
        "DATE(2026, 2, 29, 0, 0, 0)   | invalid argument 3",
        "DATE(2026, 4, 31, 0, 0, 0)   | invalid argument 3",
        "DATE(0, 1, 1, 0, 0, 0)       | invalid argument 1",
        "DATE(2026, 1, 1, 24, 0, 0)   | invalid argument 4",
        "DATE(2026, 1, 1, 0, 60, 0)   | invalid argument 5",
        "DATE(2026, 1, 1, 0, 0, -1)   | invalid argument 6",
        "HMSINTERVAL(24, 0, 0, 1, 0, 0)   | invalid argument 1",
        "HMSINTERVAL(0, 60, 0, 1, 0, 0)   | invalid argument 2",
        "HMSINTERVAL(0, 0, 60, 1, 0, 0)   | invalid argument 3",
        "HMSINTERVAL(0, 0, 0, -1, 0, 0)   | invalid argument 4",
        "HMSINTERVAL(0, 0, 0, 1, 59.5, 0) | invalid argument 5",
        "HMSINTERVAL(0, 0, 0, 23.5, 0, 0) | invalid argument 4",
        "HMSINTERVAL(0, 0, 0, 1, 0, nan)  | invalid argument 6",
        "MDINTERVAL(13, 1, 1, 1)      | invalid argument 1",
        "MDINTERVAL(2, 30, 3, 1)      | invalid argument 2",
        "MDINTERVAL(1, 1, 0, 5)       | invalid argument 3",
        "MDINTERVAL(1, 1, 2, 29)      | invalid argument 4",
        "MDINTERVAL(1, nan, 2, 1)     | invalid argument 2",
      })
  void calendar_impossibleComponents_areInvalidArgumentValues(String text, String message) {
    assertThatThrownBy(() -> eval(text, utc()))
        .isInstanceOfSatisfying(
            EvaluationException.class, e -> assertThat(e.unavailable()).isFalse())
        .hasMessageContaining(message)
        .hasMessageContaining(text.substring(0, text.indexOf('(')) + ": ");
  }

  @Test
  void calendar_beforeTheRealTimeEpoch_isUnavailable() {
    TestContext early = TestContext.rich().at(Calendar.REAL_TIME_EPOCH_MILLIS - 1);
    for (String text :
        new String[] {
          "YEAR()",
          "MILLISECOND()",
          "DOW(1768176000)",
          "BOY()",
          "BOM()",
          "BOW()",
          "BOD()",
          "HMSINTERVAL(0, 0, 0, 23, 59, 59)",
          "MDINTERVAL(1, 1, 12, 31)",
          "LDOM()",
          "SECONDOFDAY()"
        }) {
      assertThatThrownBy(() -> eval(text, early))
          .as(text)
          .isInstanceOfSatisfying(
              EvaluationException.class, e -> assertThat(e.unavailable()).isTrue())
          .hasMessageContaining("real date/time is unavailable");
    }
    assertThat(eval("AVAILABLE(YEAR())", early)).isEqualTo(0L);
    assertThat(eval("TIME()", early)).isEqualTo(1546304399L);
    assertThat(eval("DATE(2026, 1, 15, 10, 30, 45)", early)).isEqualTo(1768473045L);
    TestContext justSet = TestContext.rich().at(Calendar.REAL_TIME_EPOCH_MILLIS);
    assertThat(eval("YEAR()", justSet)).isEqualTo(2019L);
  }

  @Test
  void calendar_timestampsBeyondPythonsDateRange_areEvaluationErrors() {
    assertThatThrownBy(() -> eval("YEAR(1e15)", utc())).isInstanceOf(EvaluationException.class);
    assertThatThrownBy(() -> eval("BOY(100000)", utc())).isInstanceOf(EvaluationException.class);
    assertThatThrownBy(() -> eval("BOD(1e12)", utc())).isInstanceOf(EvaluationException.class);
    assertThatThrownBy(() -> eval("BOW(1e17)", utc())).isInstanceOf(EvaluationException.class);
  }
}
