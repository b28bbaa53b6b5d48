package io.github.qtogglemqtt.adapter.template.pebble;

import io.github.qtogglemqtt.core.model.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Python's printf-style {@code %} formatting: {@code '%.1f %s' % (x, y)} and {@code |format}. */
final class PyFormat {
  private PyFormat() {}

  static String percent(String format, List<?> rawArgs) {
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (i >= format.length()) {
        throw new JinjaRuntimeException("incomplete format");
      }
      String flags = "";
      while (i < format.length() && "-+ 0#".indexOf(format.charAt(i)) >= 0) {
        flags += format.charAt(i++);
      }
      int width = 0;
      while (i < format.length() && Character.isDigit(format.charAt(i))) {
        width = width * 10 + (format.charAt(i++) - '0');
      }
      int precision = -1;
      if (i < format.length() && format.charAt(i) == '.') {
        i++;
        precision = 0;
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
          precision = precision * 10 + (format.charAt(i++) - '0');
        }
      }
      if (i >= format.length()) {
        throw new JinjaRuntimeException("incomplete format");
      }
      char conversion = format.charAt(i++);
      if (conversion == '%') {
        out.append('%');
        continue;
      }
      if (next >= rawArgs.size()) {
        throw new JinjaRuntimeException("not enough arguments for format string");
      }
      Object arg = Py.in(rawArgs.get(next++));
      String body = convert(conversion, flags, precision, arg);
      out.append(pad(body, flags, width, conversion));
    }
    if (next < rawArgs.size()) {
      throw new JinjaRuntimeException("not all arguments converted during string formatting");
    }
    return out.toString();
  }

  private static String convert(
      char conversion, String flags, int precision, @Nullable Object arg) {
    return switch (conversion) {
      case 's' -> truncate(Py.str(arg), precision);
      case 'r', 'a' -> truncate(Py.repr(arg), precision);
      case 'd', 'i', 'u' -> sign(integerOf(arg, conversion).toString(), flags);
      case 'x' -> sign(integerOf(arg, conversion).toString(16), flags);
      case 'X' ->
          sign(integerOf(arg, conversion).toString(16).toUpperCase(java.util.Locale.ROOT), flags);
      case 'o' -> sign(integerOf(arg, conversion).toString(8), flags);
      case 'f', 'F' -> sign(fixed(floatOf(arg, conversion), precision < 0 ? 6 : precision), flags);
      case 'e', 'E' -> {
        String text = exponent(floatOf(arg, conversion), precision < 0 ? 6 : precision);
        yield sign(conversion == 'E' ? text.toUpperCase(java.util.Locale.ROOT) : text, flags);
      }
      default ->
          throw new JinjaRuntimeException(
              "unsupported format character '%s'".formatted(String.valueOf(conversion)));
    };
  }

  private static String truncate(String text, int precision) {
    return precision >= 0 && precision < text.length() ? text.substring(0, precision) : text;
  }

  private static String sign(String number, String flags) {
    if (number.startsWith("-")) {
      return number;
    }
    if (flags.indexOf('+') >= 0) {
      return "+" + number;
    }
    if (flags.indexOf(' ') >= 0) {
      return " " + number;
    }
    return number;
  }

  private static String pad(String body, String flags, int width, char conversion) {
    if (body.length() >= width) {
      return body;
    }
    int missing = width - body.length();
    if (flags.indexOf('-') >= 0) {
      return body + " ".repeat(missing);
    }
    if (flags.indexOf('0') >= 0 && "diuxXofFeE".indexOf(conversion) >= 0) {
      int signLength = body.startsWith("-") || body.startsWith("+") || body.startsWith(" ") ? 1 : 0;
      return body.substring(0, signLength) + "0".repeat(missing) + body.substring(signLength);
    }
    return " ".repeat(missing) + body;
  }

  private static BigInteger integerOf(@Nullable Object arg, char conversion) {
    if (Py.isIntegral(arg)) {
      return Py.bigInteger(arg);
    }
    if (Py.isNumeric(arg)) {
      double d = Py.doubleValue(arg);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new JinjaRuntimeException(
            "cannot convert float %s to integer".formatted(Values.formatFloat(d)));
      }
      return new BigDecimal(d).toBigInteger();
    }
    throw new JinjaRuntimeException(
        "%%%s format: a real number is required, not %s"
            .formatted(String.valueOf(conversion), Py.typeName(arg)));
  }

  private static double floatOf(@Nullable Object arg, char conversion) {
    if (Py.isNumeric(arg)) {
      return Py.doubleValue(arg);
    }
    throw new JinjaRuntimeException(
        "%%%s format: a real number is required, not %s"
            .formatted(String.valueOf(conversion), Py.typeName(arg)));
  }

  /** {@code %.Nf} with Python's exact rounding of the binary value (half to even on ties). */
  static String fixed(double value, int precision) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    String text = new BigDecimal(value).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
    if (Double.doubleToRawLongBits(value) < 0 && !text.startsWith("-")) {
      text = "-" + text;
    }
    return text;
  }

  private static String exponent(double value, int precision) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0.0) {
      String zeros = precision > 0 ? "." + "0".repeat(precision) : "";
      return (Double.doubleToRawLongBits(value) < 0 ? "-0" : "0") + zeros + "e+00";
    }
    BigDecimal rounded =
        new BigDecimal(value).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    BigDecimal mantissa =
        rounded.movePointLeft(exponent).setScale(precision, RoundingMode.HALF_EVEN);
    String exp = String.valueOf(Math.abs(exponent));
    return mantissa.toPlainString()
        + "e"
        + (exponent < 0 ? "-" : "+")
        + (exp.length() < 2 ? "0" + exp : exp);
  }
}
