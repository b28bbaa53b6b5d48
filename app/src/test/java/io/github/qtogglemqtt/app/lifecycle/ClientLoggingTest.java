package io.github.qtogglemqtt.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ClientLoggingTest {
  private final Logger paho = (Logger) LoggerFactory.getLogger("org.eclipse.paho");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @AfterEach
  void restore() {
    paho.detachAppender(appender);
    ClientLogging.apply(false);
  }

  @Test
  void apply_on_showsHiveMqDebugLines() {
    ClientLogging.apply(true);

    assertThat(LoggerFactory.getLogger("com.hivemq.client.internal.mqtt").isDebugEnabled())
        .isTrue();
  }

  @Test
  void apply_off_hidesEvenTheLibrariesErrors() {
    ClientLogging.apply(false);

    assertThat(LoggerFactory.getLogger("com.hivemq.client.internal.mqtt").isErrorEnabled())
        .isFalse();
    assertThat(LoggerFactory.getLogger("org.eclipse.paho.client.mqttv3").isErrorEnabled())
        .isFalse();
  }

  @Test
  void apply_on_pahoJavaUtilLoggingLinesReachSlf4j() {
    appender.start();
    paho.addAppender(appender);

    ClientLogging.apply(true);
    java.util.logging.Logger.getLogger("org.eclipse.paho.client.mqttv3.internal.ClientComms")
        .info("connecting");

    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).contains("connecting");
  }
}
