package io.github.qtogglemqtt.app.config;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.error.Problem;
import io.github.qtogglemqtt.core.handler.GlobalSettings;
import io.github.qtogglemqtt.core.model.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a HOCON file (our own, or a whole qtoggleserver.conf) into an {@link AppConfig}, collecting
 * every structural problem: the shape of {@code event_handlers}, {@code metadata}, the source
 * section, secret files, misspelt top-level keys. The adapters' own keys are checked afterwards by
 * their factories.
 */
public final class ConfigLoader {
  private static final Logger log = LoggerFactory.getLogger(ConfigLoader.class);

  /** The driver paths of the MQTT handler (spec 7.1): the current one and the pre-2025-12 one. */
  public static final Set<String> MQTT_DRIVERS =
      Set.of("qtoggleserver.mqtt.MQTTEventHandler", "qtoggleserver.mqtt.MqttEventHandler");

  static final String DEFAULT_CLIENT = "hivemq";
  static final String DEFAULT_TEMPLATE_ENGINE = "pebble";
  static final String DEFAULT_JSON_ENCODER = "jackson";

  private static final Set<String> OWN_KEYS =
      Set.of(
          "event_handlers", "public_url", "metadata", "qtoggle", "source", "json_encoder", "http");

  /** Top-level sections of a qtoggleserver.conf that do not concern us. */
  private static final Set<String> QTOGGLESERVER_SECTIONS =
      Set.of(
          "debug",
          "logging",
          "core",
          "server",
          "persist",
          "system",
          "frontend",
          "slaves",
          "webhooks",
          "reverse",
          "peripherals",
          "ports",
          "port_mappings",
          "vendor",
          "remote",
          "device",
          "provisioning");

  private final Path file;
  private final Path baseDirectory;
  private final List<Problem> problems = new ArrayList<>();

  private ConfigLoader(Path file) {
    this.file = file;
    Path parent = file.toAbsolutePath().getParent();
    this.baseDirectory = parent != null ? parent : Path.of("").toAbsolutePath();
  }

  /**
   * Reads and checks a configuration file.
   *
   * @param file the HOCON file
   * @param events when not null, the source is a replay of this file ({@code -} for standard
   *     input), whatever the file names
   * @throws ConfigurationException with every structural problem found
   */
  public static AppConfig load(Path file, @Nullable String events) {
    requireNonNull(file, "file is null");
    Map<String, @Nullable Object> tree = HoconReader.read(file);
    return new ConfigLoader(file).build(tree, events);
  }

  /**
   * Like {@link #load} for HOCON text (a built-in configuration such as {@code demo}'s); relative
   * paths resolve against the folder of {@code file}, which need not exist.
   */
  public static AppConfig loadText(String text, Path file, @Nullable String events) {
    return new ConfigLoader(file).build(HoconReader.parse(text), events);
  }

  private AppConfig build(Map<String, @Nullable Object> tree, @Nullable String events) {
    List<String> ignored = new ArrayList<>();
    for (String key : tree.keySet()) {
      if (OWN_KEYS.contains(key) || isSourceSection(tree, key)) {
        continue;
      }
      Optional<String> suggestion = KeySuggester.closest(key, OWN_KEYS);
      if (!QTOGGLESERVER_SECTIONS.contains(key) && suggestion.isPresent()) {
        problems.add(new Problem(key, "unknown key, did you mean %s?".formatted(suggestion.get())));
      } else {
        ignored.add(key);
      }
    }
    if (!ignored.isEmpty()) {
      log.info("Ignoring configuration sections that do not concern MQTT: {}", ignored);
    }

    List<HandlerEntry> handlers = handlers(tree.get("event_handlers"));
    SourceEntry source = source(tree, events);
    GlobalSettings global = global(tree);
    String jsonEncoder = string(tree, "json_encoder", DEFAULT_JSON_ENCODER);
    Optional<HttpSettings> http = http(tree.get("http"));

    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    return new AppConfig(file, handlers, source, global, jsonEncoder, http);
  }

  private Optional<HttpSettings> http(@Nullable Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(
          new Problem("http", "must be an object (got %s)".formatted(Values.typeName(value))));
      return Optional.empty();
    }
    Map<String, @Nullable Object> section = stringKeys(map);
    for (String key : section.keySet()) {
      if (!key.equals("listen")) {
        problems.add(
            new Problem("http." + key, KeySuggester.unknownKeyMessage(key, List.of("listen"))));
      }
    }
    Object listen = section.getOrDefault("listen", "127.0.0.1:9464");
    if (listen instanceof String text) {
      int colon = text.lastIndexOf(':');
      if (colon > 0) {
        try {
          int port = Integer.parseInt(text.substring(colon + 1));
          if (port >= 0 && port <= 65535) {
            return Optional.of(new HttpSettings(text.substring(0, colon), port));
          }
        } catch (NumberFormatException e) {
          // reported below
        }
      }
    }
    problems.add(
        new Problem(
            "http.listen",
            "must be \"host:port\" such as \"127.0.0.1:9464\" (got %s)"
                .formatted(Values.pyRepr(listen))));
    return Optional.empty();
  }

  private boolean isSourceSection(Map<String, @Nullable Object> tree, String key) {
    return tree.get("source") instanceof String type && type.equals(key);
  }

  private List<HandlerEntry> handlers(@Nullable Object value) {
    if (value == null) {
      problems.add(
          new Problem(
              "event_handlers",
              "is required: a list with at least one entry with driver = \"%s\""
                  .formatted("qtoggleserver.mqtt.MQTTEventHandler")));
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      problems.add(
          new Problem(
              "event_handlers", "must be a list (got %s)".formatted(Values.typeName(value))));
      return List.of();
    }
    List<HandlerEntry> result = new ArrayList<>();
    List<String> otherDrivers = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "event_handlers[%d]".formatted(i);
      if (!(list.get(i) instanceof Map<?, ?> raw)) {
        problems.add(
            new Problem(
                path, "must be an object (got %s)".formatted(Values.typeName(list.get(i)))));
        continue;
      }
      Map<String, @Nullable Object> entry = stringKeys(raw);
      Object driver = entry.get(HandlerEntry.DRIVER);
      if (driver != null && !(driver instanceof String)) {
        problems.add(
            new Problem(
                path + ".driver", "must be a string (got %s)".formatted(Values.typeName(driver))));
        continue;
      }
      if (driver != null && !MQTT_DRIVERS.contains(driver)) {
        otherDrivers.add("%s (%s)".formatted(path, driver));
        continue;
      }
      entry = readSecretFiles(path, entry);
      String client = selector(path, entry, HandlerEntry.CLIENT, DEFAULT_CLIENT);
      String engine = selector(path, entry, HandlerEntry.TEMPLATE_ENGINE, DEFAULT_TEMPLATE_ENGINE);
      String name = entry.get("name") instanceof String s ? s : null;
      result.add(new HandlerEntry(i, client, engine, entry, name));
    }
    if (!otherDrivers.isEmpty()) {
      log.info("Ignoring event handlers of other drivers: {}", otherDrivers);
    }
    if (result.isEmpty() && problems.isEmpty()) {
      problems.add(
          new Problem(
              "event_handlers",
              "has no entry with driver = \"qtoggleserver.mqtt.MQTTEventHandler\""));
    }
    return result;
  }

  private String selector(
      String path, Map<String, @Nullable Object> entry, String key, String defaultValue) {
    Object value = entry.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof String s) {
      return s;
    }
    problems.add(
        new Problem(
            path + "." + key,
            "must be a string naming an adapter (got %s)".formatted(Values.typeName(value))));
    return defaultValue;
  }

  private SourceEntry source(Map<String, @Nullable Object> tree, @Nullable String events) {
    if (events != null) {
      String path = events.equals("-") ? "-" : Path.of(events).toAbsolutePath().toString();
      if (tree.containsKey("source") || tree.containsKey("qtoggle")) {
        log.info("--events given: replaying {} instead of the configured source", events);
      }
      return SourceEntry.replay(path, "--events");
    }
    Object source = tree.get("source");
    Object qtoggle = tree.get("qtoggle");
    if (source != null && qtoggle != null && !"qtoggle".equals(source)) {
      problems.add(new Problem("source", "give either a qtoggle section or a source, not both"));
      return SourceEntry.replay("-", "source");
    }
    if (source instanceof String type) {
      Object section = tree.get(type);
      if (section == null) {
        return new SourceEntry(type, type, Map.of());
      }
      if (section instanceof Map<?, ?> map) {
        return new SourceEntry(type, type, readSecretFiles(type, stringKeys(map)));
      }
      problems.add(
          new Problem(type, "must be an object (got %s)".formatted(Values.typeName(section))));
      return SourceEntry.replay("-", "source");
    }
    if (source instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> values = stringKeys(map);
      Object type = values.remove("type");
      if (!(type instanceof String name)) {
        problems.add(
            new Problem(
                "source.type",
                type == null
                    ? "is required (qtoggle, webhooks, replay, simulator, ...)"
                    : "must be a string (got %s)".formatted(Values.typeName(type))));
        return SourceEntry.replay("-", "source");
      }
      return new SourceEntry(name, "source", readSecretFiles("source", values));
    }
    if (source != null) {
      problems.add(
          new Problem(
              "source",
              "must be an adapter name or an object with a type (got %s)"
                  .formatted(Values.typeName(source))));
      return SourceEntry.replay("-", "source");
    }
    if (qtoggle instanceof Map<?, ?> map) {
      return new SourceEntry("qtoggle", "qtoggle", readSecretFiles("qtoggle", stringKeys(map)));
    }
    if (qtoggle != null) {
      problems.add(
          new Problem("qtoggle", "must be an object (got %s)".formatted(Values.typeName(qtoggle))));
    }
    return SourceEntry.replay("-", "standard input");
  }

  private GlobalSettings global(Map<String, @Nullable Object> tree) {
    String publicUrl = null;
    Object url = tree.get("public_url");
    if (url instanceof String s) {
      publicUrl = s;
    } else if (url != null) {
      problems.add(
          new Problem("public_url", "must be a string (got %s)".formatted(Values.typeName(url))));
    }
    Map<String, @Nullable Object> metadata = new LinkedHashMap<>();
    Set<String> sensitive = new LinkedHashSet<>();
    Object raw = tree.get("metadata");
    if (raw instanceof List<?> entries) {
      for (int i = 0; i < entries.size(); i++) {
        metadataEntry("metadata[%d]".formatted(i), entries.get(i), metadata, sensitive);
      }
    } else if (raw instanceof Map<?, ?> map) {
      metadata.putAll(stringKeys(map));
    } else if (raw != null) {
      problems.add(
          new Problem(
              "metadata",
              "must be a list of {name, value, sensitive} objects (got %s)"
                  .formatted(Values.typeName(raw))));
    }
    return new GlobalSettings(publicUrl, metadata, sensitive);
  }

  @SuppressWarnings("unchecked")
  private void metadataEntry(
      String path,
      @Nullable Object raw,
      Map<String, @Nullable Object> metadata,
      Set<String> sensitive) {
    if (!(raw instanceof Map<?, ?> map)) {
      problems.add(new Problem(path, "must be an object (got %s)".formatted(Values.typeName(raw))));
      return;
    }
    Map<String, @Nullable Object> entry = stringKeys(map);
    for (String key : entry.keySet()) {
      if (!Set.of("name", "value", "sensitive").contains(key)) {
        problems.add(
            new Problem(
                path + "." + key,
                KeySuggester.unknownKeyMessage(key, List.of("name", "value", "sensitive"))));
      }
    }
    if (!(entry.get("name") instanceof String name) || name.isEmpty()) {
      problems.add(new Problem(path + ".name", "is required: a non-empty string"));
      return;
    }
    Object flag = entry.get("sensitive");
    if (flag != null && !(flag instanceof Boolean)) {
      problems.add(
          new Problem(
              path + ".sensitive",
              "must be true or false (got %s)".formatted(Values.typeName(flag))));
    } else if (Boolean.TRUE.equals(flag)) {
      sensitive.add(name);
    }
    String[] parts = name.split("\\.", -1);
    Map<String, @Nullable Object> target = metadata;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = target.get(parts[i]);
      if (!(next instanceof Map<?, ?>)) {
        next = new LinkedHashMap<String, @Nullable Object>();
        target.put(parts[i], next);
      }
      target = (Map<String, @Nullable Object>) next;
    }
    target.put(parts[parts.length - 1], entry.get("value"));
  }

  private String string(Map<String, @Nullable Object> tree, String key, String defaultValue) {
    Object value = tree.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof String s) {
      return s;
    }
    problems.add(new Problem(key, "must be a string (got %s)".formatted(Values.typeName(value))));
    return defaultValue;
  }

  /**
   * Replaces each {@code <secret>_file} key (a key whose name before {@code _file} contains {@code
   * password}, {@code token} or {@code secret}) with the key itself, holding the file's content
   * without its trailing newline, so that secrets can live outside the configuration file.
   */
  private Map<String, @Nullable Object> readSecretFiles(
      String path, Map<String, @Nullable Object> section) {
    Map<String, @Nullable Object> result = new LinkedHashMap<>(section);
    for (Map.Entry<String, @Nullable Object> entry : section.entrySet()) {
      String key = entry.getKey();
      if (!key.endsWith("_file")) {
        continue;
      }
      String target = key.substring(0, key.length() - "_file".length());
      if (!isSecretName(target)) {
        continue;
      }
      result.remove(key);
      String keyPath = path + "." + key;
      if (!(entry.getValue() instanceof String location)) {
        problems.add(
            new Problem(
                keyPath,
                "must be a file path (got %s)".formatted(Values.typeName(entry.getValue()))));
        continue;
      }
      if (section.get(target) != null) {
        problems.add(new Problem(keyPath, "give either %s or %s, not both".formatted(target, key)));
        continue;
      }
      Path secretFile = baseDirectory.resolve(location);
      try {
        String content = Files.readString(secretFile, StandardCharsets.UTF_8);
        result.put(target, stripNewline(content));
      } catch (IOException e) {
        problems.add(
            new Problem(
                keyPath,
                "cannot read %s (%s)".formatted(secretFile, e.getClass().getSimpleName())));
      }
    }
    return result;
  }

  /** Whether a key holds a secret value (its effective value is masked wherever it is shown). */
  public static boolean isSecretName(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.contains("password") || lower.contains("token") || lower.contains("secret");
  }

  private static String stripNewline(String content) {
    if (content.endsWith("\r\n")) {
      return content.substring(0, content.length() - 2);
    }
    if (content.endsWith("\n")) {
      return content.substring(0, content.length() - 1);
    }
    return content;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, @Nullable Object> stringKeys(Map<?, ?> map) {
    return new LinkedHashMap<>((Map<String, @Nullable Object>) map);
  }
}
