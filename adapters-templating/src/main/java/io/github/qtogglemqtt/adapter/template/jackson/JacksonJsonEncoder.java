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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * writes into its own reused buffer ({@link AsciiOut}), so encoding a payload allocates its result
 * (string or bytes) and not the buffer it grew in.
 */
final class JacksonJsonEncoder implements JsonEncoder {
  private static final int HIGHEST_NON_ESCAPED_CHAR = 0x7E;

  private final JsonFactory factory =
      JsonFactory.builder()
          .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .build();

  /** The buffer of the thread's current encoding; re-entrant calls get a fresh one. */
  private static final ThreadLocal<AsciiOut> BUFFERS = ThreadLocal.withInitial(AsciiOut::new);

  @Override
  public String encode(@Nullable Object value, @Nullable NonFiniteListener nonFinite) {
    AsciiOut out = BUFFERS.get();
    if (out.inUse) {
      return write(new AsciiOut(), value, nonFinite).takeText();
    }
    try {
      return write(out, value, nonFinite).takeText();
    } finally {
      out.inUse = false;
    }
  }

  @Override
  public byte[] encodeAscii(@Nullable Object value, @Nullable NonFiniteListener nonFinite) {
    AsciiOut out = BUFFERS.get();
    if (out.inUse) {
      return write(new AsciiOut(), value, nonFinite).takeBytes();
    }
    try {
      return write(out, value, nonFinite).takeBytes();
    } finally {
      out.inUse = false;
    }
  }

  private AsciiOut write(
      AsciiOut out, @Nullable Object value, @Nullable NonFiniteListener nonFinite) {
    out.inUse = true;
    out.clear(); // what a failed call left behind
    try (JsonGenerator generator = factory.createGenerator(out)) {
      generator.setPrettyPrinter(PythonSeparators.INSTANCE);
      generator.setHighestNonEscapedChar(HIGHEST_NON_ESCAPED_CHAR);
      write(generator, out, value, nonFinite);
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string failed", e);
    }
    return out;
  }

  /**
   * A {@link Writer} into a byte array that is kept between calls. Everything the generator writes
   * is ASCII (every character above 0x7E is escaped; {@link RawJson} is ASCII by contract), so one
   * byte per character, and the result is one copy: the string, or the payload bytes. A buffer that
   * grew beyond {@link #KEEP_BYTES} is not kept, so one huge payload does not pin its memory.
   */
  private static final class AsciiOut extends Writer {
    private static final int INITIAL_BYTES = 8192;
    private static final int KEEP_BYTES = 1 << 20;

    private byte[] bytes = new byte[INITIAL_BYTES];
    private int length;
    boolean inUse;

    @Override
    public void write(char[] chars, int offset, int count) {
      ensure(count);
      byte[] out = bytes;
      int start = length;
      int seen = 0;
      // a plain narrowing loop with the check folded into one OR: the JIT vectorizes it
      for (int i = 0; i < count; i++) {
        char c = chars[offset + i];
        seen |= c;
        out[start + i] = (byte) c;
      }
      checkAscii(seen);
      length = start + count;
    }

    @Override
    public void write(String string, int offset, int count) {
      ensure(count);
      int seen = 0;
      for (int i = 0; i < count; i++) {
        char c = string.charAt(offset + i);
        seen |= c;
        bytes[length + i] = (byte) c;
      }
      checkAscii(seen);
      length += count;
    }

    /** Appends text that is ASCII by contract ({@link RawJson}): a plain copy of its bytes. */
    @SuppressWarnings("deprecation") // the low byte of each char is what ASCII text needs
    void writeAscii(String text) {
      int count = text.length();
      ensure(count);
      text.getBytes(0, count, bytes, length);
      length += count;
    }

    private static void checkAscii(int seen) {
      if (seen > 0x7F) {
        throw new IllegalArgumentException("a raw JSON part holds a non-ASCII character");
      }
    }

    @Override
    public void write(int c) {
      ensure(1);
      checkAscii((char) c);
      bytes[length++] = (byte) c;
    }

    private void ensure(int count) {
      if (length + count > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + count));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    void clear() {
      length = 0;
    }

    /** The text written since {@link #clear()}; lets go of an oversized buffer. */
    String takeText() {
      String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      release();
      return text;
    }

    /** The bytes written since {@link #clear()}; lets go of an oversized buffer. */
    byte[] takeBytes() {
      byte[] copy = Arrays.copyOf(bytes, length);
      release();
      return copy;
    }

    private void release() {
      length = 0;
      if (bytes.length > KEEP_BYTES) {
        bytes = new byte[INITIAL_BYTES];
      }
    }
  }

  private static void write(
      JsonGenerator generator,
      AsciiOut out,
      @Nullable Object value,
      @Nullable NonFiniteListener nonFinite)
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
          write(generator, out, entry.getValue(), nonFinite);
        }
        generator.writeEndObject();
      }
      case List<?> list -> {
        generator.writeStartArray();
        for (Object element : list) {
          write(generator, out, element, nonFinite);
        }
        generator.writeEndArray();
      }
      case RawJson raw -> {
        // an empty raw value writes the separator and moves the generator past the value; the
        // text itself goes straight into the output, not through the generator's char buffer
        generator.writeRawValue("");
        generator.flush();
        out.writeAscii(raw.json());
      }
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
