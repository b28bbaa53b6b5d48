package io.github.qtogglemqtt.adapter.mqtt.hivemq;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.spi.MqttConnectionSettings.Tls;
import io.github.qtogglemqtt.core.spi.PemKeyStores;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Turns the shared TLS settings into the HiveMQ client's SSL configuration. With {@code tls_verify}
 * the client's default host-name verification (HTTPS endpoint identification) stays on; without it,
 * every certificate and every host name is accepted.
 */
final class HiveMqTls {
  private HiveMqTls() {}

  static MqttClientSslConfig sslConfig(Tls tls) {
    try {
      MqttClientSslConfigBuilder builder = MqttClientSslConfig.builder();
      if (!tls.verify()) {
        builder =
            builder.trustManagerFactory(TrustEverything.factory()).hostnameVerifier((h, s) -> true);
      } else if (tls.trustStore() != null) {
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(tls.trustStore());
        builder = builder.trustManagerFactory(tmf);
      }
      KeyStore keyStore = tls.keyStore();
      if (keyStore != null) {
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PemKeyStores.entryPassword());
        builder = builder.keyManagerFactory(kmf);
      }
      return builder.build();
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException(
          "tls_enable", "cannot set up TLS (%s)".formatted(e.getMessage()));
    }
  }

  /** tls_verify = false: encryption without any certificate check. */
  private static final class TrustEverything extends X509ExtendedTrustManager {
    static TrustManagerFactory factory() {
      TrustManager[] managers = {new TrustEverything()};
      TrustManagerFactorySpi spi =
          new TrustManagerFactorySpi() {
            @Override
            protected void engineInit(KeyStore keyStore) {}

            @Override
            protected void engineInit(ManagerFactoryParameters parameters) {}

            @Override
            protected TrustManager[] engineGetTrustManagers() {
              return managers.clone();
            }
          };
      Provider provider =
          new Provider("qtoggle-mqtt-no-verify", "1", "accepts every certificate") {};
      return new TrustManagerFactory(spi, provider, "qtoggle-mqtt-no-verify") {};
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
