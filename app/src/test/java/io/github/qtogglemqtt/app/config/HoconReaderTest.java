package io.github.qtogglemqtt.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qtogglemqtt.core.error.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoconReaderTest {

  @Test
  void parse_keysOnSeparateLines_keepFileOrder() {
    Map<String, Object> tree = HoconReader.parse("zeta = 1\nalpha = 2\nmiddle = 3\n");

    assertThat(tree.keySet()).containsExactly("zeta", "alpha", "middle");
  }

  @Test
  void parse_oneLineObject_keepsWrittenOrder() {
    Map<String, Object> tree =
        HoconReader.parse("template = {title = \"Door\", body = null, after = 1}\n");

    @SuppressWarnings("unchecked")
    Map<String, Object> template = (Map<String, Object>) tree.get("template");
    assertThat(template.keySet()).containsExactly("title", "body", "after");
  }

  @Test
  void parse_integersAndFloats_keepTheirType() {
    Map<String, Object> tree =
        HoconReader.parse("i = 21\nf = 21.0\ne = 1e3\nn = -0.50\nbig = 4611686018427387904\n");

    assertThat(tree.get("i")).isEqualTo(21L);
    assertThat(tree.get("f")).isEqualTo(21.0);
    assertThat(tree.get("e")).isEqualTo(1000.0);
    assertThat(tree.get("n")).isEqualTo(-0.5);
    assertThat(tree.get("big")).isEqualTo(4611686018427387904L);
  }

  @Test
  void parse_listsNullsAndBooleans_becomeJsonValues() {
    Map<String, Object> tree = HoconReader.parse("l = [1, 2.5, \"x\", null, true]\nn = null\n");

    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) tree.get("l");
    assertThat(list).containsExactly(1L, 2.5, "x", null, true);
    assertThat(tree).containsEntry("n", null);
  }

  @Test
  void parse_optionalMissingEnvironmentVariable_leavesKeyOut() {
    Map<String, Object> tree =
        HoconReader.parse("password = ${?QTOGGLE_MQTT_TEST_SURELY_UNSET_VARIABLE}\nport = 1\n");

    assertThat(tree).doesNotContainKey("password").containsEntry("port", 1L);
  }

  @Test
  void read_invalidHocon_reportsFileAndLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("broken.conf");
    Files.writeString(file, "a = 1\nb = {\n");

    assertThatThrownBy(() -> HoconReader.read(file))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not valid HOCON");
  }

  @Test
  void read_missingFile_isAConfigurationProblem(@TempDir Path dir) {
    assertThatThrownBy(() -> HoconReader.read(dir.resolve("nope.conf")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("cannot read the configuration file");
  }
}
