package io.github.qtogglemqtt.core.spi;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A throw-away public-key infrastructure for tests, generated at test time with the JDK's {@code
 * keytool} (never committed): a CA, and certificates it issues for servers and clients, written as
 * PEM files (certificates, PKCS#8 keys) that mosquitto and the adapters read.
 */
public final class TestPki {
  private static final String STORE_PASSWORD = "changeit";

  private static @Nullable TestPki shared;

  private final Path dir;
  private final Map<String, Issued> issued = new ConcurrentHashMap<>();

  /** A certificate and its key, as PEM files. */
  public record Issued(Path certificate, Path key, PrivateKey privateKey) {}

  private TestPki(Path dir) {
    this.dir = dir;
  }

  /**
   * One CA for the whole test JVM, in a temporary directory (keytool is slow: every test class that
   * only needs some certificate shares this one).
   */
  public static synchronized TestPki shared() {
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("qtm-test-pki-");
        dir.toFile().deleteOnExit();
        shared = create(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** The directory of the files. */
  public Path directory() {
    return dir;
  }

  /** Generates a new CA in {@code dir}. */
  public static TestPki create(Path dir) {
    requireNonNull(dir, "dir is null");
    TestPki pki = new TestPki(dir);
    pki.keytool(
        "-genkeypair",
        "-alias",
        "ca",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=qtoggle-mqtt test CA",
        "-ext",
        "bc:c",
        "-validity",
        "2",
        "-keystore",
        pki.store("ca").toString());
    pki.keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "ca",
        "-keystore",
        pki.store("ca").toString(),
        "-file",
        pki.caCertificate().toString());
    return pki;
  }

  /** The CA certificate (PEM). */
  public Path caCertificate() {
    return dir.resolve("ca.pem");
  }

  /**
   * Issues a certificate signed by the CA.
   *
   * @param name the file-name stem and common name
   * @param subjectAlternativeNames keytool SAN entries such as {@code dns:localhost} or {@code
   *     ip:127.0.0.1}; none for a client certificate
   */
  public Issued issue(String name, String... subjectAlternativeNames) {
    return issued.computeIfAbsent(
        name + "|" + String.join(",", subjectAlternativeNames),
        key -> generate(name, subjectAlternativeNames));
  }

  private Issued generate(String name, String... subjectAlternativeNames) {
    Path store = store(name);
    keytool(
        "-genkeypair",
        "-alias",
        "leaf",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + name,
        "-validity",
        "2",
        "-keystore",
        store.toString());
    Path csr = dir.resolve(name + ".csr");
    keytool("-certreq", "-alias", "leaf", "-keystore", store.toString(), "-file", csr.toString());
    Path certificate = dir.resolve(name + ".pem");
    List<String> gencert =
        new ArrayList<>(
            List.of(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                store("ca").toString(),
                "-infile",
                csr.toString(),
                "-outfile",
                certificate.toString(),
                "-validity",
                "2",
                "-ext",
                "EKU=serverAuth,clientAuth"));
    if (subjectAlternativeNames.length > 0) {
      gencert.add("-ext");
      gencert.add("SAN=" + String.join(",", subjectAlternativeNames));
    }
    keytool(gencert.toArray(String[]::new));
    PrivateKey key = privateKey(store);
    Path keyFile = dir.resolve(name + "-key.pem");
    write(keyFile, pem("PRIVATE KEY", key.getEncoded()));
    return new Issued(certificate, keyFile, key);
  }

  /** PEM text of one block. */
  public static String pem(String type, byte[] der) {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
  }

  /** Writes a text file. */
  public static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path store(String name) {
    return dir.resolve(name + ".p12");
  }

  private static PrivateKey privateKey(Path store) {
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, STORE_PASSWORD.toCharArray());
      return (PrivateKey) keyStore.getKey("leaf", STORE_PASSWORD.toCharArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the generated key store " + store, e);
    }
  }

  private void keytool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-noprompt"));
    try {
      Process process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "keytool %s failed: %s".formatted(args[0], new String(output, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running keytool", e);
    }
  }
}
