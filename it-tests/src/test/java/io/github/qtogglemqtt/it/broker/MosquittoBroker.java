package io.github.qtogglemqtt.it.broker;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * A real {@code mosquitto} broker process for integration tests, on a free loopback port, with a
 * configuration file, password file and log written to a directory of its own. It can be stopped
 * gracefully ({@link #stop()}, SIGTERM), killed ({@link #kill()}, SIGKILL), restarted on the same
 * port, and stalled ({@link #pause()}/{@link #resume()}, SIGSTOP/SIGCONT), so that outage tests are
 * easy to write. Build one with {@link #builder()}.
 *
 * <p>Needs {@code /usr/sbin/mosquitto} (or {@code $MOSQUITTO}); {@code .ci/run} installs it.
 */
public final class MosquittoBroker implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

  private final Builder config;
  private final Path dir;
  private final int port;
  private @Nullable Process process;

  private MosquittoBroker(Builder config) {
    this.config = config;
    try {
      this.dir = Files.createTempDirectory("mosquitto-");
      this.port = config.port != 0 ? config.port : freePort();
      writeConfig();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new builder: anonymous plain TCP, no persistence. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a broker. */
  public static final class Builder {
    private int port;
    private boolean allowAnonymous = true;
    private @Nullable String username;
    private @Nullable String password;
    private @Nullable Path caFile;
    private @Nullable Path certFile;
    private @Nullable Path keyFile;
    private boolean requireCertificate;
    private boolean persistence;
    private final List<String> extraLines = new ArrayList<>();

    private Builder() {}

    /** A fixed port instead of a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** A password file with one user; anonymous access off. */
    public Builder user(String username, String password) {
      this.username = requireNonNull(username, "username is null");
      this.password = requireNonNull(password, "password is null");
      this.allowAnonymous = false;
      return this;
    }

    /** TLS on the listener with the broker's certificate and key and the CA of its clients. */
    public Builder tls(Path caFile, Path certFile, Path keyFile) {
      this.caFile = caFile;
      this.certFile = certFile;
      this.keyFile = keyFile;
      return this;
    }

    /** Clients must present a certificate of the CA. */
    public Builder requireClientCertificate() {
      this.requireCertificate = true;
      return this;
    }

    /** Persistence on: sessions and retained messages survive a graceful restart. */
    public Builder persistence() {
      this.persistence = true;
      return this;
    }

    /** A line added to the configuration file as is. */
    public Builder configLine(String line) {
      extraLines.add(line);
      return this;
    }

    /** Creates the broker without starting it. */
    public MosquittoBroker build() {
      return new MosquittoBroker(this);
    }

    /** Creates and starts the broker. */
    public MosquittoBroker start() {
      MosquittoBroker broker = build();
      broker.start();
      return broker;
    }
  }

  /** {@code 127.0.0.1}. */
  public String host() {
    return "127.0.0.1";
  }

  /** The broker's port, the same across restarts. */
  public int port() {
    return port;
  }

  /** {@code tcp://127.0.0.1:port} (or {@code ssl://...} with TLS). */
  public String uri() {
    return (config.caFile == null ? "tcp" : "ssl") + "://" + host() + ":" + port;
  }

  /** The broker's log file (for assertion messages). */
  public Path logFile() {
    return dir.resolve("mosquitto.log");
  }

  /** Whether the process is running. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The process id, for signals. */
  public synchronized long pid() {
    if (process == null) {
      throw new IllegalStateException("mosquitto is not running");
    }
    return process.pid();
  }

  /** Starts the broker (again) and waits until it accepts connections. No-op when running. */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    try {
      process =
          new ProcessBuilder(binary(), "-c", dir.resolve("mosquitto.conf").toString())
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start mosquitto (%s)".formatted(binary()), e);
    }
    Process started = process;
    try {
      Awaitility.await("mosquitto listening on port " + port)
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                if (!started.isAlive()) {
                  throw new IllegalStateException(
                      "mosquitto exited with %d; log: %s".formatted(started.exitValue(), log()));
                }
                return accepts();
              });
    } catch (ConditionTimeoutException e) {
      kill();
      throw new IllegalStateException(
          "mosquitto did not listen within %s; log: %s".formatted(START_TIMEOUT, log()), e);
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host(), port), 200);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** Stops the broker gracefully (SIGTERM) and waits for it to exit. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    awaitExit();
  }

  /** Kills the broker (SIGKILL): no clean shutdown, no persistence written. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    awaitExit();
  }

  /** Stops gracefully and starts again on the same port. */
  public synchronized void restart() {
    stop();
    start();
  }

  /** Stalls the broker (SIGSTOP): connections stay open, nothing is answered. */
  public synchronized void pause() {
    signal("-STOP");
  }

  /** Resumes a stalled broker (SIGCONT). */
  public synchronized void resume() {
    signal("-CONT");
  }

  /** Kills the broker if running and deletes its directory. */
  @Override
  public synchronized void close() {
    if (process != null && process.isAlive()) {
      resume();
      kill();
    }
    deleteRecursively(dir);
  }

  /** The log so far (for assertion messages). */
  public String log() {
    try {
      return Files.exists(logFile()) ? Files.readString(logFile(), StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  private void awaitExit() {
    Process p = requireNonNull(process, "process is null");
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private void signal(String signal) {
    long pid = pid();
    try {
      Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill %s %d failed".formatted(signal, pid));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void writeConfig() throws IOException {
    List<String> lines = new ArrayList<>();
    // mosquitto started as root drops to the user "mosquitto", which cannot read our temp files
    lines.add("user root");
    lines.add("per_listener_settings false");
    lines.add("listener %d %s".formatted(port, host()));
    lines.add("allow_anonymous " + config.allowAnonymous);
    lines.add("log_dest stdout");
    lines.add("log_type error");
    lines.add("log_type warning");
    lines.add("log_type notice");
    lines.add("log_type information");
    lines.add("connection_messages true");
    // a test subscriber may fall behind a burst: the broker must queue, not drop, for it
    lines.add("max_queued_messages 0");
    lines.add("log_timestamp_format %Y-%m-%dT%H:%M:%S");
    if (config.persistence) {
      lines.add("persistence true");
      lines.add("persistence_location " + dir + "/");
      lines.add("autosave_interval 1");
    } else {
      lines.add("persistence false");
    }
    if (config.username != null && config.password != null) {
      Path passwords = dir.resolve("passwords");
      run("mosquitto_passwd", "-b", "-c", passwords.toString(), config.username, config.password);
      Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
      lines.add("password_file " + passwords);
    }
    if (config.caFile != null) {
      lines.add("cafile " + config.caFile);
      lines.add("certfile " + config.certFile);
      lines.add("keyfile " + config.keyFile);
      lines.add("require_certificate " + config.requireCertificate);
    }
    lines.addAll(config.extraLines);
    Files.write(dir.resolve("mosquitto.conf"), lines, StandardCharsets.UTF_8);
  }

  private static String binary() {
    String configured = System.getenv("MOSQUITTO");
    if (configured != null && !configured.isBlank()) {
      return configured;
    }
    return Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
  }

  private static void run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] output = p.getInputStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(
            "%s failed: %s".formatted(command[0], new String(output, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A port that was free a moment ago on the loopback interface. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp directory left behind is harmless
    }
  }
}
