package io.github.qtogglemqtt.adapter.source.qtoggle;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import io.github.qtogglemqtt.core.model.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class QToggleTokensTest {
  private static final Instant NOW = Instant.ofEpochSecond(1_718_000_000L);
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void keyOfPassword_empty_isTheSpecKey() {
    assertThat(QToggleTokens.keyOfPassword(Secret.of("")).reveal())
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(QToggleTokens.keyOfPassword(Secret.of("test")).reveal())
        .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  }

  @Test
  void consumerToken_isSignedWithTheHexTextAsKey() throws Exception {
    Secret key = QToggleTokens.keyOfPassword(Secret.of(""));
    String token = QToggleTokens.consumerToken(key, "admin", NOW.plusMillis(700));
    String[] parts = token.split("\\.");

    Base64.Decoder decoder = Base64.getUrlDecoder();
    assertThat(new String(decoder.decode(parts[0]), StandardCharsets.UTF_8))
        .contains("\"alg\":\"HS256\"")
        .contains("\"typ\":\"JWT\"");
    String payload = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8);
    assertThat(payload)
        .contains("\"iss\":\"qToggle\"")
        .contains("\"ori\":\"consumer\"")
        .contains("\"usr\":\"admin\"")
        .contains("\"iat\":1718000000");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
                .getBytes(StandardCharsets.US_ASCII),
            "HmacSHA256"));
    byte[] signature = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(parts[2])
        .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
  }

  @Test
  void verifyDeviceToken_goodToken_isAccepted() {
    Secret key = QToggleTokens.keyOfPassword(Secret.of("secret"));
    String token = deviceToken(key.reveal(), NOW.minusSeconds(200));

    assertThat(QToggleTokens.verifyDeviceToken("Bearer " + token, key, CLOCK)).isEmpty();
    assertThat(QToggleTokens.verifyDeviceToken("bearer   " + token, key, CLOCK)).isEmpty();
  }

  @Test
  void verifyDeviceToken_badTokens_areRejected() {
    Secret key = QToggleTokens.keyOfPassword(Secret.of("secret"));
    Secret other = QToggleTokens.keyOfPassword(Secret.of("other"));

    assertThat(
            QToggleTokens.verifyDeviceToken(
                "Bearer " + deviceToken(other.reveal(), NOW), key, CLOCK))
        .isPresent();
    assertThat(
            QToggleTokens.verifyDeviceToken(
                "Bearer " + deviceToken(key.reveal(), NOW.minusSeconds(301)), key, CLOCK))
        .isPresent();
    assertThat(
            QToggleTokens.verifyDeviceToken(
                "Bearer "
                    + JWT.create()
                        .withIssuer("qToggle")
                        .withClaim("ori", "consumer")
                        .withClaim("usr", "admin")
                        .sign(Algorithm.HMAC256(key.reveal())),
                key,
                CLOCK))
        .isPresent();
    assertThat(QToggleTokens.verifyDeviceToken("Basic abc", key, CLOCK)).isPresent();
    assertThat(QToggleTokens.verifyDeviceToken("Bearer not-a-jwt", key, CLOCK)).isPresent();
  }

  private static String deviceToken(String key, Instant iat) {
    return JWT.create()
        .withIssuer("qToggle")
        .withClaim("ori", "device")
        .withIssuedAt(iat)
        .sign(Algorithm.HMAC256(key));
  }
}
