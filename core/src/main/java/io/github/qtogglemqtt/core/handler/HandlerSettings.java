package io.github.qtogglemqtt.core.handler;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.error.TemplateException;
import io.github.qtogglemqtt.core.filter.EventFilter;
import io.github.qtogglemqtt.core.filter.FilterProblems;
import io.github.qtogglemqtt.core.model.EventType;
import io.github.qtogglemqtt.core.model.Secret;
import io.github.qtogglemqtt.core.model.Values;
import io.github.qtogglemqtt.core.port.out.CompiledTemplate;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The handler keys of one {@code event_handlers} entry that the core owns (spec 7.2: {@code name},
 * {@code topic}, {@code template}, {@code templates}, {@code filter}, {@code json_context_fields},
 * {@code qos}, {@code skip_startup}, {@code client_id}, {@code username}, {@code password}; and the
 * extensions {@code retain}, {@code retain_types}, {@code buffer_size}, {@code buffer_overflow},
 * {@code shutdown_timeout}, {@code max_payload_bytes}, {@code expression_context}, {@code
 * availability_topic}, {@code availability_payload_online}, {@code availability_payload_offline},
 * {@code content_type}, {@code message_expiry}, {@code user_properties}), with templates and
 * filters compiled. Connection keys ({@code server}, {@code port}, {@code tls_*}, ...) belong to
 * the broker publisher's factory; {@code driver} is marked read for the app to validate.
 *
 * <p>Immutable after {@link #parse}, except that the compiled filter's expressions keep state: give
 * each {@link EventHandler} its own settings.
 */
public final class HandlerSettings {
  /** The default {@code topic} and {@code client_id} template (spec 7.2). */
  public static final String DEFAULT_TOPIC = "{{device_attrs.name}}";

  /** The default {@code buffer_size}. */
  public static final int DEFAULT_BUFFER_SIZE = 10_000;

  /** The largest MQTT payload (and the default {@code max_payload_bytes}). */
  public static final int MAX_PAYLOAD_BYTES = 268_435_455;

  /** The default {@code shutdown_timeout}. */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

  /** The default MQTT 5 content type of JSON payloads. */
  public static final String JSON_CONTENT_TYPE = "application/json";

  /** What the outbox does when it is full ({@code buffer_overflow}). */
  public enum OverflowPolicy {
    /** The oldest waiting message makes room ({@code drop_oldest}, the default). */
    DROP_OLDEST,
    /** The new message is refused ({@code drop_newest}). */
    DROP_NEWEST
  }

  private final String name;
  private final String topicSource;
  private final CompiledTemplate topic;
  private final Map<EventType, PayloadTemplate> templates;
  private final EventFilter filter;
  private final @Nullable List<String> jsonContextFields;
  private final int qos;
  private final double skipStartupSeconds;
  private final boolean skipStartup;
  private final String clientIdSource;
  private final CompiledTemplate clientId;
  private final @Nullable CompiledTemplate username;
  private final @Nullable CompiledTemplate password;
  private final boolean retain;
  private final Map<EventType, Boolean> retainByType;
  private final int bufferSize;
  private final OverflowPolicy bufferOverflow;
  private final Duration shutdownTimeout;
  private final int maxPayloadBytes;
  private final boolean richExpressionContext;
  private final @Nullable CompiledTemplate availabilityTopic;
  private final String availabilityOnline;
  private final String availabilityOffline;
  private final @Nullable String contentType;
  private final long messageExpirySeconds;
  private final Map<String, String> userProperties;
  private final HomeAssistantSettings homeAssistant;
  private final List<String> warnings;

  private HandlerSettings(Parser p) {
    this.name = p.name;
    this.topicSource = p.topicSource;
    this.topic = p.topic;
    this.templates = Collections.unmodifiableMap(new EnumMap<>(p.templates));
    this.filter = p.filter;
    this.jsonContextFields = p.jsonContextFields;
    this.qos = p.qos;
    this.skipStartupSeconds = p.skipStartupSeconds;
    this.skipStartup = p.skipStartup;
    this.clientIdSource = p.clientIdSource;
    this.clientId = p.clientId;
    this.username = p.username;
    this.password = p.password;
    this.retain = p.retain;
    this.retainByType = Collections.unmodifiableMap(new EnumMap<>(p.retainByType));
    this.bufferSize = p.bufferSize;
    this.bufferOverflow = p.bufferOverflow;
    this.shutdownTimeout = p.shutdownTimeout;
    this.maxPayloadBytes = p.maxPayloadBytes;
    this.richExpressionContext = p.richExpressionContext;
    this.availabilityTopic = p.availabilityTopic;
    this.availabilityOnline = p.availabilityOnline;
    this.availabilityOffline = p.availabilityOffline;
    this.contentType = p.contentType;
    this.messageExpirySeconds = p.messageExpirySeconds;
    this.userProperties = Collections.unmodifiableMap(p.userProperties);
    this.homeAssistant = p.homeAssistant;
    this.warnings = List.copyOf(p.warnings);
  }

  /**
   * Parses and compiles. Never throws for bad values: every problem is recorded in {@code entry}
   * (see {@link AdapterProperties#problems()}) with the key's full path; warnings (unknown filter
   * keys, D16, ...) are in {@link #warnings()}.
   *
   * @param entry the handler entry
   * @param defaultName the name when the entry has none (its index in {@code event_handlers})
   * @param engine the engine that compiles the entry's templates
   */
  public static HandlerSettings parse(
      AdapterProperties entry, String defaultName, TemplateEngine engine) {
    requireNonNull(entry, "entry is null");
    requireNonNull(defaultName, "defaultName is null");
    requireNonNull(engine, "engine is null");
    return new HandlerSettings(new Parser(entry, defaultName, engine));
  }

  /** The handler's name in logs and metrics. */
  public String name() {
    return name;
  }

  /** The {@code topic} template text. */
  public String topicSource() {
    return topicSource;
  }

  /** The {@code client_id} template text (the app compares them across handlers, D19). */
  public String clientIdSource() {
    return clientIdSource;
  }

  /** The QoS of every message (0, 1 or 2). */
  public int qos() {
    return qos;
  }

  /** Whether messages of this event type are published with retain. */
  public boolean retain(EventType type) {
    return retainByType.getOrDefault(type, retain);
  }

  /**
   * {@code skip_startup}: whether events are skipped until the first snapshot, and for how many
   * seconds after it (0 when only until the first snapshot, or when not skipping; {@code true}
   * counts as 1, D17).
   */
  public boolean skipStartup() {
    return skipStartup;
  }

  /** See {@link #skipStartup()}. */
  public double skipStartupSeconds() {
    return skipStartupSeconds;
  }

  /** {@code json_context_fields}, or null for all fields (an empty list is null, D16). */
  public @Nullable List<String> jsonContextFields() {
    return jsonContextFields;
  }

  /** {@code buffer_size}: messages that wait while the broker is away (0 = drop, D10). */
  public int bufferSize() {
    return bufferSize;
  }

  /** {@code buffer_overflow}. */
  public OverflowPolicy bufferOverflow() {
    return bufferOverflow;
  }

  /** {@code shutdown_timeout}. */
  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /** {@code max_payload_bytes}. */
  public int maxPayloadBytes() {
    return maxPayloadBytes;
  }

  /** Whether the {@code expression} filter sees the rich context ({@code expression_context}). */
  public boolean richExpressionContext() {
    return richExpressionContext;
  }

  /** Whether {@code availability_topic} is set. */
  public boolean hasAvailability() {
    return availabilityTopic != null;
  }

  /** {@code content_type}, or null when not set (JSON payloads then use application/json). */
  public @Nullable String contentType() {
    return contentType;
  }

  /** {@code message_expiry} in seconds, 0 = none. */
  public long messageExpirySeconds() {
    return messageExpirySeconds;
  }

  /** {@code user_properties}, in order. */
  public Map<String, String> userProperties() {
    return userProperties;
  }

  /** The {@code homeassistant} section: Home Assistant MQTT discovery (issue 9). */
  public HomeAssistantSettings homeAssistant() {
    return homeAssistant;
  }

  /**
   * Warnings found while parsing, each {@code path: message} (unknown filter keys, {@code
   * json_context_fields = []} (D16), unknown event types, ...). The app logs them at WARN.
   */
  public List<String> warnings() {
    return warnings;
  }

  CompiledTemplate topic() {
    return topic;
  }

  PayloadTemplate template(EventType type) {
    return templates.getOrDefault(type, PayloadTemplate.NONE);
  }

  EventFilter filter() {
    return filter;
  }

  CompiledTemplate clientIdTemplate() {
    return clientId;
  }

  @Nullable CompiledTemplate usernameTemplate() {
    return username;
  }

  @Nullable CompiledTemplate passwordTemplate() {
    return password;
  }

  @Nullable CompiledTemplate availabilityTopicTemplate() {
    return availabilityTopic;
  }

  String availabilityOnline() {
    return availabilityOnline;
  }

  String availabilityOffline() {
    return availabilityOffline;
  }

  @Override
  public String toString() {
    return "HandlerSettings[name=%s, topic=%s, qos=%d]".formatted(name, topicSource, qos);
  }

  /** Parses one entry; fields are read in the order of spec 7.2. */
  private static final class Parser {
    private static final CompiledTemplate EMPTY = context -> "";

    final AdapterProperties entry;
    final TemplateEngine engine;
    final List<String> warnings = new ArrayList<>();

    String name;
    String topicSource;
    CompiledTemplate topic;
    final Map<EventType, PayloadTemplate> templates = new EnumMap<>(EventType.class);
    EventFilter filter;
    @Nullable List<String> jsonContextFields;
    int qos;
    double skipStartupSeconds = 1;
    boolean skipStartup = true;
    String clientIdSource;
    CompiledTemplate clientId;
    @Nullable CompiledTemplate username;
    @Nullable CompiledTemplate password;
    boolean retain;
    final Map<EventType, Boolean> retainByType = new EnumMap<>(EventType.class);
    int bufferSize;
    OverflowPolicy bufferOverflow;
    Duration shutdownTimeout;
    int maxPayloadBytes;
    boolean richExpressionContext;
    @Nullable CompiledTemplate availabilityTopic;
    String availabilityOnline;
    String availabilityOffline;
    @Nullable String contentType;
    long messageExpirySeconds;
    final Map<String, String> userProperties = new LinkedHashMap<>();
    HomeAssistantSettings homeAssistant;

    Parser(AdapterProperties entry, String defaultName, TemplateEngine engine) {
      this.entry = entry;
      this.engine = engine;
      entry.markRead("driver");
      name = entry.string("name", defaultName);
      topicSource = entry.string("topic", DEFAULT_TOPIC);
      topic = compile("topic", topicSource);
      parseTemplates();
      richExpressionContext =
          entry.choice("expression_context", "poor", List.of("poor", "rich")).equals("rich");
      filter = parseFilter();
      parseJsonContextFields();
      qos = parseQos();
      parseSkipStartup();
      clientIdSource = entry.string("client_id", DEFAULT_TOPIC);
      clientId = compile("client_id", clientIdSource);
      username = entry.optionalString("username").map(s -> compile("username", s)).orElse(null);
      Optional<Secret> secret = entry.secret("password");
      password = secret.map(s -> compileSecret("password", s)).orElse(null);
      if (password != null && username == null) {
        entry.problem(
            "password",
            "is set without a username: MQTT sends a password only together with a username"
                + " (D2); set username too, or remove password");
      }
      retain = entry.bool("retain", false);
      parseRetainTypes();
      bufferSize = entry.intValue("buffer_size", DEFAULT_BUFFER_SIZE, 0, 10_000_000);
      bufferOverflow =
          entry
                  .choice("buffer_overflow", "drop_oldest", List.of("drop_oldest", "drop_newest"))
                  .equals("drop_newest")
              ? OverflowPolicy.DROP_NEWEST
              : OverflowPolicy.DROP_OLDEST;
      shutdownTimeout = entry.duration("shutdown_timeout", DEFAULT_SHUTDOWN_TIMEOUT);
      if (shutdownTimeout.isNegative()) {
        entry.problem("shutdown_timeout", "must not be negative");
        shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
      }
      maxPayloadBytes =
          entry.intValue("max_payload_bytes", MAX_PAYLOAD_BYTES, 1, MAX_PAYLOAD_BYTES);
      availabilityTopic =
          entry
              .optionalString("availability_topic")
              .map(s -> compile("availability_topic", s))
              .orElse(null);
      availabilityOnline = entry.string("availability_payload_online", "online");
      availabilityOffline = entry.string("availability_payload_offline", "offline");
      contentType = entry.optionalString("content_type").orElse(null);
      messageExpirySeconds = entry.longValue("message_expiry", 0, 0, 4_294_967_295L);
      parseUserProperties();
      homeAssistant = HomeAssistantSettings.parse(entry);
    }

    private CompiledTemplate compile(String key, String source) {
      try {
        return engine.compile(entry.pathOf(key), source);
      } catch (TemplateException e) {
        entry.problem(key, describe(e));
        return EMPTY;
      }
    }

    /** Compiles a secret template; the engine's message might quote the source: not shown. */
    private CompiledTemplate compileSecret(String key, Secret source) {
      try {
        return engine.compile(entry.pathOf(key), source.reveal());
      } catch (TemplateException e) {
        StringBuilder message = new StringBuilder("is not a valid template");
        if (e.line() > 0) {
          message.append(" (line ").append(e.line());
          if (e.column() > 0) {
            message.append(", column ").append(e.column());
          }
          message.append(')');
        }
        entry.problem(key, message.toString());
        return EMPTY;
      }
    }

    private String describe(TemplateException e) {
      String message = String.valueOf(e.getMessage());
      String prefix = e.key();
      if (message.startsWith(prefix)) {
        message = message.substring(prefix.length());
        if (message.startsWith(": ")) {
          message = message.substring(2);
        } else if (message.startsWith(" ")) {
          message = message.substring(1);
        }
      }
      return "does not compile: " + message;
    }

    private void parseTemplates() {
      Object template = entry.raw("template");
      Object perType = entry.raw("templates");
      if (template != null) {
        PayloadTemplate compiled = compileEntry("template", template);
        for (EventType type : EventType.values()) {
          templates.put(type, compiled);
        }
        if (perType != null) {
          warnings.add(
              entry.pathOf("templates") + ": ignored because template is set (template wins)");
        }
        return;
      }
      if (perType == null) {
        return;
      }
      if (!(perType instanceof Map<?, ?> map)) {
        entry.problem(
            "templates",
            "must be an object from event type to template (got %s)"
                .formatted(Values.typeName(perType)));
        return;
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String typeName = String.valueOf(e.getKey());
        String key = "templates." + typeName;
        Optional<EventType> type = EventType.fromWireName(typeName);
        if (type.isEmpty()) {
          warnings.add(entry.pathOf(key) + ": not an event type the handler publishes, ignored");
          continue;
        }
        templates.put(type.get(), compileEntry(key, e.getValue()));
      }
    }

    private PayloadTemplate compileEntry(String key, @Nullable Object value) {
      if (value == null) {
        return PayloadTemplate.NONE;
      }
      if (value instanceof String source) {
        return new PayloadTemplate.Text(entry.pathOf(key), compile(key, source));
      }
      if (value instanceof Map<?, ?> map) {
        Map<String, @Nullable CompiledTemplate> fields = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          String field = String.valueOf(e.getKey());
          Object source = e.getValue();
          if (source == null) {
            fields.put(field, null);
          } else if (source instanceof String s) {
            fields.put(field, compile(key + "." + field, s));
          } else {
            entry.problem(
                key + "." + field,
                "must be a template string or null (got %s)".formatted(Values.typeName(source)));
          }
        }
        return new PayloadTemplate.Fields(entry.pathOf(key), Collections.unmodifiableMap(fields));
      }
      warnings.add(
          entry.pathOf(key)
              + ": a %s is not a template; the default JSON payload is used"
                  .formatted(Values.typeName(value)));
      return PayloadTemplate.NONE;
    }

    private EventFilter parseFilter() {
      Optional<Map<String, @Nullable Object>> map = entry.map("filter");
      if (map.isEmpty()) {
        return EventFilter.acceptAll();
      }
      return EventFilter.compile(
          map.get(),
          new FilterProblems() {
            @Override
            public void problem(String key, String message) {
              entry.problem("filter." + key, message);
            }

            @Override
            public void warning(String key, String message) {
              warnings.add(entry.pathOf("filter." + key) + ": " + message);
            }
          },
          richExpressionContext);
    }

    private void parseJsonContextFields() {
      if (entry.raw("json_context_fields") == null) {
        jsonContextFields = null;
        return;
      }
      List<String> fields = entry.stringList("json_context_fields");
      if (fields.isEmpty()) {
        warnings.add(
            entry.pathOf("json_context_fields")
                + ": the list is empty, which means all fields (D16); remove the key or list the"
                + " fields to keep");
        jsonContextFields = null;
      } else {
        jsonContextFields = fields;
      }
    }

    private int parseQos() {
      Object value = entry.raw("qos");
      if (value == null) {
        return 0;
      }
      Object number = Values.normalizeNumber(value);
      if (number instanceof Long l && l >= 0 && l <= 2) {
        return (int) (long) l;
      }
      entry.problem(
          "qos",
          "must be 0, 1 or 2 (got %s)"
              .formatted(value instanceof String s ? "\"" + s + "\"" : Values.pyStr(value)));
      return 0;
    }

    private void parseSkipStartup() {
      Object value = entry.raw("skip_startup");
      if (value == null) {
        return;
      }
      if (value instanceof Boolean b) {
        // a boolean is a number in Python: true means "ready and 1 s of uptime" (D17)
        skipStartup = b;
        skipStartupSeconds = b ? 1 : 0;
        return;
      }
      if (Values.isNumber(value)) {
        double seconds = ((Number) value).doubleValue();
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
          entry.problem(
              "skip_startup",
              "must be true, false or a number of seconds >= 0 (got %s)"
                  .formatted(Values.pyStr(value)));
          return;
        }
        skipStartup = seconds != 0;
        skipStartupSeconds = seconds;
        return;
      }
      entry.problem(
          "skip_startup",
          "must be true, false or a number of seconds (got %s)".formatted(Values.typeName(value)));
    }

    private void parseRetainTypes() {
      Object value = entry.raw("retain_types");
      if (value == null) {
        return;
      }
      if (value instanceof List<?> list) {
        Set<EventType> listed = EnumSet.noneOf(EventType.class);
        for (int i = 0; i < list.size(); i++) {
          eventType("retain_types[%d]".formatted(i), list.get(i)).ifPresent(listed::add);
        }
        for (EventType type : EventType.values()) {
          retainByType.put(type, listed.contains(type));
        }
      } else if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          String key = "retain_types." + e.getKey();
          Optional<EventType> type = eventType(key, e.getKey());
          if (type.isEmpty()) {
            continue;
          }
          if (e.getValue() instanceof Boolean b) {
            retainByType.put(type.get(), b);
          } else {
            entry.problem(
                key, "must be true or false (got %s)".formatted(Values.typeName(e.getValue())));
          }
        }
      } else {
        entry.problem(
            "retain_types",
            "must be a list of event types or an object from event type to true/false (got %s)"
                .formatted(Values.typeName(value)));
      }
    }

    private Optional<EventType> eventType(String key, @Nullable Object value) {
      if (value instanceof String s) {
        Optional<EventType> type = EventType.fromWireName(s);
        if (type.isPresent()) {
          return type;
        }
      }
      entry.problem(
          key,
          "must be one of %s (got %s)"
              .formatted(
                  String.join(
                      ", ", List.of(EventType.values()).stream().map(EventType::wireName).toList()),
                  value instanceof String s ? "\"" + s + "\"" : Values.typeName(value)));
      return Optional.empty();
    }

    private void parseUserProperties() {
      Optional<Map<String, @Nullable Object>> map = entry.map("user_properties");
      if (map.isEmpty()) {
        return;
      }
      for (Map.Entry<String, @Nullable Object> e : map.get().entrySet()) {
        if (e.getValue() instanceof String s) {
          userProperties.put(e.getKey(), s);
        } else {
          entry.problem(
              "user_properties." + e.getKey(),
              "must be a string (got %s)".formatted(Values.typeName(e.getValue())));
        }
      }
    }
  }
}
