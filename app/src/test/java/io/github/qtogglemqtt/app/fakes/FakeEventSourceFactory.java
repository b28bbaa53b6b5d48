package io.github.qtogglemqtt.app.fakes;

import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.EventSourceFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A source named {@code fake}: reads {@code url}; delivers nothing and completes when started. */
public final class FakeEventSourceFactory implements EventSourceFactory {
  @Override
  public String name() {
    return "fake";
  }

  @Override
  public EventSource create(AdapterProperties properties, AdapterContext context, EventSink sink) {
    properties.optionalString("url");
    CompletableFuture<Void> done = new CompletableFuture<>();
    return new EventSource() {
      @Override
      public void start() {
        done.complete(null);
      }

      @Override
      public CompletionStage<Void> completion() {
        return done;
      }

      @Override
      public void close() {
        done.complete(null);
      }
    };
  }
}
