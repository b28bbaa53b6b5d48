package io.github.qtogglemqtt.it.qtoggle;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A qToggle device's API as spec section 2 describes it, on the JDK HTTP server: JWT verification
 * for the three users (2.2), access levels and error shapes (2.3), {@code /api/device}, {@code
 * /api/ports}, {@code /api/devices} on a hub, {@code /api/access}, and {@code /api/listen} with
 * sessions (2.7): a 1024-event queue per session that drops the oldest, collapsing of duplicates,
 * empty polls after the timeout, the older waiting request answered at once, session expiry after
 * 10 × timeout. Tests drive it: change state with or without events, stop and restart it, make a
 * listen request hang, or answer one with a raw body.
 */
final class QToggleApiDouble implements AutoCloseable {
  static final int NONE = 0;
  static final int VIEWONLY = 10;
  static final int NORMAL = 20;
  static final int ADMIN = 30;
  static final int QUEUE_SIZE = 1024;
  private static final long TICK_MILLIS = 50;
  private static final Pattern BEARER = Pattern.compile("(?i:bearer)\\s+([A-Za-z0-9_.\\-]+)");
  private static final Pattern SESSION_ID = Pattern.compile("^[a-zA-Z0-9]");
  private static final JsonFactory JSON = new JsonFactory();

  /** One request as the double saw it. */
  record Request(
      String method,
      String function,
      @Nullable String query,
      @Nullable String sessionId,
      int level,
      Instant at) {}

  private final Object lock = new Object();
  private final Map<String, String> keys = new LinkedHashMap<>();
  private final Map<String, @Nullable Object> device = new LinkedHashMap<>();
  private final Map<String, Map<String, @Nullable Object>> ports = new LinkedHashMap<>();
  private final List<Map<String, @Nullable Object>> slaves = new ArrayList<>();
  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ArrayDeque<String> rawListenBodies = new ArrayDeque<>();
  private int hangListens;
  private int waitingListens;
  private @Nullable HttpServer server;
  private @Nullable ExecutorService executor;
  private int port;
  private long bootSeconds = Instant.now().getEpochSecond();

  /** A device named {@code name} with the three users' passwords ("" = no password). */
  QToggleApiDouble(
      String name, String adminPassword, String normalPassword, String viewonlyPassword) {
    keys.put("admin", sha256Hex(adminPassword));
    keys.put("normal", sha256Hex(normalPassword));
    keys.put("viewonly", sha256Hex(viewonlyPassword));
    device.put("name", name);
    device.put("display_name", "Double " + name);
    device.put("version", "1.0.0");
    device.put("api_version", "1.3");
    device.put("vendor", "qtoggle/qtoggleserver");
    device.put("admin_password", adminPassword.isEmpty() ? "" : "set");
    device.put("normal_password", normalPassword.isEmpty() ? "" : "set");
    device.put("viewonly_password", viewonlyPassword.isEmpty() ? "" : "set");
    device.put("flags", new ArrayList<>(List.of("expressions", "listen")));
    device.put("uptime", 0L);
    device.put("cpu_usage", 3L);
    device.put("mem_usage", 40L);
  }

  static String sha256Hex(String password) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- lifecycle

  /** Starts serving (on the same port as before after a {@link #stop()}). */
  QToggleApiDouble start() throws IOException {
    synchronized (lock) {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
      http.setExecutor(threads);
      http.createContext("/", this::exchange);
      http.start();
      port = http.getAddress().getPort();
      server = http;
      executor = threads;
      return this;
    }
  }

  /** Stops serving: connections are refused until {@link #restart()}. */
  void stop() {
    HttpServer http;
    ExecutorService threads;
    synchronized (lock) {
      http = server;
      threads = executor;
      server = null;
      executor = null;
      lock.notifyAll();
      // let waiting listen requests break their connections mid-answer, as a dying device does
      long deadline = System.nanoTime() + 2_000_000_000L;
      while (waitingListens > 0 && System.nanoTime() < deadline) {
        try {
          lock.wait(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (http != null) {
      http.stop(0);
    }
    if (threads != null) {
      threads.shutdownNow();
    }
  }

  /** Starts again after {@link #stop()}, like a rebooted device: every listen session is gone. */
  void restart() throws IOException {
    rebootQuietly();
    start();
  }

  /** A reboot so quick that no connection noticed: sessions are gone, the uptime starts over. */
  void rebootQuietly() {
    synchronized (lock) {
      sessions.clear();
      bootSeconds = Instant.now().getEpochSecond();
      device.put("uptime", 0L);
    }
  }

  @Override
  public void close() {
    stop();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requests(String function) {
    return requests.stream().filter(r -> r.function().equals(function)).toList();
  }

  // ---------------------------------------------------------------- test controls

  /** The next {@code n} listen requests never answer (until the client gives up or we stop). */
  void hangNextListens(int n) {
    synchronized (lock) {
      hangListens = n;
    }
  }

  /** The next listen request is answered 200 with this raw body. */
  void answerNextListenWith(String rawBody) {
    synchronized (lock) {
      rawListenBodies.add(rawBody);
    }
  }

  /** Makes this device a hub (flag {@code master}) managing {@code slave}. */
  void addSlaveSilently(Map<String, @Nullable Object> slave) {
    synchronized (lock) {
      @SuppressWarnings("unchecked")
      List<Object> flags = (List<Object>) device.get("flags");
      if (!flags.contains("master")) {
        flags.add("master");
      }
      slaves.add(slave);
    }
  }

  void setListenEnabled(boolean enabled) {
    synchronized (lock) {
      @SuppressWarnings("unchecked")
      List<Object> flags = (List<Object>) device.get("flags");
      flags.remove("listen");
      if (enabled) {
        flags.add("listen");
      }
    }
  }

  /** Adds a port without an event (state before any client connects, or while down). */
  void addPortSilently(Map<String, @Nullable Object> port) {
    synchronized (lock) {
      ports.put((String) port.get("id"), new LinkedHashMap<>(port));
    }
  }

  void removePortSilently(String id) {
    synchronized (lock) {
      ports.remove(id);
    }
  }

  void setValueSilently(String id, @Nullable Object value) {
    synchronized (lock) {
      ports.get(id).put("value", value);
    }
  }

  void setPortAttributeSilently(String id, String key, @Nullable Object value) {
    synchronized (lock) {
      ports.get(id).put(key, value);
    }
  }

  void setDeviceAttributeSilently(String key, @Nullable Object value) {
    synchronized (lock) {
      device.put(key, value);
    }
  }

  /** Changes a value and emits {@code value-change}, as the device's tick would. */
  void setValue(String id, @Nullable Object value) {
    synchronized (lock) {
      Object old = ports.get(id).put("value", value);
      Map<String, @Nullable Object> params = new LinkedHashMap<>();
      params.put("id", id);
      params.put("value", value);
      params.put("old_value", old);
      emit("value-change", params);
    }
  }

  void setPortAttribute(String id, String key, @Nullable Object value) {
    synchronized (lock) {
      ports.get(id).put(key, value);
      emit("port-update", portObject(ports.get(id)));
    }
  }

  void addPort(Map<String, @Nullable Object> port) {
    synchronized (lock) {
      addPortSilently(port);
      emit("port-add", portObject(ports.get((String) port.get("id"))));
    }
  }

  void removePort(String id) {
    synchronized (lock) {
      ports.remove(id);
      Map<String, @Nullable Object> params = new LinkedHashMap<>();
      params.put("id", id);
      emit("port-remove", params);
    }
  }

  /** Emits {@code device-update} with the current attributes (the 5-second refresh). */
  void deviceUpdate() {
    synchronized (lock) {
      emit("device-update", deviceObject());
    }
  }

  void fullUpdate() {
    synchronized (lock) {
      emit("full-update", new LinkedHashMap<>());
    }
  }

  /** Queues an event of the nine types, with its required level and collapsing rules. */
  void emit(String type, Map<String, @Nullable Object> params) {
    Map<String, @Nullable Object> event = new LinkedHashMap<>();
    event.put("type", type);
    event.put("params", params);
    emitRaw(event, requiredLevel(type));
  }

  /** Queues any JSON object as an event for sessions of at least {@code level}. */
  void emitRaw(Map<String, @Nullable Object> event, int level) {
    synchronized (lock) {
      expireSessions();
      for (Session session : sessions.values()) {
        if (session.level >= level) {
          session.offer(event);
        }
      }
      lock.notifyAll();
    }
  }

  int sessionCount() {
    synchronized (lock) {
      expireSessions();
      return sessions.size();
    }
  }

  /** The queue length of a session, or -1 when there is no such session. */
  int queued(String sessionId) {
    synchronized (lock) {
      Session session = sessions.get(sessionId);
      return session == null ? -1 : session.queue.size();
    }
  }

  static int requiredLevel(String type) {
    return switch (type) {
      case "device-update",
          "slave-device-update",
          "slave-device-add",
          "slave-device-remove",
          "peripheral-add",
          "peripheral-update",
          "peripheral-remove",
          "dashboard-update" ->
          ADMIN;
      default -> VIEWONLY;
    };
  }

  // ---------------------------------------------------------------- model

  private Map<String, @Nullable Object> deviceObject() {
    Map<String, @Nullable Object> object = new LinkedHashMap<>(device);
    object.put(
        "uptime", Instant.now().getEpochSecond() - bootSeconds + (Long) device.get("uptime"));
    object.put("definitions", new LinkedHashMap<>());
    return object;
  }

  private static Map<String, @Nullable Object> portObject(Map<String, @Nullable Object> port) {
    Map<String, @Nullable Object> object = new LinkedHashMap<>(port);
    object.remove("value");
    object.put("value", port.get("value"));
    object.put("pending_value", null);
    object.put("definitions", new LinkedHashMap<>());
    return object;
  }

  private List<Map<String, @Nullable Object>> portObjects() {
    return ports.values().stream()
        .sorted(Comparator.comparing(p -> (String) p.get("id")))
        .map(QToggleApiDouble::portObject)
        .toList();
  }

  /** A waiting listen request and, once answered, its answer. */
  private static final class Waiter {
    @Nullable List<Map<String, @Nullable Object>> answer;
  }

  /** One listen session (spec 2.7). */
  private static final class Session {
    final ArrayDeque<Map<String, @Nullable Object>> queue = new ArrayDeque<>();
    long lastAccessSeconds;
    long timeout;
    int level;
    @Nullable Waiter waiting;

    void offer(Map<String, @Nullable Object> event) {
      Iterator<Map<String, @Nullable Object>> it = queue.iterator();
      while (it.hasNext()) {
        if (duplicates(event, it.next())) {
          it.remove();
        }
      }
      queue.add(event);
      while (queue.size() > QUEUE_SIZE) {
        queue.removeFirst();
      }
    }

    List<Map<String, @Nullable Object>> drain() {
      List<Map<String, @Nullable Object>> events = new ArrayList<>(queue);
      queue.clear();
      return events;
    }

    /** The collapsing rules of spec 1.2: does {@code newer} replace {@code older}? */
    static boolean duplicates(
        Map<String, @Nullable Object> newer, Map<String, @Nullable Object> older) {
      Object type = newer.get("type");
      if (type == null || !type.equals(older.get("type"))) {
        return false;
      }
      return switch ((String) type) {
        case "device-update", "full-update" -> true;
        case "port-update" -> param(newer, "id").equals(param(older, "id"));
        case "slave-device-update" -> param(newer, "name").equals(param(older, "name"));
        default -> false;
      };
    }

    private static Object param(Map<String, @Nullable Object> event, String key) {
      Object params = event.get("params");
      Object value = params instanceof Map<?, ?> m ? m.get(key) : null;
      return value == null ? "" : value;
    }
  }

  private void expireSessions() {
    double now = System.currentTimeMillis() / 1000.0;
    sessions
        .values()
        .removeIf(s -> s.waiting == null && now - s.lastAccessSeconds > 10 * s.timeout);
  }

  // ---------------------------------------------------------------- HTTP

  private void exchange(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      while (path.length() > 1 && path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      String function = path.startsWith("/api/") ? path.substring("/api/".length()) : "";
      int level = level(exchange.getRequestHeaders().getFirst("Authorization"));
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              function,
              exchange.getRequestURI().getQuery(),
              exchange.getRequestHeaders().getFirst("Session-Id"),
              level,
              Instant.now()));
      if (!exchange.getRequestMethod().equals("GET")) {
        respond(exchange, 404, Map.of("error", "no-such-function"));
        return;
      }
      switch (function) {
        case "access" -> respond(exchange, 200, Map.of("level", levelName(level)));
        case "device" -> {
          if (allowed(exchange, level, ADMIN)) {
            synchronized (lock) {
              respond(exchange, 200, deviceObject());
            }
          }
        }
        case "ports" -> {
          if (allowed(exchange, level, VIEWONLY)) {
            synchronized (lock) {
              respond(exchange, 200, portObjects());
            }
          }
        }
        case "devices" -> {
          boolean hub;
          synchronized (lock) {
            hub = ((List<?>) device.get("flags")).contains("master");
          }
          if (!hub) {
            respond(exchange, 404, Map.of("error", "no-such-function"));
          } else if (allowed(exchange, level, ADMIN)) {
            synchronized (lock) {
              respond(exchange, 200, new ArrayList<>(slaves));
            }
          }
        }
        case "listen" -> listen(exchange, level);
        default -> respond(exchange, 404, Map.of("error", "no-such-function"));
      }
    }
  }

  private boolean allowed(HttpExchange exchange, int level, int required) throws IOException {
    if (level >= required) {
      return true;
    }
    if (level == NONE) {
      respond(exchange, 401, Map.of("error", "authentication-required"));
    } else {
      Map<String, @Nullable Object> body = new LinkedHashMap<>();
      body.put("error", "forbidden");
      body.put("required_level", levelName(required));
      respond(exchange, 403, body);
    }
    return false;
  }

  private void listen(HttpExchange exchange, int level) throws IOException {
    synchronized (lock) {
      if (!((List<?>) device.get("flags")).contains("listen")) {
        respond(exchange, 404, Map.of("error", "no-such-function"));
        return;
      }
    }
    if (!allowed(exchange, level, VIEWONLY)) {
      return;
    }
    String sessionId = exchange.getRequestHeaders().getFirst("Session-Id");
    if (sessionId == null) {
      respond(exchange, 400, Map.of("error", "missing-header", "header", "Session-Id"));
      return;
    }
    if (!SESSION_ID.matcher(sessionId).find()) {
      // [DEFECT replicated] the server answers 500 instead of 400 invalid-header
      respond(exchange, 500, Map.of("error", "internal server error"));
      return;
    }
    long timeout = 60;
    String query = exchange.getRequestURI().getQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith("timeout=")) {
          try {
            timeout = Long.parseLong(pair.substring("timeout=".length()));
          } catch (NumberFormatException e) {
            timeout = -1;
          }
        }
      }
    }
    if (timeout < 1 || timeout > 3600) {
      respond(exchange, 400, Map.of("error", "invalid-field", "field", "timeout"));
      return;
    }
    Waiter me = new Waiter();
    List<Map<String, @Nullable Object>> answer;
    String raw;
    synchronized (lock) {
      raw = rawListenBodies.poll();
      if (raw == null && hangListens > 0) {
        hangListens--;
        HttpServer current = server;
        waitingListens++;
        try {
          while (server == current && current != null) {
            try {
              lock.wait();
            } catch (InterruptedException e) {
              return;
            }
          }
          breakConnection(exchange);
        } finally {
          waitingListens--;
          lock.notifyAll();
        }
        return;
      }
      expireSessions();
      Session session = sessions.computeIfAbsent(sessionId, id -> new Session());
      session.lastAccessSeconds = Instant.now().getEpochSecond();
      session.timeout = timeout;
      session.level = level;
      if (session.waiting != null) {
        // a newer request takes over: the older one is answered at once
        session.waiting.answer = session.drain();
        lock.notifyAll();
      }
      session.waiting = me;
      waitingListens++;
      try {
        answer = awaitAnswer(session, me);
        if (answer == null) {
          breakConnection(exchange);
        }
      } finally {
        waitingListens--;
        lock.notifyAll();
      }
    }
    if (raw != null) {
      respondRaw(exchange, 200, raw);
    } else if (answer != null) {
      respond(exchange, 200, answer);
    }
  }

  /**
   * Breaks a connection in the middle of an answer: the client has received bytes, so it cannot
   * quietly retry the request elsewhere (the JDK client re-sends a request whose pooled connection
   * closed before any answer).
   */
  private static void breakConnection(HttpExchange exchange) {
    try {
      exchange.sendResponseHeaders(200, 1000);
      exchange.getResponseBody().write('[');
      exchange.getResponseBody().flush();
    } catch (IOException e) {
      // the connection is gone already: that is the point
    }
  }

  /** Waits, holding the lock's monitor between ticks, until this request is answered. */
  private @Nullable List<Map<String, @Nullable Object>> awaitAnswer(Session session, Waiter me) {
    HttpServer current = server;
    while (true) {
      if (me.answer != null) {
        // answered by a newer request of the same session
        return me.answer;
      }
      if (!session.queue.isEmpty()) {
        session.waiting = null;
        return session.drain();
      }
      if (System.currentTimeMillis() / 1000.0 - session.lastAccessSeconds > session.timeout) {
        session.waiting = null;
        return List.of();
      }
      if (server != current) {
        session.waiting = null;
        return null;
      }
      try {
        lock.wait(TICK_MILLIS);
      } catch (InterruptedException e) {
        session.waiting = null;
        return null;
      }
    }
  }

  /** The access level of a request (spec 2.2); any failure is anonymous. */
  private int level(@Nullable String header) {
    if (header == null) {
      return keys.get("admin").equals(sha256Hex("")) ? ADMIN : NONE;
    }
    Matcher m = BEARER.matcher(header.strip());
    if (!m.matches()) {
      return NONE;
    }
    DecodedJWT token;
    try {
      token = JWT.decode(m.group(1));
    } catch (JWTVerificationException e) {
      return NONE;
    }
    if (!"qToggle".equals(token.getIssuer())
        || !"consumer".equals(token.getClaim("ori").asString())) {
      return NONE;
    }
    Claim iat = token.getClaim("iat");
    if (!iat.isMissing() && !iat.isNull()) {
      Long seconds = iat.asLong();
      if (seconds == null || Math.abs(Instant.now().getEpochSecond() - seconds) > 300) {
        return NONE;
      }
    }
    String user = token.getClaim("usr").asString();
    if (user == null || !keys.containsKey(user)) {
      return NONE;
    }
    try {
      JWT.require(Algorithm.HMAC256(keys.get(user))).ignoreIssuedAt().build().verify(token);
    } catch (JWTVerificationException e) {
      return NONE;
    }
    return switch (user) {
      case "admin" -> ADMIN;
      case "normal" -> NORMAL;
      default -> VIEWONLY;
    };
  }

  private static String levelName(int level) {
    return switch (level) {
      case ADMIN -> "admin";
      case NORMAL -> "normal";
      case VIEWONLY -> "viewonly";
      default -> "none";
    };
  }

  private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
    respondRaw(exchange, status, toJson(body) + "\n");
  }

  private static void respondRaw(HttpExchange exchange, int status, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange
        .getResponseHeaders()
        .set("Cache-Control", "no-cache, no-store, must-revalidate, max-age=0");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** JSON text of a value-model value, floats written with a '.' as Python does. */
  static String toJson(@Nullable Object value) {
    StringWriter writer = new StringWriter();
    try (JsonGenerator json = JSON.createGenerator(writer)) {
      write(json, value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return writer.toString();
  }

  private static void write(JsonGenerator json, @Nullable Object value) throws IOException {
    switch (value) {
      case null -> json.writeNull();
      case Boolean b -> json.writeBoolean(b);
      case Long l -> json.writeNumber(l);
      case Integer i -> json.writeNumber(i);
      case BigInteger big -> json.writeNumber(big);
      case Double d -> json.writeNumber(d);
      case String s -> json.writeString(s);
      case Map<?, ?> map -> {
        json.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          json.writeFieldName((String) entry.getKey());
          write(json, entry.getValue());
        }
        json.writeEndObject();
      }
      case List<?> list -> {
        json.writeStartArray();
        for (Object item : list) {
          write(json, item);
        }
        json.writeEndArray();
      }
      default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  /** A port object for tests: the attributes of a qToggleServer port, without value. */
  static Map<String, @Nullable Object> port(String id, String type, @Nullable Object value) {
    Map<String, @Nullable Object> port = new LinkedHashMap<>();
    port.put("id", id);
    port.put("display_name", "");
    port.put("type", type);
    if (type.equals("number")) {
      port.put("unit", "");
    }
    port.put("writable", type.equals("boolean"));
    port.put("enabled", true);
    port.put("tag", "");
    port.put("transform_read", "");
    port.put("internal", false);
    port.put("value", value);
    return port;
  }

  Optional<Map<String, @Nullable Object>> portState(String id) {
    synchronized (lock) {
      return Optional.ofNullable(ports.get(id)).map(QToggleApiDouble::portObject);
    }
  }
}
