package io.github.qtogglemqtt.core.filter.expression;

import org.jspecify.annotations.Nullable;

/**
 * Python's {@code int()} and {@code float()} literal syntax (spec 5.1): an optional sign, decimal
 * digits (any Unicode decimal digit, as Python accepts) with single underscores between digits, a
 * fraction and an exponent for floats, and the words {@code inf}, {@code infinity}, {@code nan} in
 * any ASCII case.
 */
final class NumberSyntax {
  private NumberSyntax() {}

  /** The integer as an ASCII decimal string with an optional {@code -}, or null if not an int. */
  static @Nullable String pythonInt(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      if (s.charAt(i) == '-') {
        out.append('-');
      }
      i++;
    }
    int end = digitPart(s, i, out);
    return end > i && end == s.length() ? out.toString() : null;
  }

  /** The float value, or null if {@code s} is not Python float syntax. */
  static @Nullable Double pythonFloat(String s) {
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    String word = asciiLower(s.substring(i));
    if (word.equals("inf") || word.equals("infinity")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    if (word.equals("nan")) {
      return Double.NaN;
    }
    StringBuilder out = new StringBuilder(s.length() + 2);
    if (negative) {
      out.append('-');
    }
    int intEnd = digitPart(s, i, out);
    boolean hasInt = intEnd > i;
    i = intEnd;
    boolean hasFraction = false;
    if (i < s.length() && s.charAt(i) == '.') {
      out.append('.');
      int fractionEnd = digitPart(s, i + 1, out);
      hasFraction = fractionEnd > i + 1;
      i = fractionEnd;
    }
    if (!hasInt && !hasFraction) {
      return null;
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      out.append('e');
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        out.append(s.charAt(i));
        i++;
      }
      int exponentEnd = digitPart(s, i, out);
      if (exponentEnd == i) {
        return null;
      }
      i = exponentEnd;
    }
    if (i != s.length()) {
      return null;
    }
    return Double.parseDouble(out.toString());
  }

  /**
   * Reads {@code digit (_? digit)*} from {@code from}, appending ASCII digits to {@code out};
   * returns the index after it ({@code from} when there is none). A trailing or doubled underscore
   * ends the part before the underscore.
   */
  private static int digitPart(String s, int from, StringBuilder out) {
    int i = from;
    int mark = out.length();
    int end = from;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
        out.append((char) ('0' + Character.digit(cp, 10)));
        i += Character.charCount(cp);
        end = i;
        mark = out.length();
      } else if (cp == '_' && end == i && i > from) {
        int next = i + 1;
        if (next < s.length()
            && Character.getType(s.codePointAt(next)) == Character.DECIMAL_DIGIT_NUMBER) {
          i = next;
        } else {
          break;
        }
      } else {
        break;
      }
    }
    out.setLength(mark);
    return end;
  }

  /** The index after the decimal digits at {@code from} (no underscores), as regex {@code \d+}. */
  static int skipDigits(String s, int from) {
    int i = from;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (Character.getType(cp) != Character.DECIMAL_DIGIT_NUMBER) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  private static String asciiLower(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return out.toString();
  }
}
