package io.github.qtogglemqtt.it.mqtt;

import io.github.qtogglemqtt.core.port.out.BrokerPublisherContract;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/** The publisher contract for the {@code paho} adapter against real mosquitto brokers. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PahoBrokerPublisherIT extends BrokerPublisherContract {
  private static MosquittoEnvironment environment;

  @BeforeAll
  static void startBrokers() {
    environment = new MosquittoEnvironment();
  }

  @AfterAll
  static void stopBrokers() {
    environment.close();
  }

  @Override
  protected String clientName() {
    return "paho";
  }

  @Override
  protected BrokerEnvironment environment() {
    return environment;
  }
}
