package io.github.qtogglemqtt.core.filter.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The stateful functions of spec 5.4: memory per expression instance and per call site, time from
 * the context's clock, which the tests move by hand.
 */
class StatefulFunctionsTest {
  private final TestContext context = TestContext.rich().port("x", 0);

  /** Sets $x, optionally moves the clock, evaluates. */
  private @Nullable Object step(Expression expression, Object x, long advanceMillis) {
    context.port("x", x).advance(advanceMillis);
    return expression.evaluate(context);
  }

  private List<@Nullable Object> run(String text, Object... xs) {
    Expression expression = Expression.parse(text);
    List<@Nullable Object> results = new ArrayList<>();
    for (Object x : xs) {
      results.add(step(expression, x, 0));
    }
    return results;
  }

  @Test
  void rising_isOneOnlyWhenGreaterThanThePreviousEvaluation() {
    assertThat(run("RISING($x)", 1, 2, 2, 1, 5.5, true)).containsExactly(0L, 1L, 0L, 0L, 1L, 0L);
  }

  @Test
  void falling_isOneOnlyWhenSmallerThanThePreviousEvaluation() {
    assertThat(run("FALLING($x)", 5, 4, 4, 6, 0.5, false)).containsExactly(0L, 1L, 0L, 0L, 1L, 1L);
  }

  @Test
  void state_isPerExpressionInstanceAndPerCallSite() {
    Expression first = Expression.parse("RISING($x)");
    Expression second = Expression.parse("RISING($x)");
    step(first, 1, 0);
    assertThat(step(first, 2, 0)).isEqualTo(1L);
    assertThat(second.evaluate(context)).isEqualTo(0L);

    Expression twice = Expression.parse("ADD(RISING($x), RISING($x))");
    step(twice, 1, 0);
    assertThat(step(twice, 3, 0)).isEqualTo(2L);
  }

  @Test
  void rising_failedEvaluation_keepsTheRememberedValue() {
    Expression expression = Expression.parse("RISING($x)");
    step(expression, 1, 0);
    context.disabled("x", 9);
    assertThatThrownBy(() -> expression.evaluate(context)).isInstanceOf(EvaluationException.class);
    assertThat(step(expression, 2, 0)).isEqualTo(1L);
  }

  @Test
  void acc_addsTheChangeOfXToTheAccumulator() {
    assertThat(run("ACC($x, 100)", 5, 8, 6)).containsExactly(100L, 103L, 98L);
    assertThat(run("ACC($x, 1.5)", 1, 2)).containsExactly(1.5, 2.5);
  }

  @Test
  void accinc_addsOnlyIncrements() {
    assertThat(run("ACCINC($x, 100)", 5, 8, 6, 7)).containsExactly(100L, 103L, 100L, 101L);
  }

  @Test
  void hyst_switchesOnAboveHighAndOffBelowLow() {
    assertThat(run("HYST($x, 10, 20)", 15, 20, 21, 15, 10, 9, 15))
        .containsExactly(0L, 0L, 1L, 1L, 1L, 0L, 0L);
  }

  @Test
  void sequence_cyclesThroughValuesByTheClockFromTheFirstEvaluation() {
    Expression expression = Expression.parse("SEQUENCE(1, 100, 2, 200)");
    assertThat(step(expression, 0, 0)).isEqualTo(1L);
    assertThat(step(expression, 0, 100)).isEqualTo(1L);
    assertThat(step(expression, 0, 1)).isEqualTo(2L);
    assertThat(step(expression, 0, 198)).isEqualTo(2L); // 299 ms
    assertThat(step(expression, 0, 1)).isEqualTo(1L); // 300 ms: 300 mod 300 = 0
    assertThat(step(expression, 0, 1)).isEqualTo(1L); // 301 ms: 1
    assertThat(step(expression, 0, 299)).isEqualTo(1L); // 600 ms: 0
  }

  @Test
  void sequence_zeroTotalDelay_isAnArithmeticError() {
    assertThatThrownBy(() -> Expression.parse("SEQUENCE(1, 0, 2, 0)").evaluate(context))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("SEQUENCE: arithmetic error");
  }

  @Test
  void delay_returnsTheValueXHadDelayAgo() {
    Expression expression = Expression.parse("DELAY($x, 1000)");
    assertThat(step(expression, 5, 0)).isEqualTo(5L);
    assertThat(step(expression, 6, 0)).isEqualTo(5L);
    assertThat(step(expression, 7, 500)).isEqualTo(5L);
    assertThat(step(expression, 7, 499)).isEqualTo(5L);
    assertThat(step(expression, 7, 1)).isEqualTo(6L);
    assertThat(step(expression, 7, 499)).isEqualTo(6L);
    assertThat(step(expression, 7, 1)).isEqualTo(7L);
  }

  @Test
  void delay_keepsAtMost1024PendingChanges() {
    Expression expression = Expression.parse("DELAY($x, 2000)");
    long start = context.nowMillis();
    step(expression, -1, 0);
    for (int i = 0; i < 1100; i++) {
      context.at(start + i);
      step(expression, 1000 + i, 0);
    }
    // the 76 oldest changes (t = 0..75) were dropped: at t = 2050 nothing is due yet
    context.at(start + 2050);
    assertThat(expression.evaluate(context)).isEqualTo(-1L);
    context.at(start + 2076);
    assertThat(expression.evaluate(context)).isEqualTo(1076L);
  }

  @Test
  void timer_returnsOnUntilTheDurationOrUntilXFalls() {
    Expression expression = Expression.parse("TIMER($x, 10, 20, 1000)");
    assertThat(step(expression, 0, 0)).isEqualTo(20L);
    assertThat(step(expression, 1, 0)).isEqualTo(10L);
    assertThat(step(expression, 1, 999)).isEqualTo(10L);
    assertThat(step(expression, 1, 1)).isEqualTo(20L);
    assertThat(step(expression, 1, 1)).isEqualTo(10L); // idle and x truthy: starts again
    assertThat(step(expression, 0, 1)).isEqualTo(20L);
    assertThat(step(expression, 0, 1)).isEqualTo(20L);
  }

  @Test
  void sample_takesXAtMostOnceEveryInterval() {
    Expression expression = Expression.parse("SAMPLE($x, 1000)");
    assertThat(step(expression, 1, 0)).isEqualTo(1L);
    assertThat(step(expression, 2, 500)).isEqualTo(1L);
    assertThat(step(expression, 3, 499)).isEqualTo(1L);
    assertThat(step(expression, 4, 1)).isEqualTo(4L);
  }

  @Test
  void freeze_holdsAChangedValueForTheDuration() {
    Expression expression = Expression.parse("FREEZE($x, 1000)");
    assertThat(step(expression, 1, 0)).isEqualTo(1L);
    assertThat(step(expression, 2, 100)).isEqualTo(1L);
    assertThat(step(expression, 2, 900)).isEqualTo(2L);
    assertThat(step(expression, 3, 500)).isEqualTo(2L);
    assertThat(step(expression, 3, 500)).isEqualTo(3L);
    assertThat(step(expression, 3, 5000)).isEqualTo(3L);
    assertThat(step(expression, 4, 0)).isEqualTo(4L);
  }

  @Test
  void held_isOneOnceXEqualledVForTheDuration() {
    Expression expression = Expression.parse("HELD($x, 1, 1000)");
    assertThat(step(expression, 1, 0)).isEqualTo(0L);
    assertThat(step(expression, true, 999)).isEqualTo(0L);
    assertThat(step(expression, 1.0, 1)).isEqualTo(1L);
    assertThat(step(expression, 0, 0)).isEqualTo(0L);
    assertThat(step(expression, 1, 0)).isEqualTo(0L);
    assertThat(step(expression, 1, 1000)).isEqualTo(1L);
  }

  @Test
  void deriv_isTheRateOfChangePerSecond() {
    Expression expression = Expression.parse("DERIV($x, 500)");
    assertThat(step(expression, 0, 0)).isEqualTo(0L);
    assertThat(step(expression, 10, 1000)).isEqualTo(10.0);
    assertThat(step(expression, 50, 100)).isEqualTo(10.0); // within the interval: last result
    assertThat(step(expression, 50, 400)).isEqualTo(80.0);
    assertThat(step(expression, 60, Stateful.TIME_JUMP_THRESHOLD_MS + 1)).isEqualTo(0L);
    assertThat(step(expression, 61, 2000)).isEqualTo(0.5);
  }

  @Test
  void deriv_twoSamplesAtTheSameMillisecond_isAnArithmeticErrorNotACrash() {
    Expression expression = Expression.parse("DERIV($x, 0)");
    step(expression, 0, 0);
    assertThatThrownBy(() -> step(expression, 1, 0))
        .isInstanceOf(EvaluationException.class)
        .hasMessageContaining("DERIV: arithmetic error");
  }

  @Test
  void integ_addsTrapezoidsWhenTheIntervalHasPassed() {
    Expression expression = Expression.parse("INTEG($x, 100, 500)");
    assertThat(step(expression, 10, 0)).isEqualTo(100L);
    assertThat(step(expression, 20, 1000)).isEqualTo(115.0);
    assertThat(step(expression, 30, 100)).isEqualTo(100L);
    assertThat(step(expression, 30, Stateful.TIME_JUMP_THRESHOLD_MS + 1)).isEqualTo(100L);
    assertThat(step(expression, 30, 2000)).isEqualTo(160.0);
  }

  @Test
  void fmavg_isTheMeanOfTheLastWSamples() {
    assertThat(run("FMAVG($x, 3, 0)", 1, 2, 3, 4)).containsExactly(1.0, 1.5, 2.0, 3.0);
    Expression expression = Expression.parse("FMAVG($x, 3, 1000)");
    assertThat(step(expression, 4, 0)).isEqualTo(4.0);
    assertThat(step(expression, 8, 999)).isEqualTo(4.0);
    assertThat(step(expression, 8, 1)).isEqualTo(6.0);
  }

  @Test
  void fmavg_widthIsClampedToOneAtLeast() {
    assertThat(run("FMAVG($x, 0, 0)", 1, 2, 3)).containsExactly(1.0, 2.0, 3.0);
  }

  @Test
  void fmedian_isTheUpperMiddleOfTheSortedSamples() {
    assertThat(run("FMEDIAN($x, 3, 0)", 5, 1, 3, 10, 0)).containsExactly(5L, 5L, 3L, 3L, 3L);
    assertThat(run("FMEDIAN($x, 4, 0)", 4, 1, 3, 2)).containsExactly(4L, 4L, 3L, 3L);
  }
}
