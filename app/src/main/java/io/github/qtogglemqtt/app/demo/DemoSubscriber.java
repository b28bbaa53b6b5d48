package io.github.qtogglemqtt.app.demo;

import static java.util.Objects.requireNonNull;

import io.github.qtogglemqtt.core.error.ErrorKind;
import io.github.qtogglemqtt.core.error.PublishException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A minimal MQTT 3.1.1 subscriber (QoS 0, clean session) that prints every message it receives as
 * {@code topic payload}. The app must not use the MQTT client libraries (ArchUnit R8 confines each
 * to its adapter), and the demo needs only this much of the protocol.
 */
public final class DemoSubscriber implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DemoSubscriber.class);
  private static final int KEEP_ALIVE_SECONDS = 30;
  private static final int SUBACK_WAIT_MILLIS = 500;
  private static final int SUBSCRIBE_ATTEMPTS = 20;

  private final Socket socket;
  private final OutputStream out;
  private final PrintWriter printer;
  private final ScheduledExecutorService pinger;
  private final AtomicLong received = new AtomicLong();
  private final Thread reader;
  private volatile boolean closing;

  private DemoSubscriber(Socket socket, PrintWriter printer) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.printer = printer;
    this.pinger =
        Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("demo-subscriber-ping").unstarted(r));
    this.reader = Thread.ofPlatform().daemon().name("demo-subscriber").unstarted(this::readLoop);
  }

  /**
   * Connects, subscribes to {@code filter} and starts printing.
   *
   * @throws PublishException when the broker cannot be reached or refuses
   */
  public static DemoSubscriber start(
      String host, int port, String filter, PrintWriter printer, Duration timeout) {
    requireNonNull(host, "host is null");
    requireNonNull(filter, "filter is null");
    requireNonNull(printer, "printer is null");
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      DemoSubscriber subscriber = new DemoSubscriber(socket, printer);
      subscriber.handshake(filter);
      socket.setSoTimeout(0);
      subscriber.reader.start();
      subscriber.pinger.scheduleAtFixedRate(
          subscriber::ping, KEEP_ALIVE_SECONDS / 2, KEEP_ALIVE_SECONDS / 2, TimeUnit.SECONDS);
      log.info("Subscribed to {} on {}:{}", filter, host, port);
      return subscriber;
    } catch (IOException e) {
      closeQuietly(socket);
      throw new PublishException(
          ErrorKind.EXTERNAL,
          "the demo subscriber cannot connect to %s:%d (%s)".formatted(host, port, e),
          e);
    }
  }

  /** How many messages were printed. */
  public long received() {
    return received.get();
  }

  private void handshake(String filter) throws IOException {
    ByteArrayOutputStream connect = new ByteArrayOutputStream();
    writeString(connect, "MQTT");
    connect.write(4); // protocol level 3.1.1
    connect.write(0x02); // clean session
    connect.write(KEEP_ALIVE_SECONDS >> 8);
    connect.write(KEEP_ALIVE_SECONDS & 0xff);
    writeString(connect, "qtoggle-mqtt-demo-" + ProcessHandle.current().pid());
    send(0x10, connect.toByteArray());

    DataInputStream in = new DataInputStream(socket.getInputStream());
    int type = in.readUnsignedByte();
    byte[] connack = in.readNBytes(remainingLength(in));
    if (type != 0x20 || connack.length < 2 || connack[1] != 0) {
      throw new IOException(
          "the broker refused the connection (CONNACK code %d)"
              .formatted(connack.length < 2 ? -1 : connack[1]));
    }

    // Some brokers (Moquette) take the connection as established only once the CONNACK is
    // flushed, and drop a SUBSCRIBE that arrives before: subscribe until the SUBACK comes.
    int previousTimeout = socket.getSoTimeout();
    socket.setSoTimeout(SUBACK_WAIT_MILLIS);
    try {
      for (int packetId = 1; packetId <= SUBSCRIBE_ATTEMPTS; packetId++) {
        ByteArrayOutputStream subscribe = new ByteArrayOutputStream();
        subscribe.write(packetId >> 8);
        subscribe.write(packetId & 0xff);
        writeString(subscribe, filter);
        subscribe.write(0); // QoS 0
        send(0x82, subscribe.toByteArray());
        try {
          while (true) {
            int header = in.readUnsignedByte();
            byte[] body = in.readNBytes(remainingLength(in));
            if ((header & 0xf0) == 0x90) {
              return;
            }
            if ((header & 0xf0) == 0x30) {
              publish(header, body);
            }
          }
        } catch (SocketTimeoutException e) {
          log.debug("no SUBACK yet (attempt {}); subscribing again", packetId);
        }
      }
      throw new IOException("the broker did not acknowledge the subscription");
    } finally {
      socket.setSoTimeout(previousTimeout);
    }
  }

  private void readLoop() {
    try {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      while (!closing) {
        int header = in.readUnsignedByte();
        byte[] body = in.readNBytes(remainingLength(in));
        if ((header & 0xf0) == 0x30) {
          publish(header, body);
        }
      }
    } catch (EOFException e) {
      if (!closing) {
        log.warn("The broker closed the demo subscriber's connection");
      }
    } catch (IOException e) {
      if (!closing) {
        log.warn("The demo subscriber lost its connection: {}", e.toString());
      }
    }
  }

  private void publish(int header, byte[] body) {
    int topicLength = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
    String topic = new String(body, 2, topicLength, StandardCharsets.UTF_8);
    int offset = 2 + topicLength + (((header >> 1) & 0x03) > 0 ? 2 : 0);
    String payload = new String(body, offset, body.length - offset, StandardCharsets.UTF_8);
    received.incrementAndGet();
    synchronized (printer) {
      printer.println(topic + "  " + payload);
      printer.flush();
    }
  }

  private void ping() {
    try {
      send(0xc0, new byte[0]);
    } catch (IOException e) {
      log.debug("ping failed: {}", e.toString());
    }
  }

  private synchronized void send(int header, byte[] body) throws IOException {
    ByteArrayOutputStream packet = new ByteArrayOutputStream(body.length + 5);
    packet.write(header);
    int length = body.length;
    do {
      int digit = length % 128;
      length /= 128;
      packet.write(length > 0 ? digit | 0x80 : digit);
    } while (length > 0);
    packet.write(body);
    out.write(packet.toByteArray());
    out.flush();
  }

  private static int remainingLength(DataInputStream in) throws IOException {
    int value = 0;
    int multiplier = 1;
    for (int i = 0; i < 4; i++) {
      int digit = in.readUnsignedByte();
      value += (digit & 0x7f) * multiplier;
      if ((digit & 0x80) == 0) {
        return value;
      }
      multiplier *= 128;
    }
    throw new IOException("malformed MQTT remaining length");
  }

  private static void writeString(ByteArrayOutputStream out, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.write(bytes.length >> 8);
    out.write(bytes.length & 0xff);
    out.writeBytes(bytes);
  }

  /** Disconnects. Idempotent; never throws. */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    pinger.shutdownNow();
    try {
      send(0xe0, new byte[0]);
    } catch (IOException e) {
      log.debug("disconnect failed: {}", e.toString());
    }
    closeQuietly(socket);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      log.debug("closing the socket failed: {}", e.toString());
    }
  }
}
