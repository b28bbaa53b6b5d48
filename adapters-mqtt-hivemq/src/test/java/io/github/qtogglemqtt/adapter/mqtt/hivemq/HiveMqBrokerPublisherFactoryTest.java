package io.github.qtogglemqtt.adapter.mqtt.hivemq;

import io.github.qtogglemqtt.core.port.out.BrokerPublisher;
import io.github.qtogglemqtt.core.spi.BrokerPublisherFactory;
import io.github.qtogglemqtt.core.spi.BrokerPublisherFactoryContract;

class HiveMqBrokerPublisherFactoryTest extends BrokerPublisherFactoryContract {

  @Override
  protected BrokerPublisherFactory factory() {
    return new HiveMqBrokerPublisherFactory();
  }

  @Override
  protected String expectedName() {
    return "hivemq";
  }

  @Override
  protected Class<? extends BrokerPublisher> publisherType() {
    return HiveMqBrokerPublisher.class;
  }
}
