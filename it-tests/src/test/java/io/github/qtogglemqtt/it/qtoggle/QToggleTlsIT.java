package io.github.qtogglemqtt.it.qtoggle;

import static io.github.qtogglemqtt.it.qtoggle.QToggleApiDouble.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.qtogglemqtt.core.port.in.EventSource;
import io.github.qtogglemqtt.core.testing.TestPki;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The long-poll source over HTTPS: {@code tls_ca} and {@code tls_verify} (spec 2.1). */
@Timeout(120)
class QToggleTlsIT {
  @TempDir Path dir;
  private @Nullable QToggleApiDouble device;
  private @Nullable EventSource source;
  private final RecordingSink sink = new RecordingSink();

  @AfterEach
  void stop() {
    if (source != null) {
      source.close();
    }
    if (device != null) {
      device.close();
    }
  }

  private QToggleApiDouble httpsDevice(TestPki.Issued certificate) throws Exception {
    QToggleApiDouble d = new QToggleApiDouble("secure", "", "", "");
    d.addPortSilently(port("relay1", "boolean", true));
    d.tls(certificate.certificate(), certificate.privateKey()).start();
    device = d;
    return d;
  }

  private void startSource(QToggleApiDouble d, Map<String, Object> tlsKeys) {
    Map<String, Object> keys = new HashMap<>(tlsKeys);
    keys.put("url", d.url().toString());
    keys.put("retry_interval", "300ms");
    keys.put("keepalive", 2);
    source = Sources.create("qtoggle", keys, sink);
    source.start();
  }

  @Test
  void https_trustedCa_snapshotAndEvents() throws Exception {
    TestPki pki = TestPki.create(dir);
    QToggleApiDouble d = httpsDevice(pki.issue("device", "ip:127.0.0.1", "dns:localhost"));
    startSource(d, Map.of("tls_ca", pki.caCertificate().toString()));

    await().atMost(Duration.ofSeconds(30)).until(() -> !sink.snapshots().isEmpty());
    await().atMost(Duration.ofSeconds(30)).until(() -> d.sessionCount() == 1);
    d.setValue("relay1", false);
    await().atMost(Duration.ofSeconds(30)).until(() -> !sink.events().isEmpty());

    assertThat(d.url().getScheme()).isEqualTo("https");
    assertThat(sink.eventSummaries()).containsExactly("value-change relay1");
  }

  @Test
  void https_wrongHostName_refusedUnlessTlsVerifyIsOff() throws Exception {
    TestPki pki = TestPki.create(dir);
    QToggleApiDouble d = httpsDevice(pki.issue("elsewhere", "dns:wrong.example"));
    startSource(d, Map.of("tls_ca", pki.caCertificate().toString()));

    // the handshake fails before any request reaches the device, attempt after attempt
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> d.requests().isEmpty() && sink.received().isEmpty());
    source.close();

    startSource(d, Map.of("tls_verify", false));
    await().atMost(Duration.ofSeconds(30)).until(() -> !sink.snapshots().isEmpty());
  }
}
