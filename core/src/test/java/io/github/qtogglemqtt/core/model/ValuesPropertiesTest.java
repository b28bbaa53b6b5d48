package io.github.qtogglemqtt.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.filter.DeviceState;
import io.github.qtogglemqtt.core.testing.FakeJsonEncoder;
import io.github.qtogglemqtt.core.testing.TestJson;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/** Property tests of the value model (spec 0): fidelity through state and encoding; py-equality. */
class ValuesPropertiesTest {
  private final FakeJsonEncoder encoder = new FakeJsonEncoder();

  @Provide
  Arbitrary<@Nullable Object> jsonValues() {
    return value(3);
  }

  private Arbitrary<@Nullable Object> value(int depth) {
    Arbitrary<@Nullable Object> scalars =
        Arbitraries.oneOf(
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles()
                    .withSpecialValue(-0.0)
                    .withSpecialValue(1e16)
                    .withSpecialValue(1e-5)
                    .withSpecialValue(5e-324)
                    .map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.strings().all().ofMaxLength(8).map(s -> (Object) s))
            .injectNull(0.05);
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<@Nullable Object> lists = value(depth - 1).list().ofMaxSize(4).map(l -> (Object) l);
    Arbitrary<@Nullable Object> maps =
        Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(5), value(depth - 1))
            .ofMaxSize(4)
            .map(m -> (Object) new LinkedHashMap<>(m));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, scalars),
        net.jqwik.api.Tuple.of(2, lists),
        net.jqwik.api.Tuple.of(2, maps));
  }

  @Property(tries = 200)
  void anyValue_throughStateAndEncoder_readsBackIdenticalAndPureAscii(
      @ForAll("jsonValues") @Nullable Object value) {
    DeviceState state = new DeviceState();
    Map<String, @Nullable Object> params = new LinkedHashMap<>();
    params.put("id", "p");
    params.put("value", value);
    state.apply(new ValueChange("p", params, 1.0));

    String json = encoder.encode(state.portValues());

    assertThat(json.chars()).allMatch(c -> c >= 0x20 && c <= 0x7e);
    Map<String, @Nullable Object> expected = new LinkedHashMap<>();
    expected.put("p", value);
    // Long stays Long and Double stays Double: 21 and 21.0 survive as written
    assertThat(TestJson.parse(json)).isEqualTo(expected);
    assertThat(encoder.encode(TestJson.parse(json))).isEqualTo(json);
  }

  @Provide
  Arbitrary<@Nullable Object> scalars() {
    return Arbitraries.of(
        Arrays.asList(
            0L,
            1L,
            2L,
            -1L,
            0.0,
            -0.0,
            1.0,
            2.0,
            2.5,
            true,
            false,
            "1",
            "",
            "a",
            null,
            List.of(1L),
            List.of(1.0),
            List.of(true),
            Map.of("a", 1L),
            Map.of("a", 1.0)));
  }

  @Property
  void pyEquals_isReflexive(@ForAll("scalars") @Nullable Object a) {
    assertThat(Values.pyEquals(a, a)).isTrue();
  }

  @Property
  void pyEquals_isSymmetric(
      @ForAll("scalars") @Nullable Object a, @ForAll("scalars") @Nullable Object b) {
    assertThat(Values.pyEquals(a, b)).isEqualTo(Values.pyEquals(b, a));
  }

  @Property(tries = 1000)
  void pyEquals_isTransitive(
      @ForAll("scalars") @Nullable Object a,
      @ForAll("scalars") @Nullable Object b,
      @ForAll("scalars") @Nullable Object c) {
    if (Values.pyEquals(a, b) && Values.pyEquals(b, c)) {
      assertThat(Values.pyEquals(a, c)).isTrue();
    }
  }

  @Property
  void pyEquals_numbersAndBooleans_compareByNumericValue(@ForAll long n) {
    // mathematically equal, as Python compares int and float (2**63 - 1 != 2.0**63)
    boolean exact =
        new java.math.BigDecimal((double) n).compareTo(java.math.BigDecimal.valueOf(n)) == 0;
    assertThat(Values.pyEquals(n, (double) n)).isEqualTo(exact);
    assertThat(Values.pyEquals(n == 1, n == 1 ? 1L : 0L)).isTrue();
    assertThat(Values.pyEquals(Long.toString(n), n)).isFalse();
  }
}
