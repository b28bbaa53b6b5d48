package io.github.qtogglemqtt.adapter.mqtt.paho;

import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.spi.MqttConnectionSettings.Tls;
import io.github.qtogglemqtt.core.spi.PemKeyStores;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jspecify.annotations.Nullable;

/**
 * Turns the shared TLS settings into the socket factory Paho connects with. Host-name verification
 * (HTTPS endpoint identification) is Paho's {@code httpsHostnameVerificationEnabled}, set by the
 * connectors from {@link Tls#verify()}.
 */
final class PahoTls {
  private PahoTls() {}

  static SSLSocketFactory socketFactory(Tls tls) {
    try {
      TrustManager[] trustManagers;
      if (!tls.verify()) {
        trustManagers = new TrustManager[] {new TrustEverything()};
      } else {
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(tls.trustStore()); // null = the JVM's default trust store
        trustManagers = tmf.getTrustManagers();
      }
      KeyManager @Nullable [] keyManagers = null;
      KeyStore keyStore = tls.keyStore();
      if (keyStore != null) {
        KeyManagerFactory kmf =
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PemKeyStores.entryPassword());
        keyManagers = kmf.getKeyManagers();
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers, null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException(
          "tls_enable", "cannot set up TLS (%s)".formatted(e.getMessage()));
    }
  }

  /** tls_verify = false: encryption without any certificate check. */
  private static final class TrustEverything extends X509ExtendedTrustManager {
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
