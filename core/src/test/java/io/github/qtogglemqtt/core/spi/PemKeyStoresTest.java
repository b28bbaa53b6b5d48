package io.github.qtogglemqtt.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.qtogglemqtt.core.model.Secret;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Collections;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.junit.jupiter.api.Test;

class PemKeyStoresTest {
  static TestPki pki = TestPki.shared();
  static Path dir = pki.directory();
  static TestPki.Issued client = pki.issue("client");

  @Test
  void trustStore_caFile_holdsTheCaCertificate() throws Exception {
    KeyStore store = PemKeyStores.trustStore(pki.caCertificate());

    assertThat(Collections.list(store.aliases())).hasSize(1);
    X509Certificate ca = (X509Certificate) store.getCertificate("ca-0");
    assertThat(ca.getSubjectX500Principal().getName()).contains("qtoggle-mqtt test CA");
  }

  @Test
  void trustStore_bundleOfTwo_holdsBoth() throws Exception {
    Path bundle = dir.resolve("bundle.pem");
    TestPki.write(
        bundle,
        Files.readString(pki.caCertificate()) + "\n" + Files.readString(client.certificate()));

    assertThat(Collections.list(PemKeyStores.trustStore(bundle).aliases())).hasSize(2);
  }

  @Test
  void trustStore_fileWithoutCertificate_refusedNamingTheFile() {
    assertThatThrownBy(() -> PemKeyStores.trustStore(client.key()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(client.key().toString())
        .hasMessageContaining("no certificate");
  }

  @Test
  void trustStore_missingFile_throwsUncheckedIo() {
    assertThatThrownBy(() -> PemKeyStores.trustStore(dir.resolve("absent.pem")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("absent.pem");
  }

  @Test
  void keyStore_pkcs8KeyFile_holdsKeyAndChain() throws Exception {
    KeyStore store = PemKeyStores.keyStore(client.certificate(), client.key(), null);

    assertThat(store.getKey(PemKeyStores.KEY_ALIAS, PemKeyStores.entryPassword()))
        .isEqualTo(client.privateKey());
    assertThat(store.getCertificateChain(PemKeyStores.KEY_ALIAS)).hasSize(1);
  }

  @Test
  void keyStore_keyInsideCertificateFile_found() throws Exception {
    Path combined = dir.resolve("combined.pem");
    TestPki.write(
        combined, Files.readString(client.certificate()) + Files.readString(client.key()));

    KeyStore store = PemKeyStores.keyStore(combined, null, null);

    assertThat(store.getKey(PemKeyStores.KEY_ALIAS, PemKeyStores.entryPassword()))
        .isEqualTo(client.privateKey());
  }

  @Test
  void keyStore_keyOfAnotherCertificate_refused() {
    TestPki.Issued other = pki.issue("other");

    assertThatThrownBy(() -> PemKeyStores.keyStore(client.certificate(), other.key(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong");
  }

  @Test
  void privateKey_sec1EcKey_readAsTheSameKey() {
    ECPrivateKey key = (ECPrivateKey) client.privateKey();
    byte[] s = unsigned(key.getS(), 32);
    byte[] prime256v1 = {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};
    byte[] sec1 = tlv(0x30, new byte[] {0x02, 0x01, 0x01}, tlv(0x04, s), tlv(0xA0, prime256v1));
    Path file = dir.resolve("sec1.pem");
    TestPki.write(file, TestPki.pem("EC PRIVATE KEY", sec1));

    PrivateKey read = PemKeyStores.privateKey(file, null);

    assertThat(read.getAlgorithm()).isEqualTo("EC");
    assertThat(((ECPrivateKey) read).getS()).isEqualTo(key.getS());
  }

  @Test
  void privateKey_sec1WithEcParametersBlockFirst_readsTheKey() {
    ECPrivateKey key = (ECPrivateKey) client.privateKey();
    byte[] prime256v1 = {0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};
    byte[] sec1 =
        tlv(
            0x30,
            new byte[] {0x02, 0x01, 0x01},
            tlv(0x04, unsigned(key.getS(), 32)),
            tlv(0xA0, prime256v1));
    Path file = dir.resolve("sec1-params.pem");
    TestPki.write(
        file, TestPki.pem("EC PARAMETERS", prime256v1) + TestPki.pem("EC PRIVATE KEY", sec1));

    assertThat(((ECPrivateKey) PemKeyStores.privateKey(file, null)).getS()).isEqualTo(key.getS());
  }

  @Test
  void privateKey_pkcs1RsaKey_readAsTheSameKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
    byte[] pkcs1 =
        tlv(
            0x30,
            integer(BigInteger.ZERO),
            integer(key.getModulus()),
            integer(key.getPublicExponent()),
            integer(key.getPrivateExponent()),
            integer(key.getPrimeP()),
            integer(key.getPrimeQ()),
            integer(key.getPrimeExponentP()),
            integer(key.getPrimeExponentQ()),
            integer(key.getCrtCoefficient()));
    Path file = dir.resolve("pkcs1.pem");
    TestPki.write(file, TestPki.pem("RSA PRIVATE KEY", pkcs1));

    PrivateKey read = PemKeyStores.privateKey(file, null);

    assertThat(read.getAlgorithm()).isEqualTo("RSA");
    assertThat(read.getEncoded()).isEqualTo(key.getEncoded());
  }

  @Test
  void privateKey_legacyEncryptedPkcs1_refusedWithOpensslCommand() {
    Path file = dir.resolve("legacy.pem");
    TestPki.write(
        file,
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
            + "DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nAAAA\n"
            + "-----END RSA PRIVATE KEY-----\n");

    assertThatThrownBy(() -> PemKeyStores.privateKey(file, Secret.of("pw")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("openssl pkcs8 -topk8");
  }

  @Test
  void privateKey_encryptedPkcs8WithPassword_decrypted() throws Exception {
    Path file = encryptedKey("enc.pem", "s3cret");

    assertThat(PemKeyStores.privateKey(file, Secret.of("s3cret"))).isEqualTo(client.privateKey());
  }

  @Test
  void privateKey_encryptedPkcs8WithoutPassword_refusedNamingTheKey() throws Exception {
    Path file = encryptedKey("enc-nopw.pem", "s3cret");

    assertThatThrownBy(() -> PemKeyStores.privateKey(file, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tls_key_password");
  }

  @Test
  void privateKey_encryptedPkcs8WrongPassword_refusedWithoutShowingIt() throws Exception {
    Path file = encryptedKey("enc-wrong.pem", "s3cret");

    assertThatThrownBy(() -> PemKeyStores.privateKey(file, Secret.of("wrong-pw")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot decrypt")
        .hasMessageNotContaining("wrong-pw");
  }

  @Test
  void privateKey_ed25519Pkcs8_read() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Path file = dir.resolve("ed.pem");
    TestPki.write(file, TestPki.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

    assertThat(PemKeyStores.privateKey(file, null).getEncoded())
        .isEqualTo(pair.getPrivate().getEncoded());
  }

  @Test
  void privateKey_garbage_refused() {
    Path file = dir.resolve("garbage.pem");
    TestPki.write(file, TestPki.pem("PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00}));

    assertThatThrownBy(() -> PemKeyStores.privateKey(file, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void privateKey_generatedEcKeyPair_sanity() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    PrivateKey key = generator.generateKeyPair().getPrivate();
    Path file = dir.resolve("p384.pem");
    TestPki.write(file, TestPki.pem("PRIVATE KEY", key.getEncoded()));

    assertThat(PemKeyStores.privateKey(file, null)).isEqualTo(key);
  }

  private Path encryptedKey(String name, String password) throws Exception {
    String algorithm = "PBEWithHmacSHA256AndAES_256";
    byte[] salt = new byte[16];
    Arrays.fill(salt, (byte) 7);
    PBEParameterSpec spec = new PBEParameterSpec(salt, 10_000, new IvParameterSpec(new byte[16]));
    Cipher cipher = Cipher.getInstance(algorithm);
    cipher.init(
        Cipher.ENCRYPT_MODE,
        SecretKeyFactory.getInstance(algorithm)
            .generateSecret(new PBEKeySpec(password.toCharArray())),
        spec);
    byte[] encrypted = cipher.doFinal(client.privateKey().getEncoded());
    AlgorithmParameters parameters = cipher.getParameters();
    byte[] pbes2 = {
      0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x05, 0x0D
    };
    // EncryptedPrivateKeyInfo as openssl pkcs8 -topk8 -v2 aes-256-cbc writes it
    byte[] info = tlv(0x30, tlv(0x30, pbes2, parameters.getEncoded()), tlv(0x04, encrypted));
    Path file = dir.resolve(name);
    TestPki.write(file, TestPki.pem("ENCRYPTED PRIVATE KEY", info));
    return file;
  }

  private static byte[] integer(BigInteger value) {
    return tlv(0x02, value.toByteArray());
  }

  private static byte[] unsigned(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    byte[] result = new byte[length];
    int copy = Math.min(bytes.length, length);
    System.arraycopy(bytes, bytes.length - copy, result, length - copy, copy);
    return result;
  }

  /** An independent DER writer for the test vectors (not the one under test). */
  private static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      body.writeBytes(part);
    }
    byte[] content = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 128) {
      out.write(length);
    } else if (length < 256) {
      out.write(0x81);
      out.write(length);
    } else {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xFF);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
