package io.github.qtogglemqtt.app.wiring;

import io.github.qtogglemqtt.app.lifecycle.SequentialSink;
import io.github.qtogglemqtt.core.handler.EventDispatcher;
import io.github.qtogglemqtt.core.handler.EventHandler;
import io.github.qtogglemqtt.core.handler.GlobalSettings;
import io.github.qtogglemqtt.core.handler.HandlerSettings;
import io.github.qtogglemqtt.core.port.in.EventSink;
import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.port.out.HandlerObserver;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * What the handlers do with their messages: publish them ({@code run}) or report them as published
 * without a broker ({@code render}). Chosen by the command, not by the configuration.
 */
public enum HandlerMode {
  /** Handlers publish through their broker publishers, in parallel. */
  PUBLISH {
    @Override
    EventHandler handler(
        HandlerSettings settings,
        GlobalSettings global,
        BrokerPublisher publisher,
        JsonEncoder json,
        HandlerObserver observer,
        Clock clock,
        ZoneId zone) {
      return new EventHandler(settings, global, publisher, json, observer, clock, zone);
    }

    @Override
    EventSink sink(List<EventHandler> handlers) {
      return new EventDispatcher(handlers);
    }
  },

  /** Handlers report every message as published at once; one handler at a time, in order. */
  DRY_RUN {
    @Override
    EventHandler handler(
        HandlerSettings settings,
        GlobalSettings global,
        BrokerPublisher publisher,
        JsonEncoder json,
        HandlerObserver observer,
        Clock clock,
        ZoneId zone) {
      publisher.close(); // never started: a dry run talks to no broker
      return EventHandler.dryRun(settings, global, json, observer, clock, zone);
    }

    @Override
    EventSink sink(List<EventHandler> handlers) {
      return new SequentialSink(handlers);
    }
  };

  abstract EventHandler handler(
      HandlerSettings settings,
      GlobalSettings global,
      BrokerPublisher publisher,
      JsonEncoder json,
      HandlerObserver observer,
      Clock clock,
      ZoneId zone);

  abstract EventSink sink(List<EventHandler> handlers);
}
