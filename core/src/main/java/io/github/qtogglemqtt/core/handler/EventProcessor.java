package io.github.qtogglemqtt.core.handler;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.error.TemplateException;
import io.github.qtogglemqtt.core.filter.DeviceState;
import io.github.qtogglemqtt.core.filter.EventDelta;
import io.github.qtogglemqtt.core.filter.FilterResult;
import io.github.qtogglemqtt.core.model.DeviceEvent;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.EventType;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.model.Moment;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.model.PortEvent;
import io.github.qtogglemqtt.core.model.RawJson;
import io.github.qtogglemqtt.core.model.Secret;
import io.github.qtogglemqtt.core.model.SlaveEvent;
import io.github.qtogglemqtt.core.model.ValueChange;
import io.github.qtogglemqtt.core.port.out.Availability;
import io.github.qtogglemqtt.core.port.out.CompiledTemplate;
import io.github.qtogglemqtt.core.port.out.Credentials;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Steps 1-5 of the path of one event (DESIGN.md) for one handler: state, filter, context, payload,
 * topic. Reports every outcome except those of the outbox. Used from the handler's worker thread
 * only, except {@link #credentials()}, {@link #availability()} and {@link #clientId()}, which read
 * a published copy of the device attributes.
 */
final class EventProcessor {
  /** Context keys that hold objects, never part of a JSON payload (spec 7.6 step 4). */
  private static final Set<String> OBJECT_KEYS = Set.of("event", "port", "device", "slave");

  /** Context keys of device or slave attribute maps, scrubbed for device and slave events (D4). */
  private static final List<String> ATTRIBUTE_KEYS =
      List.of("attrs", "old_attrs", "new_attrs", "changed_attrs", "added_attrs", "removed_attrs");

  private final HandlerSettings settings;
  private final GlobalSettings global;
  private final JsonEncoder json;
  private final HandlerObserver observer;
  private final Clock clock;
  private final ZoneId zone;
  private final String name;
  private final DeviceState state = new DeviceState();

  private final EncodedPart deviceAttrsJson = new EncodedPart();
  private final EncodedPart portAttrsJson = new EncodedPart();
  private final EncodedPart metadataJson = new EncodedPart();

  private @Nullable Map<String, @Nullable Object> deviceAttrsCopy;
  private long deviceAttrsCopyVersion;
  private @Nullable Map<String, Map<String, @Nullable Object>> portAttrsCopy;
  private long portAttrsCopyVersion;

  private boolean ready;
  private double firstSnapshotTimestamp;
  private long firstSnapshotMillis;
  private volatile Map<String, @Nullable Object> connectionDeviceAttrs = Map.of();

  EventProcessor(
      HandlerSettings settings,
      GlobalSettings global,
      JsonEncoder json,
      HandlerObserver observer,
      Clock clock,
      ZoneId zone) {
    this.settings = requireNonNull(settings, "settings is null");
    this.global = requireNonNull(global, "global is null");
    this.json = requireNonNull(json, "json is null");
    this.observer = requireNonNull(observer, "observer is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.zone = requireNonNull(zone, "zone is null");
    this.name = settings.name();
  }

  /** Syncs the state silently (spec 2.10 item 1); the first one ends the start-up (spec 4.7). */
  void snapshot(DeviceSnapshot snapshot) {
    state.sync(snapshot);
    connectionDeviceAttrs = state.deviceAttrs();
    if (!ready) {
      ready = true;
      firstSnapshotTimestamp = snapshot.timestamp();
      firstSnapshotMillis = clock.millis();
    }
  }

  /**
   * Handles one event up to the outbox.
   *
   * @return the message to publish, or null when the event ends here (its outcome is reported)
   */
  @Nullable OutboundMessage process(Event event) {
    EventDelta delta = state.apply(event);
    if (event instanceof DeviceEvent) {
      connectionDeviceAttrs = state.deviceAttrs();
    }
    if (skipping(event)) {
      report(event, new HandlingOutcome.SkippedAtStartup());
      return null;
    }
    FilterResult decision = settings.filter().test(delta, state, nowMillis(event), zone);
    if (!decision.accepted()) {
      if (decision.warning() != null) {
        observer.warning(name, "%s event: %s".formatted(event.type(), decision.warning()));
      }
      report(event, new HandlingOutcome.Filtered(decision.reason()));
      return null;
    }
    Map<String, @Nullable Object> context = context(delta);
    EventType type = event.type();

    byte[] payload;
    boolean jsonPayload;
    PayloadTemplate template = settings.template(type);
    Object rendered;
    try {
      rendered = render(template, context);
    } catch (TemplateException e) {
      report(event, new HandlingOutcome.Failed(keyOf(template), messageOf(e)));
      return null;
    } catch (RuntimeException e) {
      report(
          event,
          new HandlingOutcome.Failed(
              keyOf(template), "rendering failed: %s".formatted(String.valueOf(e.getMessage()))));
      return null;
    }
    try {
      if (rendered instanceof String text && !text.isEmpty()) {
        payload = text.getBytes(StandardCharsets.UTF_8);
        jsonPayload = false;
      } else if (rendered instanceof Map<?, ?> map && !map.isEmpty()) {
        // D6: a title/body result is published as JSON
        payload = encode(event, map);
        jsonPayload = true;
      } else {
        payload = encode(event, jsonPayload(event, context));
        jsonPayload = true;
      }
    } catch (RuntimeException e) {
      report(
          event,
          new HandlingOutcome.Failed(
              "payload",
              "the payload could not be encoded: %s".formatted(String.valueOf(e.getMessage()))));
      return null;
    }

    // D21: the topic always sees the unscrubbed context
    String topic;
    try {
      topic = settings.topic().render(context);
    } catch (TemplateException e) {
      report(event, new HandlingOutcome.Failed("topic", messageOf(e)));
      return null;
    } catch (RuntimeException e) {
      report(
          event,
          new HandlingOutcome.Failed(
              "topic", "rendering failed: %s".formatted(String.valueOf(e.getMessage()))));
      return null;
    }
    String invalid = Topics.invalidReason(topic);
    if (invalid != null) {
      report(event, new HandlingOutcome.InvalidTopic(topic, invalid));
      return null;
    }
    String contentType = settings.contentType();
    if (contentType == null && jsonPayload) {
      contentType = HandlerSettings.JSON_CONTENT_TYPE;
    }
    return new OutboundMessage(
        topic,
        payload,
        settings.qos(),
        settings.retain(type),
        contentType,
        settings.messageExpirySeconds(),
        settings.userProperties());
  }

  private boolean skipping(Event event) {
    if (!settings.skipStartup()) {
      return false;
    }
    if (!ready) {
      return true;
    }
    double uptime;
    if (event.timestamp() > 0 && firstSnapshotTimestamp > 0) {
      uptime = event.timestamp() - firstSnapshotTimestamp;
    } else {
      uptime = (clock.millis() - firstSnapshotMillis) / 1000.0;
    }
    return uptime < settings.skipStartupSeconds();
  }

  private long nowMillis(Event event) {
    return event.timestamp() > 0 ? (long) Math.floor(event.timestamp() * 1000) : clock.millis();
  }

  private void report(Event event, HandlingOutcome outcome) {
    observer.outcome(name, event, outcome);
  }

  /** The template context of spec 6.4 and 6.5, keys in order. */
  Map<String, @Nullable Object> context(EventDelta delta) {
    Event event = delta.event();
    PortObject port = null;
    SlaveObject slave = null;
    if (event instanceof PortEvent p) {
      port =
          new PortObject(
              p.portId(),
              delta.newAttrs(),
              delta.newValue(),
              event instanceof ValueChange ? delta.oldValue() : PortObject.noOldValue());
    } else if (event instanceof SlaveEvent s) {
      slave = new SlaveObject(s.slaveName(), delta.newAttrs());
    }
    LinkedHashMap<String, @Nullable Object> context = new LinkedHashMap<>(32);
    context.put("event", new EventObject(event, port, slave));
    context.put("type", event.type().wireName());
    double ts = event.timestamp();
    context.put("timestamp", ts == 0 ? (Object) 0L : (Object) ts);
    Moment moment = ts == 0 ? null : Moment.of(ts, zone);
    context.put("moment", moment);
    context.put("pretty_moment", moment == null ? "" : moment.prettyC());
    context.put("public_url", global.publicUrl());
    context.put("device_attrs", deviceAttrs());
    // a read-only view, not a copy: the context lives only while this thread processes the event,
    // and only the next event changes the state
    context.put("port_values", state.portValues());
    context.put("port_attrs", portAttrs());
    context.put("metadata", global.metadata());
    switch (event.type()) {
      case VALUE_CHANGE -> {
        context.put("port", port);
        context.put("old_value", delta.oldValue());
        context.put("new_value", delta.newValue());
        context.put("attrs", delta.newAttrs());
      }
      case PORT_UPDATE -> {
        context.put("port", port);
        putDiff(context, delta);
        context.put("value", delta.newValue());
      }
      case PORT_ADD, PORT_REMOVE -> {
        context.put("port", port);
        context.put("attrs", delta.newAttrs());
        context.put("value", delta.newValue());
      }
      case DEVICE_UPDATE -> {
        context.put("device", new DeviceObject(state.deviceAttrs()));
        putDiff(context, delta);
      }
      case FULL_UPDATE -> {}
      case SLAVE_DEVICE_UPDATE -> {
        context.put("slave", slave);
        putDiff(context, delta);
      }
      case SLAVE_DEVICE_ADD, SLAVE_DEVICE_REMOVE -> {
        context.put("slave", slave);
        context.put("attrs", delta.newAttrs());
      }
    }
    return context;
  }

  /**
   * The merged device attributes of the context, copied once per device version: value-changes
   * share one unmodifiable copy.
   */
  private Map<String, @Nullable Object> deviceAttrs() {
    if (deviceAttrsCopy == null || deviceAttrsCopyVersion != state.deviceVersion()) {
      deviceAttrsCopy = Collections.unmodifiableMap(state.mergedDeviceAttrs());
      deviceAttrsCopyVersion = state.deviceVersion();
    }
    return deviceAttrsCopy;
  }

  /** The port attributes of the context, copied once per port attributes version. */
  private Map<String, Map<String, @Nullable Object>> portAttrs() {
    if (portAttrsCopy == null || portAttrsCopyVersion != state.portAttrsVersion()) {
      portAttrsCopy = Collections.unmodifiableMap(new LinkedHashMap<>(state.portAttrs()));
      portAttrsCopyVersion = state.portAttrsVersion();
    }
    return portAttrsCopy;
  }

  private static void putDiff(Map<String, @Nullable Object> context, EventDelta delta) {
    context.put("old_attrs", delta.oldAttrs());
    context.put("new_attrs", delta.newAttrs());
    context.put("changed_attrs", delta.changedAttrs());
    context.put("added_attrs", delta.addedAttrs());
    context.put("removed_attrs", delta.removedAttrs());
  }

  /** Renders the type's template (spec 6.2): null, a string, or a map of strings and nulls. */
  private static @Nullable Object render(
      PayloadTemplate template, Map<String, @Nullable Object> context) {
    return switch (template) {
      case PayloadTemplate.None none -> null;
      case PayloadTemplate.Text text -> text.template().render(context);
      case PayloadTemplate.Fields fields -> {
        LinkedHashMap<String, @Nullable Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, @Nullable CompiledTemplate> e : fields.templates().entrySet()) {
          CompiledTemplate t = e.getValue();
          result.put(e.getKey(), t == null ? null : t.render(context));
        }
        yield result;
      }
    };
  }

  private static String keyOf(PayloadTemplate template) {
    return switch (template) {
      case PayloadTemplate.None none -> "template";
      case PayloadTemplate.Text text -> text.key();
      case PayloadTemplate.Fields fields -> fields.key();
    };
  }

  private static String messageOf(TemplateException e) {
    return String.valueOf(e.getMessage());
  }

  /** The default JSON payload (spec 7.6) with the fixes D3, D4, D5, D12. */
  Map<String, @Nullable Object> jsonPayload(Event event, Map<String, @Nullable Object> context) {
    List<String> fields = settings.jsonContextFields();
    boolean deviceOrSlave = event instanceof DeviceEvent || event instanceof SlaveEvent;
    LinkedHashMap<String, @Nullable Object> payload = new LinkedHashMap<>(context.size() * 2);
    for (Map.Entry<String, @Nullable Object> e : context.entrySet()) {
      String key = e.getKey();
      if (OBJECT_KEYS.contains(key) || (fields != null && !fields.contains(key))) {
        continue;
      }
      Object value = e.getValue();
      if (key.equals("device_attrs")) {
        value = deviceAttrsJson.get(state.deviceVersion(), value, v -> scrub(v));
      } else if (key.equals("port_attrs")) {
        value = portAttrsJson.get(state.portAttrsVersion(), value, v -> v);
      } else if (key.equals("metadata")) {
        value = metadataJson.get(0, value, this::withoutSensitive);
      } else if (deviceOrSlave && ATTRIBUTE_KEYS.contains(key)) {
        value = scrub(value);
      } else if (key.equals("moment")) {
        value = value instanceof Moment m ? m.utcJson() : null;
      }
      payload.put(key, value);
    }
    return payload;
  }

  /** D3/D4: removes every key whose part after the last {@code :} is a secret. */
  private static @Nullable Object scrub(@Nullable Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return value;
    }
    LinkedHashMap<Object, @Nullable Object> clean = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!isSecret(String.valueOf(e.getKey()))) {
        clean.put(e.getKey(), e.getValue());
      }
    }
    return clean;
  }

  /** Whether an attribute name is a secret: its part after the last {@code :} (D3). */
  static boolean isSecret(String key) {
    String attr = key.substring(key.lastIndexOf(':') + 1);
    return attr.contains("password") || attr.equals("wifi_key");
  }

  /** D5: the metadata map without the entries marked sensitive (dotted names). */
  private @Nullable Object withoutSensitive(@Nullable Object metadata) {
    if (global.sensitiveMetadata().isEmpty() || !(metadata instanceof Map<?, ?> map)) {
      return metadata;
    }
    Map<Object, @Nullable Object> copy = deepCopyMaps(map);
    for (String dotted : global.sensitiveMetadata()) {
      removePath(copy, dotted.split("\\.", -1), 0);
    }
    return copy;
  }

  private static Map<Object, @Nullable Object> deepCopyMaps(Map<?, ?> map) {
    LinkedHashMap<Object, @Nullable Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object value = e.getValue();
      copy.put(e.getKey(), value instanceof Map<?, ?> nested ? deepCopyMaps(nested) : value);
    }
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static void removePath(Map<Object, @Nullable Object> map, String[] path, int index) {
    if (index == path.length - 1) {
      map.remove(path[index]);
      return;
    }
    if (map.get(path[index]) instanceof Map<?, ?> nested) {
      removePath((Map<Object, @Nullable Object>) nested, path, index + 1);
    }
  }

  private byte[] encode(Event event, Object value) {
    int[] nonFinite = {0};
    byte[] text = json.encodeAscii(value, v -> nonFinite[0]++);
    if (nonFinite[0] > 0) {
      observer.warning(
          name,
          "%s event: %d NaN or infinite value%s written as null in the JSON payload (D11)"
              .formatted(event.type(), nonFinite[0], nonFinite[0] == 1 ? "" : "s"));
    }
    return text;
  }

  /**
   * One part of the default JSON payload that rarely changes (device attributes, port attributes,
   * metadata), kept encoded while its state version stays the same: a value-change does not
   * re-encode the whole device. A part holding NaN or infinities is never kept, so every payload
   * that writes them warns (D11).
   */
  private final class EncodedPart {
    private long version = -1;
    private @Nullable RawJson encoded;

    @Nullable Object get(
        long currentVersion,
        @Nullable Object value,
        java.util.function.UnaryOperator<@Nullable Object> prepare) {
      if (encoded != null && version == currentVersion) {
        return encoded;
      }
      Object prepared = prepare.apply(value);
      int[] nonFinite = {0};
      String json = EventProcessor.this.json.encode(prepared, v -> nonFinite[0]++);
      if (nonFinite[0] > 0) {
        encoded = null;
        return prepared;
      }
      encoded = new RawJson(json);
      version = currentVersion;
      return encoded;
    }
  }

  /** The context of the connection templates (spec 7.3): raw device attributes and metadata. */
  private Map<String, @Nullable Object> connectionContext() {
    LinkedHashMap<String, @Nullable Object> context = new LinkedHashMap<>();
    context.put("device_attrs", connectionDeviceAttrs);
    context.put("metadata", global.metadata());
    return context;
  }

  /** Renders {@code client_id} with the current device attributes (D19: the app compares them). */
  String clientId() {
    return settings.clientIdTemplate().render(connectionContext());
  }

  /** Renders {@code client_id}, {@code username} and {@code password} (spec 7.3, D1). */
  Credentials credentials() {
    Map<String, @Nullable Object> context = connectionContext();
    String clientId = renderQuietly("client_id", settings.clientIdTemplate(), context);
    CompiledTemplate user = settings.usernameTemplate();
    String username = user == null ? null : renderQuietly("username", user, context);
    if (username != null && username.isEmpty()) {
      username = null;
    }
    CompiledTemplate pass = settings.passwordTemplate();
    Secret password = null;
    if (pass != null && username != null) {
      password = Secret.of(renderQuietly("password", pass, context));
    }
    return new Credentials(clientId == null ? "" : clientId, username, password);
  }

  /** The availability messages of the coming connection, or null without availability_topic. */
  @Nullable Availability availability() {
    CompiledTemplate template = settings.availabilityTopicTemplate();
    if (template == null) {
      return null;
    }
    String topic = renderQuietly("availability_topic", template, connectionContext());
    if (topic == null) {
      return null;
    }
    String invalid = Topics.invalidReason(topic);
    if (invalid != null) {
      observer.warning(
          name,
          "availability_topic renders to an invalid topic (%s): no availability messages"
              .formatted(invalid));
      return null;
    }
    return new Availability(
        topic, settings.availabilityOnline(), settings.availabilityOffline(), settings.qos());
  }

  private @Nullable String renderQuietly(
      String key, CompiledTemplate template, Map<String, @Nullable Object> context) {
    try {
      return template.render(context);
    } catch (RuntimeException e) {
      // the message of a password template could quote it: never shown
      observer.warning(
          name,
          key.equals("password")
              ? "the password template failed to render"
              : "%s failed to render: %s".formatted(key, String.valueOf(e.getMessage())));
      return null;
    }
  }

  /** The handler state (the worker thread's): for tests and Home Assistant discovery. */
  DeviceState state() {
    return state;
  }
}
