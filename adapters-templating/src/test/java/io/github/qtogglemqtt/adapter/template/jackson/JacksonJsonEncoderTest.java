package io.github.qtogglemqtt.adapter.template.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qtogglemqtt.core.model.RawJson;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class JacksonJsonEncoderTest {
  private final JsonEncoder encoder =
      new JacksonJsonEncoderFactory().create(AdapterContext.system());

  // ---- the worked examples of spec 8, built by hand ----

  private static Map<String, @Nullable Object> obj(@Nullable Object... keysAndValues) {
    Map<String, @Nullable Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) Objects.requireNonNull(keysAndValues[i]), keysAndValues[i + 1]);
    }
    return map;
  }

  private static List<@Nullable Object> arr(@Nullable Object... values) {
    return new ArrayList<>(Arrays.asList(values));
  }

  private static Map<String, @Nullable Object> definitions() {
    return obj(
        "tick_interval",
        obj(
            "display_name",
            "Tick Interval",
            "description",
            "The interval between two consecutive update ticks, in milliseconds.",
            "type",
            "number",
            "min",
            1L,
            "integer",
            true,
            "modifiable",
            true),
        "log_level",
        obj(
            "display_name", "Log Level",
            "description", "The logging level.",
            "type", "string",
            "modifiable", true,
            "choices",
                arr(
                    obj("display_name", "Debug", "value", "DEBUG"),
                    obj("display_name", "Info", "value", "INFO"),
                    obj("display_name", "Warning", "value", "WARNING"),
                    obj("display_name", "Error", "value", "ERROR"),
                    obj("display_name", "Critical", "value", "CRITICAL"))));
  }

  private static Map<String, @Nullable Object> deviceAttrs(
      long uptime, long date, long cpu, boolean withPasswords) {
    Map<String, @Nullable Object> attrs =
        obj(
            "name", "hub",
            "display_name", "Home Hub",
            "version", "0.0.0",
            "api_version", "1.3",
            "vendor", "qtoggle/qtoggleserver");
    if (withPasswords) {
      attrs.put("admin_password", "set");
      attrs.put("normal_password", "");
      attrs.put("viewonly_password", "");
    }
    attrs.putAll(
        obj(
            "flags",
            arr("expressions", "backup", "listen", "master", "sequences", "tls"),
            "virtual_ports",
            1024L,
            "uptime",
            uptime,
            "date",
            date,
            "cpu_usage",
            cpu,
            "mem_usage",
            37L,
            "tick_interval",
            50L,
            "log_level",
            "INFO",
            "definitions",
            definitions()));
    return attrs;
  }

  private static Map<String, @Nullable Object> tempAttrs(String displayName) {
    return obj(
        "id",
        "temp",
        "display_name",
        displayName,
        "type",
        "number",
        "unit",
        "°C",
        "writable",
        true,
        "enabled",
        true,
        "min",
        -50L,
        "max",
        150L,
        "tag",
        "",
        "expression",
        "",
        "transform_read",
        "",
        "transform_write",
        "",
        "internal",
        false,
        "virtual",
        true);
  }

  private static Map<String, @Nullable Object> vport1Attrs() {
    return obj(
        "id", "vport1",
        "display_name", "",
        "type", "boolean",
        "writable", true,
        "enabled", true,
        "tag", "",
        "expression", "",
        "transform_read", "",
        "transform_write", "",
        "internal", false,
        "virtual", true);
  }

  private static Map<String, @Nullable Object> common(
      String type, double timestamp, String moment, String pretty, String tempName, long[] dev) {
    return obj(
        "type",
        type,
        "timestamp",
        timestamp,
        "moment",
        moment,
        "pretty_moment",
        pretty,
        "public_url",
        null,
        "device_attrs",
        deviceAttrs(dev[0], dev[1], dev[2], false),
        "port_values",
        obj("temp", 21.5, "vport1", true),
        "port_attrs",
        obj("temp", tempAttrs(tempName), "vport1", vport1Attrs()),
        "metadata",
        obj());
  }

  private static final String PAYLOAD_8_1 =
      """
      {"type": "value-change", "timestamp": 1718000000.25, "moment": "2024-06-10T06:13:20Z", "pretty_moment": "Mon Jun 10 06:13:20 2024", "public_url": null, "device_attrs": {"name": "hub", "display_name": "Home Hub", "version": "0.0.0", "api_version": "1.3", "vendor": "qtoggle/qtoggleserver", "flags": ["expressions", "backup", "listen", "master", "sequences", "tls"], "virtual_ports": 1024, "uptime": 86400, "date": 1717999995, "cpu_usage": 4, "mem_usage": 37, "tick_interval": 50, "log_level": "INFO", "definitions": {"tick_interval": {"display_name": "Tick Interval", "description": "The interval between two consecutive update ticks, in milliseconds.", "type": "number", "min": 1, "integer": true, "modifiable": true}, "log_level": {"display_name": "Log Level", "description": "The logging level.", "type": "string", "modifiable": true, "choices": [{"display_name": "Debug", "value": "DEBUG"}, {"display_name": "Info", "value": "INFO"}, {"display_name": "Warning", "value": "WARNING"}, {"display_name": "Error", "value": "ERROR"}, {"display_name": "Critical", "value": "CRITICAL"}]}}}, "port_values": {"temp": 21.5, "vport1": true}, "port_attrs": {"temp": {"id": "temp", "display_name": "Temp", "type": "number", "unit": "\\u00b0C", "writable": true, "enabled": true, "min": -50, "max": 150, "tag": "", "expression": "", "transform_read": "", "transform_write": "", "internal": false, "virtual": true}, "vport1": {"id": "vport1", "display_name": "", "type": "boolean", "writable": true, "enabled": true, "tag": "", "expression": "", "transform_read": "", "transform_write": "", "internal": false, "virtual": true}}, "metadata": {}, "old_value": false, "new_value": true, "attrs": {"id": "vport1", "display_name": "", "type": "boolean", "writable": true, "enabled": true, "tag": "", "expression": "", "transform_read": "", "transform_write": "", "internal": false, "virtual": true}}"""
          .strip();

  private static final String PAYLOAD_8_2 =
      """
      {"type": "port-update", "timestamp": 1718000001.25, "moment": "2024-06-10T06:13:21Z", "pretty_moment": "Mon Jun 10 06:13:21 2024", "public_url": null, "device_attrs": {"name": "hub", "display_name": "Home Hub", "version": "0.0.0", "api_version": "1.3", "vendor": "qtoggle/qtoggleserver", "flags": ["expressions", "backup", "listen", "master", "sequences", "tls"], "virtual_ports": 1024, "uptime": 86400, "date": 1717999995, "cpu_usage": 4, "mem_usage": 37, "tick_interval": 50, "log_level": "INFO", "definitions": {"tick_interval": {"display_name": "Tick Interval", "description": "The interval between two consecutive update ticks, in milliseconds.", "type": "number", "min": 1, "integer": true, "modifiable": true}, "log_level": {"display_name": "Log Level", "description": "The logging level.", "type": "string", "modifiable": true, "choices": [{"display_name": "Debug", "value": "DEBUG"}, {"display_name": "Info", "value": "INFO"}, {"display_name": "Warning", "value": "WARNING"}, {"display_name": "Error", "value": "ERROR"}, {"display_name": "Critical", "value": "CRITICAL"}]}}}, "port_values": {"temp": 21.5, "vport1": true}, "port_attrs": {"temp": {"id": "temp", "display_name": "Temperature", "type": "number", "unit": "\\u00b0C", "writable": true, "enabled": true, "min": -50, "max": 150, "tag": "", "expression": "", "transform_read": "", "transform_write": "", "internal": false, "virtual": true}, "vport1": {"id": "vport1", "display_name": "", "type": "boolean", "writable": true, "enabled": true, "tag": "", "expression": "", "transform_read": "", "transform_write": "", "internal": false, "virtual": true}}, "metadata": {}, "old_attrs": {"id": "temp", "display_name": "Temp", "type": "number", "unit": "\\u00b0C", "writable": true, "enabled": true, "min": -50, "max": 150, "tag": "", "expression": "", "transform_read": "", "transform_write": "", "internal": false, "virtual": true}, "new_attrs": {"id": "temp", "display_name": "Temperature", "type": "number", "unit": "\\u00b0C", "writable": true, "enabled": true, "min": -50, "max": 150, "tag": "", "expression": "", "transform_read": "", "transform_write": "", "internal": false, "virtual": true}, "changed_attrs": {"display_name": ["Temp", "Temperature"]}, "added_attrs": {}, "removed_attrs": {}, "value": 21.5}"""
          .strip();

  private static final String PAYLOAD_8_3 =
      """
      {"type": "device-update", "timestamp": 1718000002.25, "moment": "2024-06-10T06:13:22Z", "pretty_moment": "Mon Jun 10 06:13:22 2024", "public_url": null, "device_attrs": {"name": "hub", "display_name": "Home Hub", "version": "0.0.0", "api_version": "1.3", "vendor": "qtoggle/qtoggleserver", "flags": ["expressions", "backup", "listen", "master", "sequences", "tls"], "virtual_ports": 1024, "uptime": 86405, "date": 1718000000, "cpu_usage": 6, "mem_usage": 37, "tick_interval": 50, "log_level": "INFO", "definitions": {"tick_interval": {"display_name": "Tick Interval", "description": "The interval between two consecutive update ticks, in milliseconds.", "type": "number", "min": 1, "integer": true, "modifiable": true}, "log_level": {"display_name": "Log Level", "description": "The logging level.", "type": "string", "modifiable": true, "choices": [{"display_name": "Debug", "value": "DEBUG"}, {"display_name": "Info", "value": "INFO"}, {"display_name": "Warning", "value": "WARNING"}, {"display_name": "Error", "value": "ERROR"}, {"display_name": "Critical", "value": "CRITICAL"}]}}}, "port_values": {"temp": 21.5, "vport1": true}, "port_attrs": {"temp": {"id": "temp", "display_name": "Temperature", "type": "number", "unit": "\\u00b0C", "writable": true, "enabled": true, "min": -50, "max": 150, "tag": "", "expression": "", "transform_read": "", "transform_write": "", "internal": false, "virtual": true}, "vport1": {"id": "vport1", "display_name": "", "type": "boolean", "writable": true, "enabled": true, "tag": "", "expression": "", "transform_read": "", "transform_write": "", "internal": false, "virtual": true}}, "metadata": {}, "old_attrs": {"name": "hub", "display_name": "Home Hub", "version": "0.0.0", "api_version": "1.3", "vendor": "qtoggle/qtoggleserver", "admin_password": "set", "normal_password": "", "viewonly_password": "", "flags": ["expressions", "backup", "listen", "master", "sequences", "tls"], "virtual_ports": 1024, "uptime": 86400, "date": 1717999995, "cpu_usage": 4, "mem_usage": 37, "tick_interval": 50, "log_level": "INFO", "definitions": {"tick_interval": {"display_name": "Tick Interval", "description": "The interval between two consecutive update ticks, in milliseconds.", "type": "number", "min": 1, "integer": true, "modifiable": true}, "log_level": {"display_name": "Log Level", "description": "The logging level.", "type": "string", "modifiable": true, "choices": [{"display_name": "Debug", "value": "DEBUG"}, {"display_name": "Info", "value": "INFO"}, {"display_name": "Warning", "value": "WARNING"}, {"display_name": "Error", "value": "ERROR"}, {"display_name": "Critical", "value": "CRITICAL"}]}}}, "new_attrs": {"name": "hub", "display_name": "Home Hub", "version": "0.0.0", "api_version": "1.3", "vendor": "qtoggle/qtoggleserver", "admin_password": "set", "normal_password": "", "viewonly_password": "", "flags": ["expressions", "backup", "listen", "master", "sequences", "tls"], "virtual_ports": 1024, "uptime": 86405, "date": 1718000000, "cpu_usage": 6, "mem_usage": 37, "tick_interval": 50, "log_level": "INFO", "definitions": {"tick_interval": {"display_name": "Tick Interval", "description": "The interval between two consecutive update ticks, in milliseconds.", "type": "number", "min": 1, "integer": true, "modifiable": true}, "log_level": {"display_name": "Log Level", "description": "The logging level.", "type": "string", "modifiable": true, "choices": [{"display_name": "Debug", "value": "DEBUG"}, {"display_name": "Info", "value": "INFO"}, {"display_name": "Warning", "value": "WARNING"}, {"display_name": "Error", "value": "ERROR"}, {"display_name": "Critical", "value": "CRITICAL"}]}}}, "changed_attrs": {"uptime": [86400, 86405], "date": [1717999995, 1718000000], "cpu_usage": [4, 6]}, "added_attrs": {}, "removed_attrs": {}}"""
          .strip();

  private static final String PAYLOAD_8_4 =
      """
      {"type": "slave-device-add", "device_attrs": {"name": "hub", "shed:enabled": true, "shed:name": "shed", "shed:scheme": "http", "shed:host": "10.0.0.7", "shed:port": 80, "shed:path": "/api", "shed:poll_interval": 0, "shed:listen_enabled": true, "shed:last_sync": 1718000000, "shed:online": true, "shed:provisioning": [], "shed:display_name": "Shed", "shed:wifi_key": "hunter22"}, "attrs": {"enabled": true, "name": "shed", "scheme": "http", "host": "10.0.0.7", "port": 80, "path": "/api", "admin_password_hash": "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", "poll_interval": 0, "listen_enabled": true, "last_sync": 1718000000, "online": true, "provisioning": [], "display_name": "Shed", "admin_password": "set", "wifi_key": "hunter22"}}"""
          .strip();

  @Test
  void encode_valueChangeOfSpec81_isByteIdentical() {
    Map<String, @Nullable Object> payload =
        common(
            "value-change",
            1718000000.25,
            "2024-06-10T06:13:20Z",
            "Mon Jun 10 06:13:20 2024",
            "Temp",
            new long[] {86400, 1717999995, 4});
    payload.put("old_value", false);
    payload.put("new_value", true);
    payload.put("attrs", vport1Attrs());

    assertThat(encoder.encode(payload)).isEqualTo(PAYLOAD_8_1);
  }

  @Test
  void encode_portUpdateOfSpec82_isByteIdentical() {
    Map<String, @Nullable Object> payload =
        common(
            "port-update",
            1718000001.25,
            "2024-06-10T06:13:21Z",
            "Mon Jun 10 06:13:21 2024",
            "Temperature",
            new long[] {86400, 1717999995, 4});
    payload.put("old_attrs", tempAttrs("Temp"));
    payload.put("new_attrs", tempAttrs("Temperature"));
    payload.put("changed_attrs", obj("display_name", arr("Temp", "Temperature")));
    payload.put("added_attrs", obj());
    payload.put("removed_attrs", obj());
    payload.put("value", 21.5);

    assertThat(encoder.encode(payload)).isEqualTo(PAYLOAD_8_2);
  }

  @Test
  void encode_deviceUpdateOfSpec83_isByteIdentical() {
    Map<String, @Nullable Object> payload =
        common(
            "device-update",
            1718000002.25,
            "2024-06-10T06:13:22Z",
            "Mon Jun 10 06:13:22 2024",
            "Temperature",
            new long[] {86405, 1718000000, 6});
    payload.put("old_attrs", deviceAttrs(86400, 1717999995, 4, true));
    payload.put("new_attrs", deviceAttrs(86405, 1718000000, 6, true));
    payload.put(
        "changed_attrs",
        obj(
            "uptime", arr(86400L, 86405L),
            "date", arr(1717999995L, 1718000000L),
            "cpu_usage", arr(4L, 6L)));
    payload.put("added_attrs", obj());
    payload.put("removed_attrs", obj());

    assertThat(encoder.encode(payload)).isEqualTo(PAYLOAD_8_3);
  }

  @Test
  void encode_slaveAddOfSpec84_isByteIdentical() {
    Map<String, @Nullable Object> payload =
        obj(
            "type",
            "slave-device-add",
            "device_attrs",
            obj(
                "name",
                "hub",
                "shed:enabled",
                true,
                "shed:name",
                "shed",
                "shed:scheme",
                "http",
                "shed:host",
                "10.0.0.7",
                "shed:port",
                80L,
                "shed:path",
                "/api",
                "shed:poll_interval",
                0L,
                "shed:listen_enabled",
                true,
                "shed:last_sync",
                1718000000L,
                "shed:online",
                true,
                "shed:provisioning",
                arr(),
                "shed:display_name",
                "Shed",
                "shed:wifi_key",
                "hunter22"),
            "attrs",
            obj(
                "enabled", true,
                "name", "shed",
                "scheme", "http",
                "host", "10.0.0.7",
                "port", 80L,
                "path", "/api",
                "admin_password_hash",
                    "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
                "poll_interval", 0L,
                "listen_enabled", true,
                "last_sync", 1718000000L,
                "online", true,
                "provisioning", arr(),
                "display_name", "Shed",
                "admin_password", "set",
                "wifi_key", "hunter22"));

    assertThat(encoder.encode(payload)).isEqualTo(PAYLOAD_8_4);
  }

  // ---- edge cases of spec 7.7 ----

  @Test
  void encode_scalars_asPythonWritesThem() {
    assertThat(encoder.encode(null)).isEqualTo("null");
    assertThat(encoder.encode(true)).isEqualTo("true");
    assertThat(encoder.encode(false)).isEqualTo("false");
    assertThat(encoder.encode(0L)).isEqualTo("0");
    assertThat(encoder.encode(-7)).isEqualTo("-7");
    assertThat(encoder.encode(Long.MIN_VALUE)).isEqualTo("-9223372036854775808");
    assertThat(encoder.encode(new BigInteger("123456789012345678901234567890")))
        .isEqualTo("123456789012345678901234567890");
    assertThat(encoder.encode("")).isEqualTo("\"\"");
  }

  @Test
  void encode_floats_inPythonRepr() {
    assertThat(encoder.encode(21.5)).isEqualTo("21.5");
    assertThat(encoder.encode(21.0)).isEqualTo("21.0");
    assertThat(encoder.encode(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(encoder.encode(1e16)).isEqualTo("1e+16");
    assertThat(encoder.encode(1.5e16)).isEqualTo("1.5e+16");
    assertThat(encoder.encode(1e-5)).isEqualTo("1e-05");
    assertThat(encoder.encode(0.0001)).isEqualTo("0.0001");
    assertThat(encoder.encode(-0.0)).isEqualTo("-0.0");
    assertThat(encoder.encode(1000000000000000.0)).isEqualTo("1000000000000000.0");
    assertThat(encoder.encode(Double.MIN_VALUE)).isEqualTo("5e-324");
    assertThat(encoder.encode(1e-323)).isEqualTo("1e-323");
    assertThat(encoder.encode(2.5e-323)).isEqualTo("2.5e-323");
    assertThat(encoder.encode(1e23)).isEqualTo("1e+23");
    assertThat(encoder.encode(2e22)).isEqualTo("2e+22");
    assertThat(encoder.encode(7e-10)).isEqualTo("7e-10");
    assertThat(encoder.encode(1718000000.25)).isEqualTo("1718000000.25");
    assertThat(encoder.encode(1.5f)).isEqualTo("1.5");
  }

  @Test
  void encode_strings_escapedAsPythonEnsureAscii() {
    assertThat(encoder.encode("a\"b\\c/d")).isEqualTo("\"a\\\"b\\\\c/d\"");
    assertThat(encoder.encode("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
    assertThat(encoder.encode("\u0000\u0001\u001f")).isEqualTo("\"\\u0000\\u0001\\u001f\"");
    assertThat(encoder.encode(" ~\u007f")).isEqualTo("\" ~\\u007f\"");
    assertThat(encoder.encode("°C é")).isEqualTo("\"\\u00b0C \\u00e9\"");
    assertThat(encoder.encode("\u00ff\u0100\uabcd\uffff"))
        .isEqualTo("\"\\u00ff\\u0100\\uabcd\\uffff\"");
    assertThat(encoder.encode("😀")).isEqualTo("\"\\ud83d\\ude00\"");
    assertThat(encoder.encode("<script>&'")).isEqualTo("\"<script>&'\"");
  }

  @Test
  void encode_keysAreEscapedLikeValues() {
    assertThat(encoder.encode(obj("°\n", 1L))).isEqualTo("{\"\\u00b0\\n\": 1}");
  }

  @Test
  void encode_containers_keepOrderAndSeparators() {
    Map<String, @Nullable Object> map = obj("z", 1L, "a", arr(), "m", obj(), "n", arr(1L, null));
    assertThat(encoder.encode(map)).isEqualTo("{\"z\": 1, \"a\": [], \"m\": {}, \"n\": [1, null]}");
    assertThat(encoder.encode(arr(arr(), obj("k", arr(true, 2.0)))))
        .isEqualTo("[[], {\"k\": [true, 2.0]}]");
  }

  @Test
  void encode_rawJson_isWrittenVerbatimInPlace() {
    Map<String, @Nullable Object> map =
        obj("a", new RawJson("{\"x\": [1, 2]}"), "b", arr(new RawJson("3.0"), 4L));
    assertThat(encoder.encode(map)).isEqualTo("{\"a\": {\"x\": [1, 2]}, \"b\": [3.0, 4]}");
    assertThat(encoder.encode(new RawJson("\"s\""))).isEqualTo("\"s\"");
  }

  @Test
  void encodeAscii_rawJsonBetweenValues_sameBytesAsEncode() {
    Map<String, @Nullable Object> map =
        obj(
            "s",
            "caf\u00e9",
            "a",
            new RawJson("{\"x\": [1, 2]}"),
            "b",
            arr(1L, new RawJson("3.0"), new RawJson("[]"), "t"),
            "c",
            new RawJson("null"),
            "d",
            2.5);
    String expected =
        "{\"s\": \"caf\\u00e9\", \"a\": {\"x\": [1, 2]}, \"b\": [1, 3.0, [], \"t\"],"
            + " \"c\": null, \"d\": 2.5}";
    assertThat(encoder.encode(map)).isEqualTo(expected);
    assertThat(encoder.encodeAscii(map, null))
        .isEqualTo(expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  @Test
  void encode_afterAFailedCall_startsFromAnEmptyBuffer() {
    assertThatThrownBy(() -> encoder.encode(arr("partial", new Object())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(encoder.encode(arr(1L))).isEqualTo("[1]");
  }

  @Test
  void encode_nonFiniteFloats_writeNullAndTellTheListener() {
    List<Double> told = new ArrayList<>();
    String json =
        encoder.encode(
            obj("n", Double.NaN, "p", Double.POSITIVE_INFINITY, "m", arr(Double.NEGATIVE_INFINITY)),
            told::add);
    assertThat(json).isEqualTo("{\"n\": null, \"p\": null, \"m\": [null]}");
    assertThat(told)
        .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    assertThat(encoder.encode(Double.NaN)).isEqualTo("null");
  }

  @Test
  void encode_nonStringKeys_becomeStringsAsPythonDoes() {
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(1L, "a");
    map.put(true, "b");
    map.put(2.5, "c");
    assertThat(encoder.encode(map)).isEqualTo("{\"1\": \"a\", \"true\": \"b\", \"2.5\": \"c\"}");
  }

  @Test
  void encode_valueOutsideTheModel_throwsIllegalArgument() {
    assertThatThrownBy(() -> encoder.encode(obj("x", new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON value");
  }

  @Test
  void encode_isThreadSafe() throws Exception {
    Map<String, @Nullable Object> payload = obj("a", "°", "b", arr(1L, 2.5, null));
    String expected = encoder.encode(payload);
    List<Thread> threads = new ArrayList<>();
    List<String> results = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 500; i++) {
                  results.add(encoder.encode(payload));
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(results).hasSize(2000).containsOnly(expected);
  }
}
