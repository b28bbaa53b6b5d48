package io.github.qtogglemqtt.it.mqtt;

import io.github.qtogglemqtt.core.model.Secret;
import io.github.qtogglemqtt.core.port.out.BrokerPublisherContract.Broker;
import io.github.qtogglemqtt.core.port.out.BrokerPublisherContract.BrokerEnvironment;
import io.github.qtogglemqtt.core.port.out.BrokerPublisherContract.Subscriber;
import io.github.qtogglemqtt.core.port.out.Credentials;
import io.github.qtogglemqtt.core.spi.TestPki;
import io.github.qtogglemqtt.it.broker.MosquittoBroker;
import io.github.qtogglemqtt.it.broker.TcpProxy;
import io.github.qtogglemqtt.it.broker.TestSubscriber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The brokers of the {@link io.github.qtogglemqtt.core.port.out.BrokerPublisherContract}: one
 * mosquitto process per {@link Broker} kind, started on first use, with certificates generated at
 * test time. One per test class; {@link #close()} stops everything.
 */
final class MosquittoEnvironment implements BrokerEnvironment, AutoCloseable {
  private static final String USER = "qtoggle";
  private static final String PASSWORD = "s3cr3t-pw";

  private final Path dir;
  private final TestPki pki;
  private final TestPki.Issued serverCertificate;
  private final TestPki.Issued wrongHostCertificate;
  private final TestPki.Issued clientCertificate;
  private final Map<Broker, MosquittoBroker> brokers = new EnumMap<>(Broker.class);
  private @Nullable TcpProxy proxy;

  MosquittoEnvironment() {
    try {
      dir = Files.createTempDirectory("qtm-pki-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pki = TestPki.create(dir);
    serverCertificate = pki.issue("server", "ip:127.0.0.1", "dns:localhost");
    wrongHostCertificate = pki.issue("wrong-host", "dns:wrong.example");
    clientCertificate = pki.issue("client");
  }

  @Override
  public synchronized Map<String, Object> keys(Broker kind) {
    MosquittoBroker broker = broker(kind);
    Map<String, Object> keys = new LinkedHashMap<>();
    keys.put("server", broker.host());
    keys.put("port", broker.port());
    switch (kind) {
      case TLS, TLS_WRONG_HOST, MUTUAL_TLS -> {
        keys.put("tls_enable", true);
        keys.put("tls_ca", pki.caCertificate().toString());
      }
      case PLAIN, PASSWORD, RESTARTABLE -> {
        // plain TCP
      }
    }
    return keys;
  }

  @Override
  public Map<String, Object> clientCertificateKeys() {
    return Map.of(
        "tls_cert", clientCertificate.certificate().toString(),
        "tls_key", clientCertificate.key().toString());
  }

  @Override
  public Credentials validUser(String clientId) {
    return new Credentials(clientId, USER, Secret.of(PASSWORD));
  }

  @Override
  public synchronized Subscriber subscribe(Broker kind, String topicFilter) {
    MosquittoBroker broker = broker(kind);
    return TestSubscriber.subscribe(broker.host(), broker.port(), topicFilter);
  }

  @Override
  public synchronized Map<String, Object> proxyKeys() {
    MosquittoBroker plain = broker(Broker.PLAIN);
    if (proxy == null) {
      proxy = new TcpProxy(plain.host(), plain.port());
    }
    return new LinkedHashMap<>(Map.of("server", "127.0.0.1", "port", proxy.port()));
  }

  @Override
  public synchronized void cutProxyConnections() {
    if (proxy != null) {
      proxy.cutConnections();
    }
  }

  @Override
  public synchronized void stop(Broker kind) {
    broker(kind).stop();
  }

  @Override
  public synchronized void start(Broker kind) {
    broker(kind).start();
  }

  /** The broker of a kind, created (and, the first time, started) on demand. */
  synchronized MosquittoBroker broker(Broker kind) {
    MosquittoBroker broker = brokers.get(kind);
    if (broker == null) {
      MosquittoBroker.Builder builder = MosquittoBroker.builder();
      switch (kind) {
        case PLAIN, RESTARTABLE -> {
          // anonymous plain TCP
        }
        case TLS ->
            builder.tls(
                pki.caCertificate(), serverCertificate.certificate(), serverCertificate.key());
        case TLS_WRONG_HOST ->
            builder.tls(
                pki.caCertificate(),
                wrongHostCertificate.certificate(),
                wrongHostCertificate.key());
        case MUTUAL_TLS ->
            builder
                .tls(pki.caCertificate(), serverCertificate.certificate(), serverCertificate.key())
                .requireClientCertificate();
        case PASSWORD -> builder.user(USER, PASSWORD);
      }
      broker = builder.start();
      brokers.put(kind, broker);
    }
    return broker;
  }

  @Override
  public synchronized void close() {
    if (proxy != null) {
      proxy.close();
    }
    brokers.values().forEach(MosquittoBroker::close);
    brokers.clear();
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
