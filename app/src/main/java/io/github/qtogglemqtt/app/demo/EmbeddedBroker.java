package io.github.qtogglemqtt.app.demo;

import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.PublishException;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MQTT broker (Moquette) on 127.0.0.1: on port 1883 when it is free, otherwise on a
 * free port (other software may hold 1883). In memory only, anonymous, no telemetry, no web socket.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
  private static final String HOST = "127.0.0.1";
  private static final int PREFERRED_PORT = 1883;

  private final Server server;
  private final int port;
  private boolean closed;

  private EmbeddedBroker(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts a broker.
   *
   * @throws PublishException when it cannot listen
   */
  public static EmbeddedBroker start() {
    int port = isFree(PREFERRED_PORT) ? PREFERRED_PORT : freePort();
    Properties properties = new Properties();
    properties.setProperty("host", HOST);
    properties.setProperty("port", Integer.toString(port));
    properties.setProperty("allow_anonymous", "true");
    properties.setProperty("persistence_enabled", "false");
    properties.setProperty("telemetry_enabled", "false");
    properties.setProperty("websocket_port", "disabled");
    properties.setProperty("netty.mqtt.message_size", Integer.toString(16 * 1024 * 1024));
    Server server = new Server();
    try {
      server.startServer(new MemoryConfig(properties));
    } catch (IOException | RuntimeException e) {
      server.stopServer();
      throw new PublishException(
          ErrorKind.EXTERNAL, "cannot start the embedded broker on %s:%d".formatted(HOST, port), e);
    }
    log.info("Embedded MQTT broker (Moquette) listening on {}:{}", HOST, port);
    return new EmbeddedBroker(server, port);
  }

  /** The loopback address it listens on. */
  public String host() {
    return HOST;
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** Stops the broker. Idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      server.stopServer();
      log.info("Embedded MQTT broker stopped");
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new PublishException(ErrorKind.EXTERNAL, "no free loopback port for the broker", e);
    }
  }
}
