package io.github.qtogglemqtt.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.qtogglemqtt.core.error.Problem;
import io.github.qtogglemqtt.core.spi.MqttConnectionSettings.MqttVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MqttConnectionSettingsTest {
  static TestPki pki = TestPki.shared();
  static Path dir = pki.directory();
  static TestPki.Issued client = pki.issue("client");

  private static AdapterContext context() {
    return new AdapterContext() {
      @Override
      public Clock clock() {
        return Clock.systemUTC();
      }

      @Override
      public ZoneId zone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Path baseDirectory() {
        return dir;
      }
    };
  }

  private static AdapterProperties entry(Object... keyValues) {
    Map<String, @Nullable Object> values = new HashMap<>();
    values.put("server", "broker.example");
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    return AdapterProperties.of("event_handlers[0]", values);
  }

  @Test
  void parse_onlyServer_addOnDefaults() {
    AdapterProperties p = entry();

    MqttConnectionSettings s = MqttConnectionSettings.parse(p, context());

    assertThat(p.problems()).isEmpty();
    assertThat(s.server()).isEqualTo("broker.example");
    assertThat(s.port()).isEqualTo(1883);
    assertThat(s.protocolVersion()).isEqualTo(MqttVersion.V3_1_1);
    assertThat(s.tls()).isNull();
    assertThat(s.reconnectInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.reconnectMaxInterval()).isNull();
    assertThat(s.operationTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.keepAlive()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.cleanSession()).isTrue();
    assertThat(s.sessionExpiry()).isEqualTo(Duration.ZERO);
    assertThat(s.clientLogging()).isFalse();
  }

  @Test
  void parse_everyKeyExplicit_mapped() {
    AdapterProperties p =
        entry(
            "port",
            8883L,
            "tls_enable",
            true,
            "tls_verify",
            false,
            "tls_ca",
            "ca.pem",
            "tls_cert",
            "client.pem",
            "tls_key",
            "client-key.pem",
            "tls_key_password",
            "unused",
            "reconnect_interval",
            2L,
            "reconnect_max_interval",
            "1m",
            "timeout",
            7.5,
            "client_logging",
            true,
            "keep_alive",
            30L,
            "clean_session",
            false,
            "session_expiry",
            3600L,
            "protocol_version",
            5L);

    MqttConnectionSettings s = MqttConnectionSettings.parse(p, context());

    assertThat(p.problems()).isEmpty();
    assertThat(p.unreadKeys()).isEmpty();
    assertThat(s.port()).isEqualTo(8883);
    assertThat(s.protocolVersion()).isEqualTo(MqttVersion.V5);
    assertThat(s.tls()).isNotNull();
    assertThat(s.tls().verify()).isFalse();
    assertThat(s.tls().trustStore()).isNotNull();
    assertThat(s.tls().keyStore()).isNotNull();
    assertThat(s.reconnectInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.reconnectMaxInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.operationTimeout()).isEqualTo(Duration.ofMillis(7500));
    assertThat(s.keepAlive()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.cleanSession()).isFalse();
    assertThat(s.sessionExpiry()).isEqualTo(Duration.ofHours(1));
    assertThat(s.clientLogging()).isTrue();
    assertThat(p.secretKeys()).contains("tls_key_password");
  }

  @Test
  void parse_tlsEnabledWithoutFiles_verifyingWithSystemTrust() {
    MqttConnectionSettings s = MqttConnectionSettings.parse(entry("tls_enable", true), context());

    assertThat(s.tls()).isEqualTo(new MqttConnectionSettings.Tls(true, null, null));
    assertThat(s.port()).as("the port is not changed by TLS").isEqualTo(1883);
  }

  @Test
  void parse_tlsFilesWithTlsDisabled_ignoredAsTheAddOnDoes() {
    AdapterProperties p = entry("tls_ca", "absent.pem", "tls_cert", "absent.pem");

    MqttConnectionSettings s = MqttConnectionSettings.parse(p, context());

    assertThat(p.problems()).isEmpty();
    assertThat(s.tls()).isNull();
  }

  @Test
  void parse_keyInCertificateFileWhenTlsKeyUnset_loaded() {
    Path combined = dir.resolve("combined.pem");
    try {
      TestPki.write(
          combined,
          java.nio.file.Files.readString(client.certificate())
              + java.nio.file.Files.readString(client.key()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    AdapterProperties p = entry("tls_enable", true, "tls_cert", combined.toString());

    MqttConnectionSettings s = MqttConnectionSettings.parse(p, context());

    assertThat(p.problems()).isEmpty();
    assertThat(s.tls().keyStore()).isNotNull();
  }

  @Test
  void parse_missingCaFile_problemOnTlsCa() {
    AdapterProperties p = entry("tls_enable", true, "tls_ca", "absent.pem");

    MqttConnectionSettings.parse(p, context());

    assertThat(p.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("event_handlers[0].tls_ca");
              assertThat(problem.message()).contains("absent.pem");
            });
  }

  @Test
  void parse_keyFileWithoutKey_problemOnTlsKey() {
    AdapterProperties p = entry("tls_enable", true, "tls_cert", "client.pem", "tls_key", "ca.pem");

    MqttConnectionSettings.parse(p, context());

    assertThat(p.problems()).extracting(Problem::path).containsExactly("event_handlers[0].tls_key");
  }

  @Test
  void parse_certFileWithoutCertificate_problemOnTlsCert() {
    AdapterProperties p =
        entry("tls_enable", true, "tls_cert", "client.csr", "tls_key", "client-key.pem");

    MqttConnectionSettings.parse(p, context());

    assertThat(p.problems())
        .extracting(Problem::path)
        .containsExactly("event_handlers[0].tls_cert");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          port                   | 0        | must be between 1 and 65535
          port                   | 65536    | must be between 1 and 65535
          port                   | "x"      | must be a whole number
          protocol_version       | 4        | must be 3 (MQTT 3.1.1) or 5
          protocol_version       | 6        | must be between 3 and 5
          reconnect_interval     | 0        | must be more than 0 seconds
          reconnect_interval     | "soon"   | must be a duration
          reconnect_max_interval | 1        | must not be shorter than reconnect_interval
          timeout                | -1       | must be more than 0 seconds
          keep_alive             | -1       | must be between 0 and 65535
          keep_alive             | 65536    | must be between 0 and 65535
          session_expiry         | 10       | needs protocol_version = 5
          tls_enable             | "yes"    | must be true or false
          tls_verify             | 1        | must be true or false
          clean_session          | "no"     | must be true or false
          client_logging         | 0        | must be true or false
          tls_ca                 | 5        | must be a string
          server                 | ""       | must not be empty
          """)
  void parse_invalidValue_problemNamingTheKey(String key, String value, String expected) {
    Object parsed =
        value.startsWith("\"") ? value.substring(1, value.length() - 1) : parseNumber(value);
    AdapterProperties p = entry(key, parsed);

    MqttConnectionSettings.parse(p, context());

    assertThat(p.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo("event_handlers[0]." + key);
              assertThat(problem.message()).contains(expected);
            });
  }

  private static Object parseNumber(String value) {
    return value.contains(".")
        ? (Object) Double.parseDouble(value)
        : (Object) Long.parseLong(value);
  }

  @Test
  void parse_noServer_problemRequired() {
    AdapterProperties p = AdapterProperties.of("h", Map.of());

    MqttConnectionSettings.parse(p, context());

    assertThat(p.problems()).containsExactly(new Problem("h.server", "is required"));
  }

  @Test
  void parse_sessionExpiryWithProtocol5_accepted() {
    AdapterProperties p = entry("protocol_version", 5L, "session_expiry", 4294967295L);

    MqttConnectionSettings s = MqttConnectionSettings.parse(p, context());

    assertThat(p.problems()).isEmpty();
    assertThat(s.sessionExpiry().toSeconds())
        .isEqualTo(MqttConnectionSettings.MAX_SESSION_EXPIRY_SECONDS);
  }

  @Test
  void parse_unknownAndCoreKeys_notRead() {
    AdapterProperties p =
        entry("topic", "t", "qos", 1L, "client_id", "c", "password", "p", "serverr", "typo");

    MqttConnectionSettings.parse(p, context());

    assertThat(p.unreadKeys())
        .containsExactlyInAnyOrder("topic", "qos", "client_id", "password", "serverr");
  }

  @Test
  void keys_listsEveryKeyTheParserReads() {
    Map<String, @Nullable Object> values = new HashMap<>();
    for (String key : MqttConnectionSettings.KEYS) {
      values.put(key, null);
    }
    values.put("server", "b");
    AdapterProperties p = AdapterProperties.of("h", values);

    MqttConnectionSettings.parse(p, context());

    assertThat(p.unreadKeys()).isEmpty();
    assertThat(MqttConnectionSettings.KEYS).doesNotHaveDuplicates().hasSize(16);
  }

  @Test
  void retryDelay_withoutMaxInterval_alwaysReconnectInterval() {
    MqttConnectionSettings s =
        MqttConnectionSettings.parse(entry("reconnect_interval", 3L), context());

    for (int failures : List.of(1, 2, 10, 1000)) {
      assertThat(s.retryDelay(failures, new SplittableRandom(failures)))
          .isEqualTo(Duration.ofSeconds(3));
    }
  }

  @Test
  void retryDelay_withMaxInterval_growsWithJitterWithinBounds() {
    MqttConnectionSettings s =
        MqttConnectionSettings.parse(
            entry("reconnect_interval", 1L, "reconnect_max_interval", 60L), context());
    SplittableRandom random = new SplittableRandom(42);

    assertThat(s.retryDelay(1, random)).isEqualTo(Duration.ofSeconds(1));
    for (int failures = 1; failures < 200; failures++) {
      long step = Math.min(60_000, 1000L << Math.min(failures - 1, 20));
      Duration delay = s.retryDelay(failures, random);
      assertThat(delay.toMillis()).isBetween(Math.max(1000, step / 2), step);
    }
    assertThat(s.retryDelay(50, random)).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
  }
}
