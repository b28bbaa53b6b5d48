package io.github.qtogglemqtt.app.lifecycle;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.qtogglemqtt.core.model.Event;
import io.github.qtogglemqtt.core.model.HandlingOutcome;
import io.github.qtogglemqtt.core.model.OutboundMessage;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes every published message as one JSON line, {@code {"handler": ..., "topic": ..., "payload":
 * ..., "qos": 0, "retain": false}}: the output contract of {@code render}. The handler is its
 * configured name, or its index in {@code event_handlers} as a number.
 */
public final class MessagePrinter implements HandlerObserver {
  private static final JsonFactory JSON = new JsonFactory();

  private final Writer out;
  private final Map<String, Object> displayNames;

  /**
   * @param out where the lines go (flushed after each)
   * @param displayNames handler name to what is printed as {@code handler}
   */
  public MessagePrinter(Writer out, Map<String, Object> displayNames) {
    this.out = requireNonNull(out, "out is null");
    this.displayNames = Map.copyOf(displayNames);
  }

  @Override
  public void outcome(String handler, @Nullable Event event, HandlingOutcome outcome) {
    if (outcome instanceof HandlingOutcome.Published published) {
      print(handler, published.message());
    }
  }

  private synchronized void print(String handler, OutboundMessage message) {
    try {
      out.write(line(displayNames.getOrDefault(handler, handler), message));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String line(Object handler, OutboundMessage message) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      if (handler instanceof Long index) {
        json.writeNumberField("handler", index);
      } else {
        json.writeStringField("handler", handler.toString());
      }
      json.writeStringField("topic", message.topic());
      json.writeStringField("payload", message.payloadText());
      json.writeNumberField("qos", message.qos());
      json.writeBooleanField("retain", message.retain());
      json.writeEndObject();
    }
    return text.toString();
  }
}
