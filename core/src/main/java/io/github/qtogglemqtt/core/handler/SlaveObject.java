package io.github.qtogglemqtt.core.handler;

import io.github.qtogglemqtt.core.model.Values;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code slave} of a slave event's context (spec 6.6), over the flattened slave map (spec 3.4).
 */
final class SlaveObject extends ContextObject<SlaveObject> {
  /** The keys of the slave object itself (spec 1.3); every other flattened key is a device attr. */
  private static final Set<String> SLAVE_KEYS =
      Set.of(
          "enabled",
          "name",
          "scheme",
          "host",
          "port",
          "path",
          "admin_password_hash",
          "poll_interval",
          "listen_enabled",
          "last_sync",
          "online",
          "provisioning");

  private static final Table<SlaveObject> TABLE =
      new Table<SlaveObject>("slave")
          .attribute("name", s -> s.name)
          .attribute("pretty_name", SlaveObject::prettyName)
          .attribute("url", SlaveObject::url)
          .attribute("online", s -> Values.truthy(s.flat.get("online")))
          .attribute("enabled", s -> Values.truthy(s.flat.get("enabled")))
          .attribute("attrs", s -> s.flat)
          .method("get_name", s -> s.name)
          .method("get_pretty_name", SlaveObject::prettyName)
          .method("get_scheme", s -> s.flat.get("scheme"))
          .method("get_host", s -> s.flat.get("host"))
          .method("get_port", s -> s.flat.get("port"))
          .method("get_path", s -> s.flat.get("path"))
          .method("get_url", SlaveObject::url)
          .method("is_online", s -> Values.truthy(s.flat.get("online")))
          .method("is_enabled", s -> Values.truthy(s.flat.get("enabled")))
          .method("is_listen_enabled", s -> Values.truthy(s.flat.get("listen_enabled")))
          .method("get_poll_interval", s -> s.flat.get("poll_interval"))
          .method(
              "get_cached_attr",
              1,
              1,
              (s, args) -> s.cachedAttrs().get(stringArg("get_cached_attr()", args, 0)))
          .method("get_cached_attrs", SlaveObject::cachedAttrs)
          .method("to_json", SlaveObject::toJson);

  private final String name;
  private final Map<String, @Nullable Object> flat;

  SlaveObject(String name, Map<String, @Nullable Object> flat) {
    this.name = name;
    this.flat = flat;
  }

  @Override
  Table<SlaveObject> table() {
    return TABLE;
  }

  @Override
  SlaveObject self() {
    return this;
  }

  private String prettyName() {
    return flat.get("display_name") instanceof String s && !s.isEmpty() ? s : name;
  }

  private String url() {
    String scheme = Values.pyStr(flat.get("scheme"));
    Object port = flat.get("port");
    boolean defaultPort =
        ("http".equals(scheme) && Values.pyEquals(port, 80L))
            || ("https".equals(scheme) && Values.pyEquals(port, 443L));
    StringBuilder url =
        new StringBuilder(scheme).append("://").append(Values.pyStr(flat.get("host")));
    if (port != null && !defaultPort) {
      url.append(':').append(Values.pyStr(port));
    }
    Object path = flat.get("path");
    return url.append(path == null ? "" : Values.pyStr(path)).toString();
  }

  private Map<String, @Nullable Object> cachedAttrs() {
    LinkedHashMap<String, @Nullable Object> attrs = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> e : flat.entrySet()) {
      if (!SLAVE_KEYS.contains(e.getKey()) || e.getKey().equals("name")) {
        attrs.put(e.getKey(), e.getValue());
      }
    }
    return Collections.unmodifiableMap(attrs);
  }

  private Map<String, @Nullable Object> toJson() {
    LinkedHashMap<String, @Nullable Object> json = new LinkedHashMap<>();
    for (Map.Entry<String, @Nullable Object> e : flat.entrySet()) {
      if (SLAVE_KEYS.contains(e.getKey())) {
        json.put(e.getKey(), e.getValue());
      }
    }
    json.put("attrs", cachedAttrs());
    return Collections.unmodifiableMap(json);
  }

  @Override
  public String pyStr() {
    return "slave " + name;
  }
}
