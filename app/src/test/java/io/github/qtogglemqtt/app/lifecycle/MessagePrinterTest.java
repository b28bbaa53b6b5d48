package io.github.qtogglemqtt.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagePrinterTest {

  @Test
  void outcome_published_printsOneJsonLineWithTheHandlersIndexOrName() {
    StringWriter out = new StringWriter();
    MessagePrinter printer = new MessagePrinter(out, Map.of("0", 0L, "lights", "lights"));

    printer.outcome(
        "0",
        null,
        new HandlingOutcome.Published(
            OutboundMessage.of("hub/t", "{\"a\": \"\\u00b0C\"}", 1, false), 0));
    printer.outcome(
        "lights",
        null,
        new HandlingOutcome.Published(OutboundMessage.of("hub/ü", "21.5°C\n", 0, true), 0));

    assertThat(out.toString())
        .isEqualTo(
            "{\"handler\":0,\"topic\":\"hub/t\",\"payload\":\"{\\\"a\\\": \\\"\\\\u00b0C\\\"}\",\"qos\":1,\"retain\":false}\n"
                + "{\"handler\":\"lights\",\"topic\":\"hub/ü\",\"payload\":\"21.5°C\\n\",\"qos\":0,\"retain\":true}\n");
  }

  @Test
  void outcome_notPublished_printsNothing() {
    StringWriter out = new StringWriter();
    MessagePrinter printer = new MessagePrinter(out, Map.of());

    printer.outcome("0", null, new HandlingOutcome.Filtered("port_value"));

    assertThat(out.toString()).isEmpty();
  }
}
