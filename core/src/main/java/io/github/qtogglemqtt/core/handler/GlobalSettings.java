package io.github.qtogglemqtt.core.handler;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The top-level settings of a qtoggleserver.conf that every handler sees (spec 6.4).
 *
 * @param publicUrl the server's public URL ({@code public_url}), or null
 * @param metadata the metadata catalogue as the context's {@code metadata} map: dotted names
 *     already expanded into nested maps
 * @param sensitiveMetadata the dotted names of metadata entries marked sensitive: left out of JSON
 *     payloads (D5), still visible to templates
 */
public record GlobalSettings(
    @Nullable String publicUrl,
    Map<String, @Nullable Object> metadata,
    Set<String> sensitiveMetadata) {
  public GlobalSettings {
    requireNonNull(metadata, "metadata is null");
    requireNonNull(sensitiveMetadata, "sensitiveMetadata is null");
  }

  /** No public URL, no metadata. */
  public static GlobalSettings none() {
    return new GlobalSettings(null, Map.of(), Set.of());
  }
}
