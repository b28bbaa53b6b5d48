package io.github.qtogglemqtt.app.config;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.spi.AdapterProperties;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One MQTT entry of {@code event_handlers}, as written (secret files already read).
 *
 * @param index the entry's position in {@code event_handlers}, counting entries of other drivers
 * @param client the MQTT client adapter's name ({@code client}, default {@code hivemq})
 * @param templateEngine the template engine's name ({@code template_engine}, default {@code
 *     pebble})
 * @param values every key of the entry, in file order
 * @param configuredName the entry's {@code name} when it is a string, else null
 */
public record HandlerEntry(
    int index,
    String client,
    String templateEngine,
    Map<String, @Nullable Object> values,
    @Nullable String configuredName) {

  /** The selector key naming the MQTT client adapter. */
  public static final String CLIENT = "client";

  /** The selector key naming the template engine adapter. */
  public static final String TEMPLATE_ENGINE = "template_engine";

  /** The key naming the handler class in qtoggleserver.conf. */
  public static final String DRIVER = "driver";

  public HandlerEntry {
    requireNonNull(client, "client is null");
    requireNonNull(templateEngine, "templateEngine is null");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** The entry's path as a user reads it in messages: {@code event_handlers[1]}. */
  public String path() {
    return "event_handlers[%d]".formatted(index);
  }

  /** The name when the entry has none: its index. */
  public String defaultName() {
    return Integer.toString(index);
  }

  /** The handler as {@code render} prints it: its name, or its index as a number. */
  public Object displayName() {
    return configuredName != null ? configuredName : (Object) (long) index;
  }

  /** A fresh strict view over the entry's keys, with the app's selector keys already read. */
  public AdapterProperties properties() {
    AdapterProperties properties = AdapterProperties.of(path(), values);
    properties.markRead(CLIENT, TEMPLATE_ENGINE, DRIVER);
    return properties;
  }
}
