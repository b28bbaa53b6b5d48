package io.github.qtogglemqtt.core.handler;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.port.out.TemplateEngine;
import io.github.qtogglemqtt.core.spi.AdapterProperties;

/**
 * The handler keys of one {@code event_handlers} entry that the core owns (spec 7.2: {@code name},
 * {@code topic}, {@code template}, {@code templates}, {@code filter}, {@code json_context_fields},
 * {@code qos}, {@code skip_startup}, {@code client_id}, {@code username}, {@code password}, and the
 * outbox keys), with templates and filters compiled. Connection keys ({@code server}, {@code port},
 * {@code tls_*}, ...) belong to the broker publisher's factory.
 */
public final class HandlerSettings {
  private final String name;

  private HandlerSettings(String name) {
    this.name = name;
  }

  /**
   * Parses and compiles. Never throws for bad values: every problem is recorded in {@code entry}
   * (see {@link AdapterProperties#problems()}).
   *
   * @param entry the handler entry
   * @param defaultName the name when the entry has none (its index in {@code event_handlers})
   * @param engine the engine that compiles the entry's templates
   */
  public static HandlerSettings parse(
      AdapterProperties entry, String defaultName, TemplateEngine engine) {
    requireNonNull(entry, "entry is null");
    requireNonNull(engine, "engine is null");
    return new HandlerSettings(entry.string("name", defaultName));
  }

  /** The handler's name in logs and metrics. */
  public String name() {
    return name;
  }
}
