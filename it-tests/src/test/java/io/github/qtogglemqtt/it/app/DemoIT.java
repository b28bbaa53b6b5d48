package io.github.qtogglemqtt.it.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code demo}, as the README's first command runs it, on a machine where no broker is needed. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DemoIT {

  @Test
  void demo_forAFewSeconds_printsTheMessagesItReceives_exits0() {
    AppProcess.Result result = AppProcess.run(Duration.ofSeconds(90), "demo", "--duration", "8s");

    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.err())
        .containsPattern("Embedded MQTT broker listening on 127\\.0\\.0\\.1:[0-9]+");
    assertThat(result.outLines())
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).matches("[^ ]+  \\{\"type\": \".*\\}"));
    assertThat(result.outLines())
        .anySatisfy(line -> assertThat(line).contains("\"type\": \"value-change\""));
  }

  @Test
  void demo_badDuration_exits2() {
    AppProcess.Result result = AppProcess.run(Duration.ofSeconds(60), "demo", "--duration", "soon");

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err()).contains("--duration");
  }
}
