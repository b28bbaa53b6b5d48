package io.github.qtogglemqtt.adapter.mqtt.paho;

import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.spi.BrokerPublisherFactory;
import io.github.qtogglemqtt.core.spi.BrokerPublisherFactoryContract;

class PahoBrokerPublisherFactoryTest extends BrokerPublisherFactoryContract {

  @Override
  protected BrokerPublisherFactory factory() {
    return new PahoBrokerPublisherFactory();
  }

  @Override
  protected String expectedName() {
    return "paho";
  }

  @Override
  protected Class<? extends BrokerPublisher> publisherType() {
    return PahoBrokerPublisher.class;
  }
}
