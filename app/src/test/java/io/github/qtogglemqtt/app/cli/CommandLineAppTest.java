package io.github.qtogglemqtt.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Stage;
import io.github.qtogglemqtt.app.lifecycle.Lifecycle;
import io.github.qtogglemqtt.app.wiring.AppModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineAppTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir Path dir;

  private int execute(String... args) {
    Assembler assembler =
        launch ->
            Guice.createInjector(Stage.PRODUCTION, new AppModule(launch))
                .getInstance(Lifecycle.class);
    return CommandLineApp.create(assembler, Console.of(out, err)).execute(args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("app.conf");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void check_validConfiguration_printsOkAndExits0() throws IOException {
    Path file =
        write(
            """
            json_encoder = fake
            event_handlers = [
              {client = fake, template_engine = fake, server = a}
              {client = fake, template_engine = fake, server = b}
            ]
            source { type = fake }
            """);

    int status = execute("check", "-c", file.toString());

    assertThat(status).isZero();
    assertThat(out()).isEqualTo("OK: 2 handlers, 1 source\n");
  }

  @Test
  void check_brokenConfiguration_printsEveryProblemAndExits2() throws IOException {
    Path file =
        write(
            """
            json_encoder = fake
            event_handlers = [
              {client = fake, template_engine = fake, sever = a}
              {client = nope, template_engine = fake, server = b}
            ]
            source { type = fake, ulr = x }
            """);

    int status = execute("check", "-c", file.toString());

    assertThat(status).isEqualTo(2);
    assertThat(out()).isEmpty();
    assertThat(err())
        .contains("The configuration has 4 problems:")
        .contains("  event_handlers[0].server: is required")
        .contains("  event_handlers[0].sever: unknown key, did you mean server?")
        .contains("  event_handlers[1].client: unknown MQTT client \"nope\" (available: ")
        .contains("  source.ulr: unknown key, did you mean url?");
  }

  @Test
  void check_missingFile_exits2() {
    int status = execute("check", "-c", dir.resolve("missing.conf").toString());

    assertThat(status).isEqualTo(2);
    assertThat(err()).contains("cannot read the configuration file");
  }

  @Test
  void version_printsTheVersionAndExits0() {
    int status = execute("version");

    assertThat(status).isZero();
    assertThat(out()).startsWith("qtoggle-mqtt ").contains("Java ");
  }

  @Test
  void noSubcommand_printsUsageAndExits2() {
    int status = execute();

    assertThat(status).isEqualTo(2);
    assertThat(err()).contains("A subcommand is required").contains("render").contains("check");
  }

  @Test
  void unknownOptionOrMissingConfig_exits2() {
    assertThat(execute("render", "--nope")).isEqualTo(2);
    assertThat(execute("check")).isEqualTo(2);
    assertThat(err()).contains("--config");
  }

  @Test
  void help_onEverySubcommand_exits0() {
    for (String command : new String[] {"run", "render", "check", "version"}) {
      assertThat(execute(command, "--help")).as(command).isZero();
    }
    assertThat(out()).contains("--events").contains("--log-level").contains("--drain-timeout");
  }
}
