package io.github.qtogglemqtt.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qtogglemqtt.core.model.RawJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The test oracle itself follows spec 7.7. */
class FakeJsonEncoderTest {
  private final FakeJsonEncoder encoder = new FakeJsonEncoder();

  @Test
  void encode_separatorsOrderAndEmptyContainers() {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    map.put("z", 1L);
    map.put("a", Arrays.asList(true, null, 21.0));
    map.put("e", Map.of());
    map.put("l", List.of());

    assertThat(encoder.encode(map))
        .isEqualTo("{\"z\": 1, \"a\": [true, null, 21.0], \"e\": {}, \"l\": []}");
  }

  @Test
  void encode_stringsAreAsciiWithLowercaseEscapesAndSurrogatePairs() {
    assertThat(encoder.encode("°C \"q\" \\ / \b\f\n\r\t \u007f \u0001 😀"))
        .isEqualTo("\"\\u00b0C \\\"q\\\" \\\\ / \\b\\f\\n\\r\\t \\u007f \\u0001 \\ud83d\\ude00\"");
  }

  @Test
  void encode_floatsAsPythonRepr() {
    assertThat(encoder.encode(List.of(21.5, 1e16, 1.5e16, 1e-5, 0.0001, -0.0, 1718000000.25)))
        .isEqualTo("[21.5, 1e+16, 1.5e+16, 1e-05, 0.0001, -0.0, 1718000000.25]");
  }

  @Test
  void encode_nonFinite_writesNullAndTellsTheListener() {
    List<Double> told = new ArrayList<>();

    String json = encoder.encode(List.of(Double.NaN, Double.POSITIVE_INFINITY, 1.0), told::add);

    assertThat(json).isEqualTo("[null, null, 1.0]");
    assertThat(told).hasSize(2);
  }

  @Test
  void encode_rawJsonVerbatim_andRejectsOtherObjects() {
    assertThat(encoder.encode(List.of(new RawJson("{\"a\": 1}")))).isEqualTo("[{\"a\": 1}]");
    assertThatThrownBy(() -> encoder.encode(new Object()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
