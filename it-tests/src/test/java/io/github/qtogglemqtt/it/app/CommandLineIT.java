package io.github.qtogglemqtt.it.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Each subcommand of the built jar, as a process: exit statuses and output. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CommandLineIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String SAMPLE = "examples/sample/qtoggle-mqtt.conf";
  private static final String EVENTS = "examples/sample/events.jsonl";

  @TempDir Path dir;

  @Test
  void version_printsTheVersion_exits0() {
    AppProcess.Result result = AppProcess.run(TIMEOUT, "version");

    assertThat(result.status()).isZero();
    assertThat(result.out()).startsWith("qtoggle-mqtt 0.");
  }

  @Test
  void noArguments_printsUsage_exits2() {
    AppProcess.Result result = AppProcess.run(TIMEOUT);

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).contains("Usage:").contains("render").contains("check");
  }

  @Test
  void unknownSubcommand_exits2() {
    assertThat(AppProcess.run(TIMEOUT, "publish-everything").status()).isEqualTo(2);
  }

  @Test
  void check_theSample_printsOk_exits0() {
    AppProcess.Result result = AppProcess.run(TIMEOUT, "check", "-c", SAMPLE);

    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("OK: 2 handlers, 1 source\n");
  }

  @Test
  void check_aBrokenFile_printsEveryProblemInOnePass_exits2() throws IOException {
    Path broken = dir.resolve("broken.conf");
    Files.writeString(
        broken,
        """
        event_handlers = [
          {
            driver = "qtoggleserver.mqtt.MQTTEventHandler"
            server = "127.0.0.1"
            qos = 3
            reconect_interval = 5
          }
          {
            driver = "qtoggleserver.mqtt.MqttEventHandler"
            server = "127.0.0.1"
            client = "mosquitto"
          }
        ]
        source { type = "replay" }
        """);

    AppProcess.Result result = AppProcess.run(TIMEOUT, "check", "-c", broken.toString());

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .contains("event_handlers[0].qos: must be 0, 1 or 2 (got 3)")
        .contains(
            "event_handlers[0].reconect_interval: unknown key, did you mean reconnect_interval?")
        .contains(
            "event_handlers[1].client: unknown MQTT client \"mosquitto\" (available: hivemq, paho)")
        .contains("source.path: is required");
  }

  @Test
  void render_theSample_printsOneUtf8JsonLinePerMessage_exits0() {
    AppProcess.Result result = AppProcess.run(TIMEOUT, "render", "-c", SAMPLE);

    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.outLines())
        .filteredOn(line -> line.startsWith("{\"handler\":\"values\""))
        .containsExactly(
            "{\"handler\":\"values\",\"topic\":\"hub/ports/relay\",\"payload\":\"on\",\"qos\":1,\"retain\":false}",
            "{\"handler\":\"values\",\"topic\":\"hub/ports/temp\",\"payload\":\"21.75°C\",\"qos\":1,\"retain\":false}",
            "{\"handler\":\"values\",\"topic\":\"hub/ports/relay\",\"payload\":\"off\",\"qos\":1,\"retain\":false}");
    assertThat(result.outLines())
        .filteredOn(line -> line.startsWith("{\"handler\":\"json\""))
        .hasSize(4)
        .allSatisfy(
            line ->
                assertThat(line).contains("\"topic\":\"hub\"").contains("\\\"device_attrs\\\": {"))
        .noneSatisfy(line -> assertThat(line).contains("admin_password"));
  }

  @Test
  void render_eventsFromStandardInput_replacesTheConfiguredSource() throws IOException {
    byte[] events = Files.readAllBytes(AppProcess.REPOSITORY.resolve(EVENTS));

    AppProcess.Result fromStdin =
        AppProcess.run(TIMEOUT, events, "render", "-c", SAMPLE, "--events", "-");
    AppProcess.Result fromFile = AppProcess.run(TIMEOUT, "render", "-c", SAMPLE);

    assertThat(fromStdin.status()).as(fromStdin.err()).isZero();
    assertThat(fromStdin.out()).isEqualTo(fromFile.out()).isNotEmpty();
  }

  @Test
  void render_malformedLines_areReportedOnStderrAndSkipped() throws IOException {
    Path events = dir.resolve("events.jsonl");
    String good = Files.readString(AppProcess.REPOSITORY.resolve(EVENTS), StandardCharsets.UTF_8);
    Files.writeString(events, "not json\n\n" + good + "{\"no\": \"type\"}\n");

    AppProcess.Result result =
        AppProcess.run(TIMEOUT, "render", "-c", SAMPLE, "--events", events.toString());

    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.err()).contains("line 1");
    assertThat(result.outLines()).hasSize(7);
  }

  @Test
  void render_missingConfiguration_exits2() {
    AppProcess.Result result =
        AppProcess.run(TIMEOUT, "render", "-c", dir.resolve("nope.conf").toString());

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
  }
}
