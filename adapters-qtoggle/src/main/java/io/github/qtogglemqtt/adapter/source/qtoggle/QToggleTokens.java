package io.github.qtogglemqtt.adapter.source.qtoggle;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.github.qtogglemqtt.core.model.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * qToggle's HS256 tokens (spec 2.2): the key is the lowercase hex SHA-256 of the password, used as
 * text. Signs {@code ori = consumer} tokens for API calls and verifies {@code ori = device} tokens
 * of webhooks. Thread-safe.
 */
final class QToggleTokens {
  static final String ISSUER = "qToggle";
  static final long MAX_CLOCK_SKEW_SECONDS = 300;
  private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern BEARER = Pattern.compile("(?i:bearer)\\s+([A-Za-z0-9_.\\-]+)\\s*");

  private QToggleTokens() {}

  /** The HMAC key of a password: the lowercase hex of its SHA-256, as a secret. */
  static Secret keyOfPassword(Secret password) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(password.reveal().getBytes(StandardCharsets.UTF_8));
      return Secret.of(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Whether {@code text} is a password hash as qToggle stores it (64 hex digits). */
  static boolean isPasswordHash(String text) {
    return HEX_64.matcher(text).matches();
  }

  /** A fresh {@code consumer} token for {@code user}, issued now. */
  static String consumerToken(Secret key, String user, Instant now) {
    return JWT.create()
        .withIssuer(ISSUER)
        .withClaim("ori", "consumer")
        .withClaim("usr", user)
        .withIssuedAt(Instant.ofEpochSecond(now.getEpochSecond()))
        .sign(Algorithm.HMAC256(key.reveal()));
  }

  /**
   * Verifies the {@code Authorization} header of a webhook request: {@code Bearer <token>}, HS256
   * with {@code key}, {@code iss = qToggle}, {@code ori = device}, {@code usr} optional, {@code
   * iat} (when present) within 300 s of now.
   *
   * @return empty when valid, else why not (for the log; never contains the token)
   */
  static Optional<String> verifyDeviceToken(String header, Secret key, Clock clock) {
    var matcher = BEARER.matcher(header);
    if (!matcher.matches()) {
      return Optional.of("the Authorization header is not \"Bearer <token>\"");
    }
    DecodedJWT token;
    try {
      JWTVerifier verifier =
          ((JWTVerifier.BaseVerification)
                  JWT.require(Algorithm.HMAC256(key.reveal()))
                      .withIssuer(ISSUER)
                      .withClaim("ori", "device")
                      .ignoreIssuedAt())
              .build(clock);
      token = verifier.verify(matcher.group(1));
    } catch (JWTVerificationException e) {
      return Optional.of("token rejected: %s".formatted(e.getMessage()));
    }
    if (!token.getClaim("iat").isMissing() && !token.getClaim("iat").isNull()) {
      Long iat = token.getClaim("iat").asLong();
      if (iat == null) {
        return Optional.of("token rejected: iat is not a number");
      }
      long skew = Math.abs(clock.instant().getEpochSecond() - iat);
      if (skew > MAX_CLOCK_SKEW_SECONDS) {
        return Optional.of(
            "token rejected: issued %d s away from now (at most %d)"
                .formatted(skew, MAX_CLOCK_SKEW_SECONDS));
      }
    }
    return Optional.empty();
  }
}
