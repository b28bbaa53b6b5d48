package io.github.qtogglemqtt.it.bench;

import io.github.qtogglemqtt.core.filter.DeviceState;
import io.github.qtogglemqtt.core.filter.EventDelta;
import io.github.qtogglemqtt.core.filter.EventFilter;
import io.github.qtogglemqtt.core.filter.FilterProblems;
import io.github.qtogglemqtt.core.filter.FilterResult;
import io.github.qtogglemqtt.core.handler.EventHandler;
import io.github.qtogglemqtt.core.model.Moment;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.model.RawJson;
import io.github.qtogglemqtt.core.model.TemplateObject;
import io.github.qtogglemqtt.core.model.Undefined;
import io.github.qtogglemqtt.core.model.ValueChange;
import io.github.qtogglemqtt.core.port.out.CompiledTemplate;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-event core path of one handler (issue 10) on a realistic device ({@link BenchDevice}):
 *
 * <ul>
 *   <li>{@code event}: a value-change through a dry-run {@link EventHandler} (state update, filter,
 *       context, payload, topic render, message), with Pebble and Mustache, default JSON payload or
 *       a template payload;
 *   <li>{@code naive}: the baseline of the same run: the same steps with the whole context rebuilt
 *       and encoded per event (no cache), default JSON payload;
 *   <li>the pieces alone: {@code stateAndFilter}, {@code stateFilterContext} (a handler with a
 *       constant topic and payload, so state + filter + context + message), {@code topicRender},
 *       {@code jsonEncodeCached} (the default payload with its unchanged parts already encoded, as
 *       the core keeps them) and {@code jsonEncodeFull} (the whole payload encoded).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class CorePathBenchmark {

  /** The ring of events, consumed in order by every benchmark. */
  @State(Scope.Thread)
  public static class Events {
    final ValueChange[] events = BenchDevice.events();
    int next;

    ValueChange next() {
      ValueChange event = events[next];
      next = (next + 1) % events.length;
      return event;
    }
  }

  /** A dry-run handler with the engine and payload of the parameters. */
  @State(Scope.Thread)
  public static class Handler {
    @Param({"pebble", "mustache"})
    public String engine = "pebble";

    @Param({"default", "template"})
    public String payload = "default";

    EventHandler handler;

    @Setup
    public void setUp() {
      handler =
          BenchDevice.handler(
              BenchDevice.settings(BenchDevice.entry(engine, payload), BenchDevice.engine(engine)));
    }
  }

  /** A handler whose topic and payload are constant texts: no template work, no JSON. */
  @State(Scope.Thread)
  public static class ConstantHandler {
    EventHandler handler;

    @Setup
    public void setUp() {
      Map<String, @Nullable Object> entry = new LinkedHashMap<>();
      entry.put("name", "constant");
      entry.put("topic", "bench/constant");
      entry.put("templates", Map.of("value-change", "constant"));
      handler = BenchDevice.handler(BenchDevice.settings(entry, BenchDevice.engine("pebble")));
    }
  }

  /** The naive path and the pieces: state, filter, compiled topic, encoder. */
  @State(Scope.Thread)
  public static class Pieces {
    @Param({"pebble", "mustache"})
    public String engine = "pebble";

    DeviceState state;
    EventFilter filter;
    CompiledTemplate topic;
    JsonEncoder json;
    Map<String, @Nullable Object> context;
    Map<String, @Nullable Object> fullPayload;
    Map<String, @Nullable Object> cachedPayload;

    @Setup
    public void setUp() {
      state = new DeviceState();
      state.sync(BenchDevice.snapshot());
      filter = EventFilter.compile(Map.of(), new NoProblems(), false);
      topic = BenchDevice.engine(engine).compile("topic", BenchDevice.TOPIC);
      json = BenchDevice.json();
      ValueChange event = BenchDevice.events()[1];
      EventDelta delta = state.apply(event);
      context = naiveContext(state, delta);
      fullPayload = jsonPayload(context);
      cachedPayload = new LinkedHashMap<>(fullPayload);
      for (String key : List.of("device_attrs", "port_attrs", "metadata")) {
        cachedPayload.put(key, new RawJson(json.encode(fullPayload.get(key))));
      }
    }
  }

  @Benchmark
  public @Nullable OutboundMessage event(Handler handler, Events events) {
    return handler.handler.processNow(events.next());
  }

  @Benchmark
  public OutboundMessage naive(Pieces pieces, Events events) {
    ValueChange event = events.next();
    EventDelta delta = pieces.state.apply(event);
    FilterResult decision =
        pieces.filter.test(
            delta, pieces.state, (long) (event.timestamp() * 1000), BenchDevice.ZONE);
    if (!decision.accepted()) {
      throw new IllegalStateException("filtered");
    }
    Map<String, @Nullable Object> context = naiveContext(pieces.state, delta);
    byte[] payload = pieces.json.encode(jsonPayload(context)).getBytes(StandardCharsets.US_ASCII);
    String topic = pieces.topic.render(context);
    return new OutboundMessage(topic, payload, 0, false, "application/json", 0, Map.of());
  }

  @Benchmark
  public FilterResult stateAndFilter(Pieces pieces, Events events) {
    ValueChange event = events.next();
    EventDelta delta = pieces.state.apply(event);
    return pieces.filter.test(
        delta, pieces.state, (long) (event.timestamp() * 1000), BenchDevice.ZONE);
  }

  @Benchmark
  public @Nullable OutboundMessage stateFilterContext(ConstantHandler handler, Events events) {
    return handler.handler.processNow(events.next());
  }

  @Benchmark
  public String topicRender(Pieces pieces) {
    return pieces.topic.render(pieces.context);
  }

  @Benchmark
  public String jsonEncodeCached(Pieces pieces) {
    return pieces.json.encode(pieces.cachedPayload);
  }

  @Benchmark
  public String jsonEncodeFull(Pieces pieces) {
    return pieces.json.encode(pieces.fullPayload);
  }

  /** The context of spec 6.4/6.5 for a value-change, rebuilt from scratch: every map copied. */
  static Map<String, @Nullable Object> naiveContext(DeviceState state, EventDelta delta) {
    ValueChange event = (ValueChange) delta.event();
    Map<String, @Nullable Object> context = new LinkedHashMap<>();
    context.put("event", new NaiveObject("value-change event", Map.of()));
    context.put("type", "value-change");
    context.put("timestamp", event.timestamp());
    Moment moment = Moment.of(event.timestamp(), BenchDevice.ZONE);
    context.put("moment", moment);
    context.put("pretty_moment", moment.prettyC());
    context.put("public_url", "http://qtoggle.local");
    context.put("device_attrs", state.mergedDeviceAttrs());
    context.put("port_values", new LinkedHashMap<>(state.portValues()));
    Map<String, @Nullable Object> portAttrs = new LinkedHashMap<>();
    state.portAttrs().forEach((id, attrs) -> portAttrs.put(id, new LinkedHashMap<>(attrs)));
    context.put("port_attrs", portAttrs);
    context.put("metadata", BenchDevice.global().metadata());
    context.put("port", new NaiveObject("port " + event.portId(), Map.of("id", event.portId())));
    context.put("old_value", delta.oldValue());
    context.put("new_value", delta.newValue());
    context.put("attrs", delta.newAttrs());
    return context;
  }

  /** The default JSON payload: the context without its objects, secrets scrubbed. */
  static Map<String, @Nullable Object> jsonPayload(Map<String, @Nullable Object> context) {
    Map<String, @Nullable Object> payload = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> e : context.entrySet()) {
      Object value = e.getValue();
      switch (e.getKey()) {
        case "event", "port" -> {
          continue;
        }
        case "moment" -> value = value instanceof Moment m ? m.utcJson() : null;
        case "device_attrs" -> {
          Map<String, @Nullable Object> clean = new LinkedHashMap<>();
          ((Map<?, ?>) value)
              .forEach(
                  (k, v) -> {
                    String key = (String) k;
                    if (!key.contains("password") && !key.equals("wifi_key")) {
                      clean.put(key, v);
                    }
                  });
          value = clean;
        }
        default -> {}
      }
      payload.put(e.getKey(), value);
    }
    return payload;
  }

  /** A context object of the naive path: attributes from a map, methods {@code get_<name>}. */
  record NaiveObject(String pyStr, Map<String, @Nullable Object> attributes)
      implements TemplateObject {
    @Override
    public @Nullable Object attribute(String name) {
      return attributes.containsKey(name) ? attributes.get(name) : Undefined.INSTANCE;
    }

    @Override
    public Set<String> attributeNames() {
      return attributes.keySet();
    }

    @Override
    public boolean hasMethod(String name) {
      return name.startsWith("get_") && attributes.containsKey(name.substring(4));
    }

    @Override
    public @Nullable Object invoke(String name, List<@Nullable Object> args) {
      return attributes.get(name.substring(4));
    }
  }

  private static final class NoProblems implements FilterProblems {
    @Override
    public void problem(String key, String message) {
      throw new IllegalStateException(key + ": " + message);
    }

    @Override
    public void warning(String key, String message) {}
  }
}
