package io.github.qtogglemqtt.app.config;

import io.github.qtogglemqtt.core.model.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The effective configuration as lines of {@code path = value}, secrets masked. */
public final class EffectiveConfig {
  static final String MASK = "******";

  private EffectiveConfig() {}

  /**
   * Describes the configuration.
   *
   * @param secretPaths full paths of keys that an adapter read as secrets, masked in addition to
   *     every key whose name says it holds a password, token or secret
   */
  public static List<String> describe(AppConfig config, Set<String> secretPaths) {
    List<String> lines = new ArrayList<>();
    lines.add("public_url = " + Values.pyRepr(config.global().publicUrl()));
    add(lines, "metadata", config.global().metadata(), secretPaths, false);
    for (HandlerEntry handler : config.handlers()) {
      add(lines, handler.path(), handler.values(), secretPaths, false);
    }
    lines.add("source.type = " + Values.pyRepr(config.source().type()));
    add(lines, config.source().path(), config.source().values(), secretPaths, false);
    return lines;
  }

  private static void add(
      List<String> lines,
      String path,
      @Nullable Object value,
      Set<String> secretPaths,
      boolean masked) {
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = String.valueOf(entry.getKey());
        String child = path + "." + key;
        add(
            lines,
            child,
            entry.getValue(),
            secretPaths,
            masked || ConfigLoader.isSecretName(key) || secretPaths.contains(child));
      }
      return;
    }
    lines.add(path + " = " + (masked && value != null ? MASK : Values.pyRepr(value)));
  }
}
