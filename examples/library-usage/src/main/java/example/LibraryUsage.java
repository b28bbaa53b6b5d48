package example;

import io.github.qtogglemqtt.adapter.mqtt.hivemq.HiveMqBrokerPublisherFactory;
import io.github.qtogglemqtt.adapter.template.jackson.JacksonJsonEncoderFactory;
import io.github.qtogglemqtt.adapter.template.pebble.PebbleTemplateEngineFactory;
import io.github.qtogglemqtt.core.handler.EventHandler;
import io.github.qtogglemqtt.core.handler.GlobalSettings;
import io.github.qtogglemqtt.core.handler.HandlerSettings;
import io.github.qtogglemqtt.core.model.DeviceSnapshot;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * qtoggle-mqtt as a plain library: the core, the HiveMQ publisher, Pebble and the Jackson encoder
 * wired by hand, without Guice or the app, publishing one value change to a broker.
 *
 * <p>Usage: {@code java -cp ... example.LibraryUsage [host [port]]}
 */
public final class LibraryUsage {
  private LibraryUsage() {}

  public static void main(String[] args) {
    String host = args.length > 0 ? args[0] : "127.0.0.1";
    long port = args.length > 1 ? Long.parseLong(args[1]) : 1883;

    // One handler entry, with the keys a qtoggleserver.conf entry has.
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("server", host);
    entry.put("port", port);
    entry.put("client_id", "library-usage");
    entry.put("topic", "library/{{device_attrs.name}}/{{port.get_id()}}");
    entry.put("templates", Map.of("value-change", "{{port.get_pretty_value()}}"));
    entry.put("skip_startup", false);
    AdapterProperties properties = AdapterProperties.of("handler", entry);
    AdapterContext context = AdapterContext.system();

    // The adapters' factories are their public API; each parses the keys it owns.
    TemplateEngine pebble = new PebbleTemplateEngineFactory().create(properties, context);
    HandlerSettings settings = HandlerSettings.parse(properties, "library", pebble);
    BrokerPublisher hivemq = new HiveMqBrokerPublisherFactory().create(properties, context);
    JsonEncoder json = new JacksonJsonEncoderFactory().create(context);
    properties.throwIfProblems();

    HandlerObserver observer =
        new HandlerObserver() {
          @Override
          public void outcome(String handler, Event event, HandlingOutcome outcome) {
            if (outcome instanceof HandlingOutcome.Published published) {
              System.out.println(
                  "published " + published.message().topic() + " " + published.message().payloadText());
            }
          }
        };

    double now = System.currentTimeMillis() / 1000.0;
    try (EventHandler handler =
        new EventHandler(
            settings,
            GlobalSettings.none(),
            hivemq,
            json,
            observer,
            Clock.systemUTC(),
            ZoneId.systemDefault())) {
      handler.start();
      handler.snapshot(
          new DeviceSnapshot(
              Map.of("name", "lib"),
              List.of(Map.of("id", "relay", "type", "boolean", "value", false)),
              List.of(),
              now));
      Event.fromWire("value-change", Map.of("id", "relay", "value", true), now + 2)
          .ifPresent(handler::event);
      if (!handler.awaitIdle(Duration.ofSeconds(30))) {
        System.err.println("not published within 30 s: is the broker at " + host + ":" + port + "?");
        System.exit(1);
      }
    }
  }
}
