package io.github.qtogglemqtt.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast path of {@link Values#formatFloat} writes what the digit-by-digit path writes. */
class FormatFloatTest {

  @Test
  void formatFloat_randomValuesAroundTheFastRange_matchDigitPath() {
    SplittableRandom random = new SplittableRandom(20_261_125L);
    for (int i = 0; i < 300_000; i++) {
      // magnitudes from 1e-5 to 1e9, with every kind of mantissa
      double magnitude = Math.pow(10, -5 + random.nextDouble() * 14);
      double value = random.nextBoolean() ? magnitude : -magnitude;
      assertThat(Values.formatFloat(value))
          .as("%s", Double.toString(value))
          .isEqualTo(Values.formatFloatFromDigits(value));
    }
  }

  @Test
  void formatFloat_shortDecimalsAndBounds_matchDigitPath() {
    double[] values = {
      0.001,
      0.0011,
      0.00099999,
      1e7,
      9999999.999999998,
      1e7 - 1,
      0.1,
      0.2,
      0.3,
      1.0 / 3,
      2.0 / 3,
      20.5,
      21.0,
      100.0,
      1234567.0,
      0.1 + 0.2,
      1.5e-3,
      Math.nextDown(1e7),
      Math.nextUp(1e-3),
      Math.nextDown(1e-3),
      123.456,
      5e-3,
      7.0e6
    };
    for (double value : values) {
      for (double signed : new double[] {value, -value}) {
        assertThat(Values.formatFloat(signed))
            .as("%s", Double.toString(signed))
            .isEqualTo(Values.formatFloatFromDigits(signed));
      }
    }
  }

  @Test
  void formatFloat_integralAndRandomFractions_matchDigitPath() {
    SplittableRandom random = new SplittableRandom(7L);
    for (int i = 0; i < 100_000; i++) {
      double value = random.nextInt(10_000_000) / Math.pow(10, random.nextInt(6));
      if (value == 0) {
        continue;
      }
      assertThat(Values.formatFloat(value))
          .as("%s", Double.toString(value))
          .isEqualTo(Values.formatFloatFromDigits(value));
    }
  }
}
