package io.github.qtogglemqtt.adapter.source.qtoggle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QToggleJsonTest {

  @Test
  void parseApiResponse_refs_areReplacedByTheirTarget() throws Exception {
    Object doc =
        QToggleJson.parseApiResponse(
            "[{\"id\": \"a\", \"definitions\": {\"x\": {\"type\": \"number\"}}},"
                + " {\"id\": \"b\", \"definitions\": {\"$ref\": \"#/0/definitions\"}},"
                + " {\"id\": \"c~/\", \"other\": {\"$ref\": \"#/9\"}, \"keep\": {\"$ref\": 1}}]");

    List<?> ports = (List<?>) doc;
    assertThat(((Map<?, ?>) ports.get(1)).get("definitions"))
        .isEqualTo(Map.of("x", Map.of("type", "number")));
    assertThat(((Map<?, ?>) ports.get(2)).get("other")).isEqualTo(Map.of("$ref", "#/9"));
    assertThat(((Map<?, ?>) ports.get(2)).get("keep")).isEqualTo(Map.of("$ref", 1L));
  }

  @Test
  void parseApiResponse_numbers_keepTheirKind() throws Exception {
    Object doc = QToggleJson.parseApiResponse("{\"i\": 21, \"f\": 21.0, \"e\": 2E1}\n");

    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) doc;
    assertThat(map).containsEntry("i", 21L).containsEntry("f", 21.0).containsEntry("e", 20.0);
  }
}
