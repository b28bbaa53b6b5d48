package io.github.qtogglemqtt.app.config;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.handler.GlobalSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The whole configuration, structurally valid: the MQTT handler entries, the event source, the
 * settings every handler shares. The adapters' own keys are checked later, by their factories.
 *
 * @param file the configuration file
 * @param handlers the MQTT entries of {@code event_handlers}, in order
 * @param source the event source
 * @param global {@code public_url} and {@code metadata}
 * @param jsonEncoder the JSON encoder adapter's name ({@code json_encoder}, default {@code
 *     jackson})
 */
public record AppConfig(
    Path file,
    List<HandlerEntry> handlers,
    SourceEntry source,
    GlobalSettings global,
    String jsonEncoder,
    Optional<HttpSettings> http) {

  public AppConfig {
    requireNonNull(file, "file is null");
    handlers = List.copyOf(handlers);
    requireNonNull(source, "source is null");
    requireNonNull(global, "global is null");
    requireNonNull(jsonEncoder, "jsonEncoder is null");
    requireNonNull(http, "http is null");
  }

  /** The directory relative paths are resolved against: the configuration file's. */
  public Path baseDirectory() {
    Path parent = file.toAbsolutePath().getParent();
    return parent != null ? parent : Path.of("").toAbsolutePath();
  }
}
