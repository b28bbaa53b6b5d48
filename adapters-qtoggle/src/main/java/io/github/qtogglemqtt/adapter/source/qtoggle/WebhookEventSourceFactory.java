package io.github.qtogglemqtt.adapter.source.qtoggle;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.spi.AdapterContext;
import io.github.qtogglemqtt.core.spi.AdapterProperties;
import io.github.qtogglemqtt.core.spi.EventSourceFactory;

/**
 * Creates webhook receivers ({@code "webhooks"}): an HTTP server that accepts the events a qToggle
 * device pushes. Keys: {@code listen} (host:port, default 127.0.0.1:8081), {@code path} (default
 * /), {@code password} or {@code password_hash} (the token key), {@code max_body_bytes} (default
 * 65536), and optionally {@code url} with {@code username}, {@code api_password} or {@code
 * api_password_hash}, {@code tls_verify}, {@code tls_ca}, {@code request_timeout}, {@code
 * retry_interval}, {@code resync_events} for snapshots and resynchronisation through the API. See
 * the module README.
 */
public final class WebhookEventSourceFactory implements EventSourceFactory {

  /** Public for {@link java.util.ServiceLoader}. */
  public WebhookEventSourceFactory() {}

  @Override
  public String name() {
    return "webhooks";
  }

  @Override
  public EventSource create(AdapterProperties properties, AdapterContext context, EventSink sink) {
    requireNonNull(properties, "properties is null");
    requireNonNull(context, "context is null");
    requireNonNull(sink, "sink is null");
    WebhookConfig config = WebhookConfig.from(properties, context);
    properties.throwIfProblems();
    return new WebhookEventSource(config, context.clock(), sink);
  }
}
