package io.github.qtogglemqtt.app.config;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.spi.AdapterProperties;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The event source: which adapter and its keys.
 *
 * @param type the source adapter's name ({@code qtoggle}, {@code replay}, {@code simulator}, ...)
 * @param path the section's path in messages ({@code qtoggle}, {@code source}, or {@code --events})
 * @param values the source's keys, in file order ({@code type} removed)
 */
public record SourceEntry(String type, String path, Map<String, @Nullable Object> values) {

  public SourceEntry {
    requireNonNull(type, "type is null");
    requireNonNull(path, "path is null");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** A replay of a JSON-lines file, or of standard input for {@code "-"}. */
  public static SourceEntry replay(String path, String location) {
    return new SourceEntry("replay", location, Map.of("path", path));
  }

  /** A fresh strict view over the source's keys. */
  public AdapterProperties properties() {
    return AdapterProperties.of(path, values);
  }
}
