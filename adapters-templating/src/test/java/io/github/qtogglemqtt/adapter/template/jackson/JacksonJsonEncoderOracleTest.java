package io.github.qtogglemqtt.adapter.template.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.model.RawJson;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.testing.FakeJsonEncoder;
import io.github.qtogglemqtt.core.testing.TestJson;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Differential test: on thousands of random JSON values, the Jackson encoder writes the same bytes
 * as the plain-Java spec 7.7 oracle of core's test-jar, and its output reads back to the value.
 */
class JacksonJsonEncoderOracleTest {
  private static final String ALPHABET =
      "ab Z09\"\\/\b\f\n\r\t\u0000\u001f\u007f ~°é\u2028\uffff😀\ud800x<>&'";

  private final JsonEncoder jackson =
      new JacksonJsonEncoderFactory().create(AdapterContext.system());
  private final JsonEncoder oracle = new FakeJsonEncoder();

  @Test
  void encode_randomValues_matchesTheSpecOracleByteForByte() {
    Random random = new Random(20240610L);
    for (int i = 0; i < 3000; i++) {
      Object value = value(random, 0);
      List<Double> jacksonNonFinite = new ArrayList<>();
      List<Double> oracleNonFinite = new ArrayList<>();

      String expected = oracle.encode(value, oracleNonFinite::add);
      String actual = jackson.encode(value, jacksonNonFinite::add);

      assertThat(actual).as("value #%d", i).isEqualTo(expected);
      assertThat(jacksonNonFinite).isEqualTo(oracleNonFinite);
      assertThat(actual.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)).as("pure ASCII").isTrue();
    }
  }

  @Test
  void encode_finiteValues_readBackEqual() {
    Random random = new Random(7L);
    for (int i = 0; i < 500; i++) {
      Object value = finite(random, 0);
      assertThat(TestJson.parse(jackson.encode(value))).isEqualTo(value);
    }
  }

  private static @Nullable Object value(Random random, int depth) {
    int kind = random.nextInt(depth > 3 ? 7 : 9);
    return switch (kind) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextLong() >> random.nextInt(64);
      case 3 -> new BigInteger(80, random).negate();
      case 4 -> doubleValue(random);
      case 5 -> string(random);
      case 6 -> new RawJson("[1, \"x\"]");
      case 7 -> {
        List<@Nullable Object> list = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          list.add(value(random, depth + 1));
        }
        yield list;
      }
      default -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          map.put(string(random), value(random, depth + 1));
        }
        yield map;
      }
    };
  }

  private static @Nullable Object finite(Random random, int depth) {
    int kind = random.nextInt(depth > 3 ? 5 : 7);
    return switch (kind) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextLong() >> random.nextInt(64);
      case 3 -> {
        double d = doubleValue(random);
        yield Double.isFinite(d) ? d : 0.5;
      }
      case 4 -> string(random);
      case 5 -> {
        List<@Nullable Object> list = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          list.add(finite(random, depth + 1));
        }
        yield list;
      }
      default -> {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          map.put(string(random), finite(random, depth + 1));
        }
        yield map;
      }
    };
  }

  private static double doubleValue(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> Double.NaN;
      case 1 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      case 2 -> random.nextInt(1000) / 4.0;
      case 3 -> Double.MIN_VALUE * random.nextInt(100);
      case 4 -> Math.scalb(random.nextDouble(), random.nextInt(200) - 100);
      case 5 -> -0.0;
      default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
    };
  }

  private static String string(Random random) {
    StringBuilder s = new StringBuilder();
    for (int n = random.nextInt(6); n > 0; n--) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
