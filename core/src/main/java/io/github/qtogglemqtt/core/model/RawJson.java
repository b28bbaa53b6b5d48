package io.github.qtogglemqtt.core.model;

import static java.util.Objects.requireNonNull;

/**
 * A JSON value that is already encoded, in the exact form of spec 7.7. A {@link
 * io.github.qtogglemqtt.core.port.out.JsonEncoder} writes it verbatim: this is how the core reuses
 * the encoding of parts of a payload that did not change between events.
 *
 * @param json the encoded value: valid JSON, pure ASCII, single line
 * @since 0.1
 */
public record RawJson(String json) {
  public RawJson {
    requireNonNull(json, "json is null");
  }

  @Override
  public String toString() {
    return json;
  }
}
