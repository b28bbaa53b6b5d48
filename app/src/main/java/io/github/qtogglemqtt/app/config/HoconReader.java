package io.github.qtogglemqtt.app.config;

import static java.util.Objects.requireNonNull;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import io.github.qtogglemqtt.core.error.ConfigurationException;
import io.github.qtogglemqtt.core.error.Problem;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads a HOCON file into JSON values of the core's value model: {@code Long} (or {@code
 * BigInteger}) for integers, {@code Double} for numbers written with a fraction or an exponent (so
 * {@code 21} and {@code 21.0} stay different), {@code String}, {@code Boolean}, null, lists, and
 * insertion-ordered maps in file order. Typesafe Config keeps neither: its objects are hash maps
 * and {@code 21.0} unwraps to an integer; the original number text and the keys' lines recover
 * both.
 *
 * <p>{@code ${VAR}} and {@code ${?VAR}} substitutions resolve against the environment.
 */
final class HoconReader {
  private final List<String> lines;
  private final @Nullable String filename;

  private HoconReader(List<String> lines, @Nullable String filename) {
    this.lines = requireNonNull(lines, "lines is null");
    this.filename = filename;
  }

  /**
   * Parses and resolves a file.
   *
   * @throws ConfigurationException when the file is missing, unreadable or not valid HOCON
   */
  static Map<String, @Nullable Object> read(Path file) {
    requireNonNull(file, "file is null");
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException(
          file.toString(), "cannot read the configuration file (%s)".formatted(describe(e)));
    }
    Config config;
    try {
      config =
          ConfigFactory.parseFile(
                  file.toFile(),
                  ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false))
              .resolve(ConfigResolveOptions.defaults());
    } catch (ConfigException e) {
      throw new ConfigurationException(List.of(problem(file, e)));
    }
    return new HoconReader(lines, file.toFile().getPath()).object(config.root());
  }

  /** Parses and resolves text (tests, stdin); keys are ordered by line and column. */
  static Map<String, @Nullable Object> parse(String text) {
    Config config;
    try {
      config = ConfigFactory.parseString(text).resolve();
    } catch (ConfigException e) {
      throw new ConfigurationException(List.of(problem(Path.of("<text>"), e)));
    }
    return new HoconReader(text.lines().toList(), null).object(config.root());
  }

  private static Problem problem(Path file, ConfigException e) {
    ConfigOrigin origin = e.origin();
    String where = file.toString();
    if (origin != null && origin.lineNumber() > 0) {
      where = where + ":" + origin.lineNumber();
    }
    String message = Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName());
    // Typesafe prefixes the origin again; keep the part after it.
    int cut = message.indexOf(": ");
    if (origin != null && cut > 0 && message.startsWith(origin.description())) {
      message = message.substring(cut + 2);
    }
    return new Problem(where, "not valid HOCON: " + message);
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private Map<String, @Nullable Object> object(ConfigObject object) {
    List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(object.entrySet());
    entries.sort(
        Comparator.comparingInt((Map.Entry<String, ConfigValue> e) -> line(e.getValue()))
            .thenComparingInt(e -> column(e.getKey(), e.getValue()))
            .thenComparing(Map.Entry::getKey));
    Map<String, @Nullable Object> result = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigValue> entry : entries) {
      result.put(entry.getKey(), value(entry.getValue()));
    }
    return result;
  }

  private @Nullable Object value(ConfigValue value) {
    return switch (value.valueType()) {
      case OBJECT -> object((ConfigObject) value);
      case LIST -> {
        List<@Nullable Object> list = new ArrayList<>();
        for (ConfigValue item : (ConfigList) value) {
          list.add(value(item));
        }
        yield list;
      }
      case NUMBER -> number(value);
      case BOOLEAN -> value.unwrapped();
      case STRING -> value.unwrapped();
      case NULL -> null;
    };
  }

  /** The number as written: Typesafe keeps the original text, and {@code getString} returns it. */
  private static Object number(ConfigValue value) {
    String text = value.atKey("n").getString("n").trim();
    boolean isFloat = text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
    if (isFloat) {
      return Double.parseDouble(text);
    }
    BigInteger big = new BigInteger(text);
    return big.bitLength() < 64 ? (Object) big.longValue() : big;
  }

  private static int line(ConfigValue value) {
    int line = value.origin().lineNumber();
    return line > 0 ? line : Integer.MAX_VALUE;
  }

  /** Where on its line the key is written, to order keys of one-line objects. */
  private int column(String key, ConfigValue value) {
    ConfigOrigin origin = value.origin();
    int line = origin.lineNumber();
    if (line <= 0 || line > lines.size() || !sameFile(origin)) {
      return Integer.MAX_VALUE;
    }
    String text = lines.get(line - 1);
    int quoted = text.indexOf("\"" + key + "\"");
    int bare = indexOfKey(text, key);
    if (quoted >= 0 && (bare < 0 || quoted < bare)) {
      return quoted;
    }
    return bare >= 0 ? bare : Integer.MAX_VALUE;
  }

  private boolean sameFile(ConfigOrigin origin) {
    return filename == null ? origin.filename() == null : filename.equals(origin.filename());
  }

  private static int indexOfKey(String text, String key) {
    int from = 0;
    while (true) {
      int at = text.indexOf(key, from);
      if (at < 0) {
        return -1;
      }
      boolean startOk = at == 0 || !isKeyChar(text.charAt(at - 1));
      int end = at + key.length();
      boolean endOk = end == text.length() || !isKeyChar(text.charAt(end));
      if (startOk && endOk) {
        return at;
      }
      from = at + 1;
    }
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
