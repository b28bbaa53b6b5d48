package io.github.qtogglemqtt.core.port.out;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Writes a JSON value exactly as qToggle's Python add-on does (spec 7.7): one line, {@code ", "}
 * and {@code ": "} separators, insertion order, pure ASCII with {@code \\uXXXX} escapes (surrogate
 * pairs above U+FFFF), Python float repr. A {@link io.github.qtogglemqtt.core.model.RawJson} is
 * written verbatim. NaN and infinities are written as {@code null} (D11) and reported to the
 * listener.
 *
 * <p>Thread-safe; no I/O.
 *
 * @since 0.1
 */
public interface JsonEncoder {

  /**
   * Encodes a JSON value.
   *
   * @param value a JSON value (see {@link io.github.qtogglemqtt.core.model.Values}), possibly
   *     containing {@link io.github.qtogglemqtt.core.model.RawJson} parts
   * @param nonFinite told once per NaN or infinite float written as {@code null}; may be null
   * @throws IllegalArgumentException for a value that is not of the JSON value model
   */
  String encode(@Nullable Object value, @Nullable NonFiniteListener nonFinite);

  /**
   * Encodes a JSON value as the bytes of a payload: {@link #encode(Object, NonFiniteListener)} in
   * US-ASCII (the text is pure ASCII). Encoders may write the bytes without the intermediate
   * string.
   *
   * @since 0.1
   */
  default byte[] encodeAscii(@Nullable Object value, @Nullable NonFiniteListener nonFinite) {
    return encode(value, nonFinite).getBytes(StandardCharsets.US_ASCII);
  }

  /** Encodes a JSON value; non-finite floats become {@code null} silently. */
  default String encode(@Nullable Object value) {
    return encode(value, null);
  }

  /** Told about a non-finite float that was written as {@code null}. */
  @FunctionalInterface
  interface NonFiniteListener {
    void nonFinite(double value);
  }
}
