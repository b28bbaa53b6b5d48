package io.github.qtogglemqtt.adapter.template.jackson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.github.qtogglemqtt.core.model.RawJson;
import io.github.qtogglemqtt.core.model.Values;
import io.github.qtogglemqtt.core.port.out.JsonEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Python's {@code json.dumps} defaults, byte for byte (spec 7.7), on Jackson's streaming generator.
 *
 * <p>Jackson gives the string escaping: {@code \b \f \n \r \t}, {@code \"} and {@code \\}, every
 * character above 0x7E (0x7F included) as {@code \\u} with lowercase hex, one escape per UTF-16
 * unit so that characters above U+FFFF become surrogate pairs, and {@code /} left alone. The
 * separators come from {@link PythonSeparators}; numbers are written as text from {@link
 * Values#formatFloat} so floats keep Python's repr.
 *
 * <p>Thread-safe: the {@link JsonFactory} is shared, a generator is created per call. Each thread
 * writes into its own reused buffer ({@link TextOut}), so encoding a payload allocates the result
 * string and not the buffer it grew in.
 */
final class JacksonJsonEncoder implements JsonEncoder {
  private static final int HIGHEST_NON_ESCAPED_CHAR = 0x7E;

  private final JsonFactory factory =
      JsonFactory.builder()
          .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .build();

  /** The buffer of the thread's current encoding; re-entrant calls get a fresh one. */
  private static final ThreadLocal<TextOut> BUFFERS = ThreadLocal.withInitial(TextOut::new);

  @Override
  public String encode(@Nullable Object value, @Nullable NonFiniteListener nonFinite) {
    TextOut out = BUFFERS.get();
    if (out.inUse) {
      out = new TextOut();
    }
    out.inUse = true;
    out.clear(); // what a failed call left behind
    try (JsonGenerator generator = factory.createGenerator(out)) {
      generator.setPrettyPrinter(PythonSeparators.INSTANCE);
      generator.setHighestNonEscapedChar(HIGHEST_NON_ESCAPED_CHAR);
      write(generator, value, nonFinite);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string failed", e);
    } finally {
      out.inUse = false;
    }
    return out.takeText();
  }

  /**
   * A {@link Writer} into a {@link StringBuilder} that is kept between calls (unsynchronized,
   * unlike {@link java.io.StringWriter}); a buffer that grew beyond {@link #KEEP_CHARS} is not
   * kept, so one huge payload does not pin its memory.
   */
  private static final class TextOut extends Writer {
    private static final int INITIAL_CHARS = 4096;
    private static final int KEEP_CHARS = 1 << 20;

    private StringBuilder text = new StringBuilder(INITIAL_CHARS);
    boolean inUse;

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
      text.append(string, offset, offset + length);
    }

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    void clear() {
      text.setLength(0);
    }

    /** The text written since the last call; empties the buffer. */
    String takeText() {
      String result = text.toString();
      if (text.capacity() > KEEP_CHARS) {
        text = new StringBuilder(INITIAL_CHARS);
      } else {
        text.setLength(0);
      }
      return result;
    }
  }

  private static void write(
      JsonGenerator generator, @Nullable Object value, @Nullable NonFiniteListener nonFinite)
      throws IOException {
    switch (value) {
      case null -> generator.writeNull();
      case String s -> generator.writeString(s);
      case Boolean b -> generator.writeBoolean(b);
      case Long l -> generator.writeNumber(l);
      case Integer i -> generator.writeNumber(i);
      case BigInteger big -> generator.writeNumber(big);
      case Double d -> writeFloat(generator, d, nonFinite);
      case Map<?, ?> map -> {
        generator.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          generator.writeFieldName(key(entry.getKey()));
          write(generator, entry.getValue(), nonFinite);
        }
        generator.writeEndObject();
      }
      case List<?> list -> {
        generator.writeStartArray();
        for (Object element : list) {
          write(generator, element, nonFinite);
        }
        generator.writeEndArray();
      }
      case RawJson raw -> generator.writeRawValue(raw.json());
      default -> {
        if (Values.isInteger(value)) {
          generator.writeNumber(((Number) value).longValue());
        } else if (Values.isFloat(value)) {
          writeFloat(generator, ((Number) value).doubleValue(), nonFinite);
        } else {
          throw new IllegalArgumentException(
              "not a JSON value: %s".formatted(value.getClass().getName()));
        }
      }
    }
  }

  private static void writeFloat(
      JsonGenerator generator, double value, @Nullable NonFiniteListener nonFinite)
      throws IOException {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      // D11: the original fails here; qToggleServer's own API writes null.
      generator.writeNull();
      if (nonFinite != null) {
        nonFinite.nonFinite(value);
      }
    } else {
      generator.writeNumber(Values.formatFloat(value));
    }
  }

  /** Python's json.dumps turns non-string keys into strings; so do we. */
  private static String key(@Nullable Object key) {
    if (key instanceof String s) {
      return s;
    }
    if (key == null) {
      return "null";
    }
    if (key instanceof Boolean b) {
      return b ? "true" : "false";
    }
    if (Values.isNumber(key)) {
      return Values.pyStr(key);
    }
    throw new IllegalArgumentException(
        "not a JSON object key: %s".formatted(key.getClass().getName()));
  }

  /** {@code ", "} and {@code ": "}, no line breaks: Python's default separators. */
  private static final class PythonSeparators implements PrettyPrinter {
    static final PythonSeparators INSTANCE = new PythonSeparators();

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {}

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
      g.writeRaw('{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
      g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
      g.writeRaw('[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
      g.writeRaw(']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {}

    @Override
    public void beforeObjectEntries(JsonGenerator g) {}
  }
}
