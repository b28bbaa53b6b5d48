package io.github.qtogglemqtt.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggesterTest {
  private static final List<String> KNOWN =
      List.of("server", "port", "reconnect_interval", "topic", "qos", "client_id");

  @Test
  void closest_oneTypo_suggestsTheKey() {
    assertThat(KeySuggester.closest("sever", KNOWN)).contains("server");
    assertThat(KeySuggester.closest("reconect_interval", KNOWN)).contains("reconnect_interval");
  }

  @Test
  void closest_nothingClose_suggestsNothing() {
    assertThat(KeySuggester.closest("completely_different", KNOWN)).isEmpty();
  }

  @Test
  void unknownKeyMessage_withSuggestion_namesIt() {
    assertThat(KeySuggester.unknownKeyMessage("topik", KNOWN))
        .isEqualTo("unknown key, did you mean topic?");
    assertThat(KeySuggester.unknownKeyMessage("zzzzzzzz", KNOWN)).isEqualTo("unknown key");
  }

  @Test
  void distance_isLevenshtein() {
    assertThat(KeySuggester.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(KeySuggester.distance("", "abc")).isEqualTo(3);
    assertThat(KeySuggester.distance("same", "same")).isZero();
  }
}
