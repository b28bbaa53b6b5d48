package io.github.qtogglemqtt.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code moment} of template contexts (spec 6.4, 6.6). */
class MomentTest {
  private final Moment moment = Moment.of(1_718_000_000.25, ZoneOffset.UTC);

  @Test
  void pyStr_printsLikePythonsDatetime() {
    assertThat(moment.pyStr()).isEqualTo("2024-06-10 06:13:20.250000");
    assertThat(Moment.of(1_718_000_000, ZoneOffset.UTC).pyStr()).isEqualTo("2024-06-10 06:13:20");
    assertThat(moment.isoformat()).isEqualTo("2024-06-10T06:13:20.250000");
  }

  @Test
  void prettyC_spacePadsTheDayOfMonth() {
    assertThat(moment.prettyC()).isEqualTo("Mon Jun 10 06:13:20 2024");
    assertThat(Moment.of(1_717_481_600, ZoneOffset.UTC).prettyC())
        .isEqualTo("Tue Jun  4 06:13:20 2024");
  }

  @Test
  void attributesAndMethods() {
    assertThat(moment.attribute("year")).isEqualTo(2024L);
    assertThat(moment.attribute("month")).isEqualTo(6L);
    assertThat(moment.attribute("day")).isEqualTo(10L);
    assertThat(moment.attribute("hour")).isEqualTo(6L);
    assertThat(moment.attribute("minute")).isEqualTo(13L);
    assertThat(moment.attribute("second")).isEqualTo(20L);
    assertThat(moment.attribute("microsecond")).isEqualTo(250_000L);
    assertThat(moment.attribute("nope")).isEqualTo(Undefined.INSTANCE);
    assertThat(moment.invoke("weekday", List.of())).isEqualTo(0L);
    assertThat(moment.invoke("timestamp", List.of())).isEqualTo(1_718_000_000.25);
  }

  @Test
  void strftime_commonCodes() {
    assertThat(moment.strftime("%Y-%m-%d %H:%M:%S %a %b %y %j %p %I %%"))
        .isEqualTo("2024-06-10 06:13:20 Mon Jun 24 162 AM 06 %");
    assertThat(moment.strftime("%c")).isEqualTo("Mon Jun 10 06:13:20 2024");
    assertThat(moment.invoke("strftime", List.of("%H:%M"))).isEqualTo("06:13");
  }

  @Test
  void localTimeFollowsTheZoneButJsonIsUtc_D12() {
    Moment local = Moment.of(1_718_000_000.25, ZoneId.of("America/New_York"));

    assertThat(local.pyStr()).isEqualTo("2024-06-10 02:13:20.250000");
    assertThat(local.utcJson()).isEqualTo("2024-06-10T06:13:20Z");
  }
}
