package io.github.qtogglemqtt.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.error.Problem;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AdapterPropertiesTest {

  private static AdapterProperties entry(Map<String, @Nullable Object> values) {
    return AdapterProperties.of("event_handlers[1]", values);
  }

  @Test
  void section_problemInNestedKey_isReportedByTheParentWithTheFullPath() {
    Map<String, @Nullable Object> nested = new LinkedHashMap<>();
    nested.put("enabled", "yes");
    AdapterProperties entry = entry(Map.of("homeassistant", nested));

    AdapterProperties section = entry.section("homeassistant");
    section.bool("enabled", false);

    assertThat(entry.problems())
        .containsExactly(
            new Problem(
                "event_handlers[1].homeassistant.enabled", "must be true or false (got \"yes\")"));
    assertThatThrownBy(entry::throwIfProblems).isInstanceOf(ConfigurationException.class);
  }

  @Test
  void intValue_outOfRange_recordsProblemNamingKeyAndValueAndReturnsDefault() {
    AdapterProperties entry = entry(Map.of("qos", 3L));

    assertThat(entry.intValue("qos", 0, 0, 2)).isZero();
    assertThat(entry.problems())
        .extracting(Problem::toString)
        .containsExactly("event_handlers[1].qos: must be between 0 and 2 (got 3)");
  }

  @Test
  void unreadKeys_afterReadingSome_listsTheRestInFileOrder() {
    Map<String, @Nullable Object> values = new LinkedHashMap<>();
    values.put("server", "b");
    values.put("servr", "x");
    values.put("qos", 1L);
    AdapterProperties entry = entry(values);

    entry.requireString("server");
    entry.intValue("qos", 0, 0, 2);

    assertThat(entry.unreadKeys()).containsExactly("servr");
  }

  @Test
  void secret_wrongType_problemDoesNotShowTheValue() {
    AdapterProperties entry = entry(Map.of("password", List.of("hunter2")));

    assertThat(entry.secret("password")).isEmpty();
    assertThat(entry.problems().toString()).doesNotContain("hunter2");
  }

  @Test
  void parseDuration_hoconForms_giveTheirDurations() {
    assertThat(AdapterProperties.parseDuration("10s")).contains(Duration.ofSeconds(10));
    assertThat(AdapterProperties.parseDuration("500ms")).contains(Duration.ofMillis(500));
    assertThat(AdapterProperties.parseDuration("2 minutes")).contains(Duration.ofMinutes(2));
    assertThat(AdapterProperties.parseDuration("soon")).isEmpty();
  }
}
