package io.github.qtogglemqtt.core.filter.expression;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A mutable evaluation context with a controllable clock, rich (default) or poor. */
final class TestContext implements EvaluationContext {
  /** 2026-01-15 10:30:45.250 UTC, a Thursday. */
  static final long DEFAULT_NOW = 1_768_473_045_250L;

  private final Map<String, @Nullable Object> values = new HashMap<>();
  private final Map<String, Map<String, @Nullable Object>> attrs = new HashMap<>();
  private final Map<String, @Nullable Object> deviceAttrs = new LinkedHashMap<>();
  private boolean poor;
  private long now = DEFAULT_NOW;
  private ZoneId zone = ZoneOffset.UTC;

  static TestContext rich() {
    return new TestContext();
  }

  static TestContext poor() {
    TestContext context = new TestContext();
    context.poor = true;
    return context;
  }

  /** An enabled port with a value. */
  TestContext port(String id, @Nullable Object value) {
    values.put(id, value);
    attrs.computeIfAbsent(id, k -> new HashMap<>()).put("enabled", true);
    attrs.get(id).put("id", id);
    return this;
  }

  TestContext disabled(String id, @Nullable Object value) {
    port(id, value);
    attrs.get(id).put("enabled", false);
    return this;
  }

  TestContext attr(String id, String name, @Nullable Object value) {
    attrs.computeIfAbsent(id, k -> new HashMap<>()).put(name, value);
    return this;
  }

  TestContext device(String key, @Nullable Object value) {
    deviceAttrs.put(key, value);
    return this;
  }

  TestContext at(long millis) {
    now = millis;
    return this;
  }

  TestContext advance(long millis) {
    now += millis;
    return this;
  }

  TestContext zone(String id) {
    zone = ZoneId.of(id);
    return this;
  }

  @Override
  public boolean portKnown(String portId) {
    return attrs.containsKey(portId);
  }

  @Override
  public boolean portEnabled(String portId) {
    Map<String, @Nullable Object> a = attrs.get(portId);
    return a != null && Boolean.TRUE.equals(a.get("enabled"));
  }

  @Override
  public @Nullable Object portValue(String portId) {
    return values.get(portId);
  }

  @Override
  public @Nullable Map<String, @Nullable Object> portAttrs(String portId) {
    return poor ? null : attrs.get(portId);
  }

  @Override
  public @Nullable Map<String, @Nullable Object> deviceAttrs() {
    return poor ? null : deviceAttrs;
  }

  @Override
  public long nowMillis() {
    return now;
  }

  @Override
  public ZoneId zone() {
    return zone;
  }
}
