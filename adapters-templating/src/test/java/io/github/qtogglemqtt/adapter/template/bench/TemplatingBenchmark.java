package io.github.qtogglemqtt.adapter.template.bench;

import io.github.qtogglemqtt.adapter.template.jackson.JacksonJsonEncoderFactory;
import io.github.qtogglemqtt.adapter.template.mustache.MustacheTemplateEngineFactory;
import io.github.qtogglemqtt.adapter.template.pebble.PebbleTemplateEngineFactory;
import io.github.qtogglemqtt.core.port.out.CompiledTemplate;
import io.github.qtogglemqtt.core.port.out.FakeTemplateObject;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.TemplateEngineFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one message costs in each adapter: the default topic and a typical payload template with
 * each engine, and the default JSON payload (a value-change of spec 8.1, same size). Not a test;
 * run it as adapters-templating/README.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TemplatingBenchmark {
  private static final String PEBBLE_PAYLOAD =
      "{\"id\": \"{{port.get_id()}}\", \"name\": \"{{port.get_pretty_name()}}\","
          + " \"value\": {{new_value|tojson}}, \"text\": \"{{port.get_pretty_value()}}\","
          + " \"at\": {{timestamp}}}";
  private static final String MUSTACHE_PAYLOAD =
      "{\"id\": \"{{port.id}}\", \"name\": \"{{port.pretty_name}}\","
          + " \"text\": \"{{port.pretty_value}}\", \"at\": {{timestamp}}}";

  private Map<String, @Nullable Object> context = Map.of();
  private Map<String, @Nullable Object> payload = Map.of();
  private CompiledTemplate pebbleTopic = c -> "";
  private CompiledTemplate pebblePayload = c -> "";
  private CompiledTemplate mustacheTopic = c -> "";
  private CompiledTemplate mustachePayload = c -> "";
  private JsonEncoder encoder = (v, l) -> "";

  /** Compiles the templates once, as the handler does. */
  @Setup
  public void setUp() {
    pebbleTopic = compile(new PebbleTemplateEngineFactory(), "{{device_attrs.name}}");
    pebblePayload = compile(new PebbleTemplateEngineFactory(), PEBBLE_PAYLOAD);
    mustacheTopic = compile(new MustacheTemplateEngineFactory(), "{{device_attrs.name}}");
    mustachePayload = compile(new MustacheTemplateEngineFactory(), MUSTACHE_PAYLOAD);
    encoder = new JacksonJsonEncoderFactory().create(AdapterContext.system());

    Map<String, @Nullable Object> device = new LinkedHashMap<>();
    device.put("name", "hub");
    device.put("display_name", "Home Hub");
    device.put("version", "0.0.0");
    device.put("api_version", "1.3");
    device.put("vendor", "qtoggle/qtoggleserver");
    device.put("flags", List.of("expressions", "backup", "listen", "master", "sequences", "tls"));
    device.put("virtual_ports", 1024L);
    device.put("uptime", 86400L);
    device.put("date", 1717999995L);
    device.put("cpu_usage", 4L);
    device.put("mem_usage", 37L);
    Map<String, @Nullable Object> attrs = new LinkedHashMap<>();
    attrs.put("id", "vport1");
    attrs.put("display_name", "");
    attrs.put("type", "boolean");
    attrs.put("writable", true);
    attrs.put("enabled", true);
    attrs.put("unit", "°C");
    FakeTemplateObject port =
        FakeTemplateObject.builder("<Port vport1>")
            .attribute("id", "vport1")
            .attribute("pretty_name", "vport1")
            .attribute("pretty_value", "on")
            .method("get_id", "vport1")
            .method("get_pretty_name", "vport1")
            .method("get_pretty_value", args -> "on")
            .build();

    payload = new LinkedHashMap<>();
    payload.put("type", "value-change");
    payload.put("timestamp", 1718000000.25);
    payload.put("moment", "2024-06-10T06:13:20Z");
    payload.put("pretty_moment", "Mon Jun 10 06:13:20 2024");
    payload.put("public_url", null);
    payload.put("device_attrs", device);
    payload.put("port_values", Map.of("vport1", true));
    payload.put("port_attrs", Map.of("vport1", attrs));
    payload.put("metadata", Map.of());
    payload.put("old_value", false);
    payload.put("new_value", true);
    payload.put("attrs", attrs);

    context = new LinkedHashMap<>(payload);
    context.put("port", port);
  }

  private static CompiledTemplate compile(TemplateEngineFactory factory, String source) {
    return factory
        .create(AdapterProperties.of("bench", Map.of()), AdapterContext.system())
        .compile("bench", source);
  }

  @Benchmark
  public String pebbleDefaultTopic() {
    return pebbleTopic.render(context);
  }

  @Benchmark
  public String pebblePayloadTemplate() {
    return pebblePayload.render(context);
  }

  @Benchmark
  public String mustacheDefaultTopic() {
    return mustacheTopic.render(context);
  }

  @Benchmark
  public String mustachePayloadTemplate() {
    return mustachePayload.render(context);
  }

  @Benchmark
  public String jacksonDefaultPayload() {
    return encoder.encode(payload);
  }
}
