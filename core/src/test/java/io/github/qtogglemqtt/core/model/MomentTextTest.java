package io.github.qtogglemqtt.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The texts of {@link Moment} that the default payload and {@code pretty_moment} carry. */
class MomentTextTest {

  @Test
  void utcJson_randomTimestamps_matchTheFormatOfSpec77() {
    SplittableRandom random = new SplittableRandom(11L);
    for (int i = 0; i < 20_000; i++) {
      double ts = random.nextDouble(-1e9, 3e11);
      LocalDateTime utc = LocalDateTime.ofEpochSecond((long) Math.floor(ts), 0, ZoneOffset.UTC);
      String expected =
          "%04d-%02d-%02dT%02d:%02d:%02dZ"
              .formatted(
                  utc.getYear(),
                  utc.getMonthValue(),
                  utc.getDayOfMonth(),
                  utc.getHour(),
                  utc.getMinute(),
                  utc.getSecond());
      assertThat(Moment.of(ts, ZoneOffset.UTC).utcJson()).as("%s", ts).isEqualTo(expected);
    }
  }

  @Test
  void prettyC_everyMonthAndDay_usesEnglishShortNames() {
    for (int day = 0; day < 400; day += 3) {
      Moment moment = Moment.of(1_704_067_200.0 + day * 86_400.0, ZoneOffset.UTC);
      LocalDateTime local = moment.local();
      assertThat(moment.prettyC())
          .startsWith(
              local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                  + " "
                  + local.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                  + " ");
      assertThat(moment.strftime("%A %B"))
          .isEqualTo(
              local.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                  + " "
                  + local.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }
  }
}
