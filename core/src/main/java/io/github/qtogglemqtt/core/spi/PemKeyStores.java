package io.github.qtogglemqtt.core.spi;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.model.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns PEM files (as the add-on's {@code tls_ca}, {@code tls_cert} and {@code tls_key} name them)
 * into in-memory {@link KeyStore}s, so that every MQTT adapter builds its TLS configuration from
 * the same, once-tested loading code with nothing but the JDK.
 *
 * <p>Certificates: every {@code CERTIFICATE} block of a file, in order. Private keys: PKCS#8
 * ({@code PRIVATE KEY}), encrypted PKCS#8 ({@code ENCRYPTED PRIVATE KEY}, PBES2 as {@code openssl
 * pkcs8 -topk8} writes it, with a password), PKCS#1 RSA ({@code RSA PRIVATE KEY}) and SEC1 EC
 * ({@code EC PRIVATE KEY}). The two traditional forms are wrapped into PKCS#8 with the smallest DER
 * framing (the key bytes themselves are not parsed, except the named curve of a SEC1 key); their
 * legacy OpenSSL encryption ({@code Proc-Type: 4,ENCRYPTED}) is refused with the {@code openssl}
 * command that converts the key.
 *
 * <p>Stateless and thread-safe. Reads files; does no other I/O.
 *
 * @since 0.1
 */
public final class PemKeyStores {

  /** The password of the private-key entry in every key store made here (in memory only). */
  private static final char[] ENTRY_PASSWORD = "qtoggle-mqtt".toCharArray();

  /** The alias of the key entry in {@link #keyStore}. */
  public static final String KEY_ALIAS = "client";

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----\\R(.*?)-----END \\1-----", Pattern.DOTALL);

  // OIDs, DER-encoded (tag, length, value)
  private static final byte[] RSA_ENCRYPTION_OID = {
    0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01
  };
  private static final byte[] EC_PUBLIC_KEY_OID = {
    0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01
  };
  private static final byte[] VERSION_0 = {0x02, 0x01, 0x00};
  private static final byte[] DER_NULL = {0x05, 0x00};

  private static final List<String> KEY_ALGORITHMS =
      List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA");

  private PemKeyStores() {}

  /** The password that protects the private-key entry of a {@link #keyStore} (a copy). */
  public static char[] entryPassword() {
    return ENTRY_PASSWORD.clone();
  }

  /**
   * A key store holding, as trusted entries, every certificate of a PEM file (a CA bundle).
   *
   * @throws IllegalArgumentException when the file holds no certificate or a malformed one (the
   *     message names the file)
   * @throws UncheckedIOException when the file cannot be read
   */
  public static KeyStore trustStore(Path caFile) {
    requireNonNull(caFile, "caFile is null");
    List<X509Certificate> certificates = certificates(caFile, read(caFile));
    try {
      KeyStore store = emptyStore();
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("ca-" + i, certificates.get(i));
      }
      return store;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "%s: cannot build a trust store (%s)".formatted(caFile, e.getMessage()), e);
    }
  }

  /**
   * A key store with one private-key entry ({@link #KEY_ALIAS}, protected by {@link
   * #entryPassword()}): the key and the certificate chain of a client.
   *
   * @param certFile the certificate chain, the client's own certificate first
   * @param keyFile the private key, or null when it sits in {@code certFile}
   * @param keyPassword the password of an encrypted key, or null
   * @throws IllegalArgumentException when a file holds no usable certificate or key, the key is
   *     encrypted and no (or a wrong) password is given, or the key does not belong to the
   *     certificate (the message names the file and says what to do)
   * @throws UncheckedIOException when a file cannot be read
   */
  public static KeyStore keyStore(
      Path certFile, @Nullable Path keyFile, @Nullable Secret keyPassword) {
    requireNonNull(certFile, "certFile is null");
    String certText = read(certFile);
    List<X509Certificate> chain = certificates(certFile, certText);
    Path keyPath = keyFile == null ? certFile : keyFile;
    String keyText = keyFile == null ? certText : read(keyFile);
    PrivateKey key = privateKey(keyPath, keyText, keyPassword);
    checkKeyMatches(keyPath, key, chain.getFirst().getPublicKey());
    try {
      KeyStore store = emptyStore();
      store.setKeyEntry(KEY_ALIAS, key, ENTRY_PASSWORD, chain.toArray(Certificate[]::new));
      return store;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "%s: cannot build a key store (%s)".formatted(certFile, e.getMessage()), e);
    }
  }

  /**
   * Reads the private key of a PEM file (the first key block in it).
   *
   * @throws IllegalArgumentException as {@link #keyStore}
   */
  public static PrivateKey privateKey(Path file, @Nullable Secret password) {
    requireNonNull(file, "file is null");
    return privateKey(file, read(file), password);
  }

  private static PrivateKey privateKey(Path file, String text, @Nullable Secret password) {
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      String type = m.group(1);
      String body = m.group(2);
      switch (type) {
        case "PRIVATE KEY" -> {
          return pkcs8(file, decode(file, type, body));
        }
        case "ENCRYPTED PRIVATE KEY" -> {
          return pkcs8(file, decrypt(file, decode(file, type, body), password));
        }
        case "RSA PRIVATE KEY" -> {
          refuseLegacyEncryption(file, body, "rsa");
          byte[] pkcs1 = decode(file, type, body);
          byte[] algorithm = Der.tlv(Der.SEQUENCE, RSA_ENCRYPTION_OID, DER_NULL);
          return pkcs8(
              file, Der.tlv(Der.SEQUENCE, VERSION_0, algorithm, Der.tlv(Der.OCTET_STRING, pkcs1)));
        }
        case "EC PRIVATE KEY" -> {
          refuseLegacyEncryption(file, body, "ec");
          byte[] sec1 = decode(file, type, body);
          byte[] algorithm = Der.tlv(Der.SEQUENCE, EC_PUBLIC_KEY_OID, namedCurve(file, sec1));
          return pkcs8(
              file, Der.tlv(Der.SEQUENCE, VERSION_0, algorithm, Der.tlv(Der.OCTET_STRING, sec1)));
        }
        default -> {
          // certificates, EC PARAMETERS and the like: not a key
        }
      }
    }
    throw new IllegalArgumentException(
        "%s: no private key found (expected a PEM block PRIVATE KEY, ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)"
            .formatted(file));
  }

  private static List<X509Certificate> certificates(Path file, String text) {
    List<X509Certificate> result = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      while (m.find()) {
        if (m.group(1).equals("CERTIFICATE") || m.group(1).equals("TRUSTED CERTIFICATE")) {
          byte[] der = decode(file, m.group(1), m.group(2));
          result.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        }
      }
    } catch (CertificateException e) {
      throw new IllegalArgumentException(
          "%s: malformed certificate (%s)".formatted(file, e.getMessage()), e);
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException(
          "%s: no certificate found (expected a PEM block BEGIN CERTIFICATE)".formatted(file));
    }
    return result;
  }

  private static PrivateKey pkcs8(Path file, byte[] der) {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
        // try the next algorithm
      }
    }
    throw new IllegalArgumentException(
        "%s: the private key is malformed or of an unsupported algorithm (supported: %s)"
            .formatted(file, String.join(", ", KEY_ALGORITHMS)));
  }

  private static byte[] decrypt(Path file, byte[] der, @Nullable Secret password) {
    if (password == null) {
      throw new IllegalArgumentException(
          "%s: the private key is encrypted; set tls_key_password, or decrypt it with: openssl pkcs8 -in %s -out key-plain.pem"
              .formatted(file, file.getFileName()));
    }
    // The JDK's PKCS#12 key store keeps a private key "in protected format", which is exactly an
    // EncryptedPrivateKeyInfo, and decrypts it on getKey (PBES2 with PBKDF2 and AES included):
    // decryption with java.security alone, no hand-rolled crypto.
    char[] chars = password.reveal().toCharArray();
    try {
      KeyStore store = emptyStore();
      store.setKeyEntry("encrypted", der, null);
      Key key = store.getKey("encrypted", chars);
      if (key instanceof PrivateKey privateKey) {
        return privateKey.getEncoded();
      }
      throw new IllegalArgumentException(
          "%s: the encrypted block does not hold a private key".formatted(file));
    } catch (KeyStoreException e) {
      throw new IllegalArgumentException(
          "%s: malformed encrypted private key (%s)".formatted(file, e.getMessage()), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "%s: cannot decrypt the private key: wrong tls_key_password, or an encryption the JDK does not support (re-encrypt it with: openssl pkcs8 -topk8 -v2 aes-256-cbc -in %s -out key-pkcs8.pem)"
              .formatted(file, file.getFileName()),
          e);
    } finally {
      java.util.Arrays.fill(chars, '\0');
    }
  }

  private static void refuseLegacyEncryption(Path file, String body, String kind) {
    if (body.contains("Proc-Type:") && body.contains("ENCRYPTED")) {
      throw new IllegalArgumentException(
          "%s: legacy OpenSSL key encryption (Proc-Type: 4,ENCRYPTED) is not supported; convert the key to encrypted PKCS#8 with: openssl pkcs8 -topk8 -v2 aes-256-cbc -in %s -out key-pkcs8.pem (then set tls_key_password), or decrypt it with: openssl %s -in %s -out key-plain.pem"
              .formatted(file, file.getFileName(), kind, file.getFileName()));
    }
  }

  /** The named-curve OID (a whole DER element) from the [0] parameters of a SEC1 key. */
  private static byte[] namedCurve(Path file, byte[] sec1) {
    try {
      for (Der.Element element : Der.sequenceElements(sec1)) {
        if (element.tag() == Der.CONTEXT_0) {
          byte[] oid = element.contents();
          if (Der.read(oid, 0).tag() == Der.OID) {
            return oid;
          }
        }
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "%s: malformed EC private key (%s)".formatted(file, e.getMessage()), e);
    }
    throw new IllegalArgumentException(
        "%s: the EC private key does not name its curve; convert it with: openssl pkcs8 -topk8 -nocrypt -in %s -out key-pkcs8.pem"
            .formatted(file, file.getFileName()));
  }

  private static void checkKeyMatches(Path file, PrivateKey key, PublicKey certificateKey) {
    String algorithm =
        switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "ED25519", "ED448", "EDDSA" -> key.getAlgorithm();
          default -> "";
        };
    if (algorithm.isEmpty()) {
      return;
    }
    try {
      byte[] probe = "qtoggle-mqtt key check".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(certificateKey);
      verifier.update(probe);
      if (verifier.verify(signature)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      // a key of another algorithm than the certificate's: a mismatch as well
    }
    throw new IllegalArgumentException(
        "%s: the private key does not belong to the first certificate of tls_cert".formatted(file));
  }

  private static byte[] decode(Path file, String type, String body) {
    StringBuilder base64 = new StringBuilder(body.length());
    for (String line : body.split("\\R")) {
      if (!line.contains(":")) {
        base64.append(line.strip());
      }
    }
    try {
      return Base64.getMimeDecoder().decode(base64.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "%s: the PEM block %s is not valid base64".formatted(file, type), e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException("%s: cannot read (%s)".formatted(file, e), e);
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return store;
  }
}
