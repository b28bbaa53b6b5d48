package io.github.qtogglemqtt.core.filter.expression;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The parser of spec 5.1: recursive on substrings of the whole text, so every error position is a
 * 1-based character (code point) position in the text as written.
 */
final class Parser {
  static final String EMPTY = "empty";
  static final String UNKNOWN_FUNCTION = "unknown-function";
  static final String INVALID_NUMBER_OF_ARGUMENTS = "invalid-number-of-arguments";
  static final String INVALID_ARGUMENT_KIND = "invalid-argument-kind";
  static final String UNBALANCED_PARENTHESES = "unbalanced-parentheses";
  static final String UNEXPECTED_END = "unexpected-end";
  static final String UNEXPECTED_CHARACTER = "unexpected-character";
  static final String MISSING_ATTR_PREFIX = "missing-attr-prefix";

  /** Not in the original (whose recursion limit crashed it): calls nested deeper than this. */
  static final String TOO_DEEP = "too-deeply-nested";

  static final int MAX_DEPTH = 64;

  private final String text;

  private Parser(String text) {
    this.text = text;
  }

  static Node parse(String text) {
    return new Parser(text).parse(0, text.length(), 0);
  }

  private Node parse(int start, int end, int depth) {
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    if (start == end) {
      throw new ExpressionSyntaxException(EMPTY, null, 0, "the expression is empty");
    }
    char first = text.charAt(start);
    if (first == '$' || first == '@') {
      return parsePort(start, end);
    }
    if (first == '#') {
      return parseDevice(start, end);
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '(' || c == ')') {
        return parseCall(start, end, depth);
      }
    }
    return parseLiteral(start, end);
  }

  private Node parseCall(int start, int end, int depth) {
    int open = -1;
    int close = -1;
    int lastSeparator = -1;
    int level = 0;
    List<int[]> ranges = new ArrayList<>();
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '(') {
        if (open < 0) {
          open = i;
        } else if (level == 0) {
          throw unexpectedCharacter(i);
        }
        level++;
      } else if (c == ')') {
        if (level == 0 || (level == 1 && close >= 0)) {
          throw new ExpressionSyntaxException(
              UNBALANCED_PARENTHESES, null, position(i), "unbalanced parentheses");
        }
        if (level == 1) {
          close = i;
        }
        level--;
      } else if (c == ',' && level == 1) {
        int argStart = (lastSeparator >= 0 ? lastSeparator : open) + 1;
        if (isBlank(argStart, i)) {
          throw unexpectedCharacter(i);
        }
        ranges.add(new int[] {argStart, i});
        lastSeparator = i;
      } else if (open >= 0 && level == 0 && !isSpace(c)) {
        throw unexpectedCharacter(i);
      }
    }
    if (open < 0 || close < 0 || level != 0) {
      throw new ExpressionSyntaxException(
          UNEXPECTED_END, null, 0, "the expression ends before its parentheses are closed");
    }
    if (close - open > 1) {
      int argStart = (lastSeparator >= 0 ? lastSeparator : open) + 1;
      if (isBlank(argStart, close)) {
        throw unexpectedCharacter(close);
      }
      ranges.add(new int[] {argStart, close});
    }

    int nameEnd = open;
    while (nameEnd > start && isSpace(text.charAt(nameEnd - 1))) {
      nameEnd--;
    }
    for (int i = start; i < nameEnd; i++) {
      char c = text.charAt(i);
      if (!isWordChar(c)) {
        throw unexpectedCharacter(i);
      }
    }
    String name = text.substring(start, nameEnd);
    Functions.Spec spec = Functions.lookup(name);
    if (spec == null) {
      throw new ExpressionSyntaxException(
          UNKNOWN_FUNCTION, name, position(start), "unknown function \"%s\"".formatted(name));
    }
    int count = ranges.size();
    if (count < spec.min() || count > spec.max()) {
      throw new ExpressionSyntaxException(
          INVALID_NUMBER_OF_ARGUMENTS,
          name,
          position(start),
          "invalid number of arguments for function \"%s\": %d, expected %s"
              .formatted(name, count, arity(spec)));
    }
    if (count > 0 && depth + 1 >= MAX_DEPTH) {
      throw new ExpressionSyntaxException(
          TOO_DEEP,
          name,
          position(start),
          "function calls are nested more than %d deep".formatted(MAX_DEPTH));
    }
    List<Node> args = new ArrayList<>(count);
    for (int[] range : ranges) {
      args.add(parse(range[0], range[1], depth + 1));
    }
    for (int i = 0; i < count; i++) {
      if (args.get(i) instanceof Node.PortRef) {
        int argStart = ranges.get(i)[0];
        while (isSpace(text.charAt(argStart))) {
          argStart++;
        }
        throw new ExpressionSyntaxException(
            INVALID_ARGUMENT_KIND,
            name,
            position(argStart),
            i + 1,
            "invalid kind of argument %d of function \"%s\": a port reference (@) is not a value"
                .formatted(i + 1, name));
      }
    }
    return new Node.Call(name, spec.factory().get(), List.copyOf(args));
  }

  private static String arity(Functions.Spec spec) {
    if (spec.min() == spec.max()) {
      return Integer.toString(spec.min());
    }
    if (spec.max() == Functions.UNBOUNDED) {
      return "at least " + spec.min();
    }
    return "%d to %d".formatted(spec.min(), spec.max());
  }

  private Node parsePort(int start, int end) {
    char prefix = text.charAt(start);
    if (end == start + 1) {
      return prefix == '$' ? new Node.PortValue(null) : new Node.PortRef(null);
    }
    int colon = text.indexOf(':', start + 1);
    if (colon >= 0 && colon < end) {
      checkChars(start + 1, colon, true);
      checkChars(colon + 1, end, false);
      if (prefix != '$') {
        throw unexpectedCharacter(start);
      }
      return new Node.PortAttr(text.substring(start + 1, colon), text.substring(colon + 1, end));
    }
    checkChars(start + 1, end, true);
    String id = text.substring(start + 1, end);
    return prefix == '$' ? new Node.PortValue(id) : new Node.PortRef(id);
  }

  private Node parseDevice(int start, int end) {
    int colon = text.indexOf(':', start + 1);
    if (colon < 0 || colon >= end) {
      throw new ExpressionSyntaxException(
          MISSING_ATTR_PREFIX,
          null,
          position(end),
          "a device attribute reference needs \"#:attr\" or \"#device:attr\"");
    }
    checkChars(start + 1, colon, false);
    String device = text.substring(start + 1, colon);
    return new Node.DeviceAttr(device.isEmpty() ? null : device, text.substring(colon + 1, end));
  }

  /** Ids: {@code [A-Za-z0-9_.-]}; attribute and device names: {@code [A-Za-z0-9_-]}. */
  private void checkChars(int from, int to, boolean dotAllowed) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!(isWordChar(c) || c == '-' || (dotAllowed && c == '.'))) {
        throw unexpectedCharacter(i);
      }
    }
  }

  private Node parseLiteral(int start, int end) {
    String s = text.substring(start, end);
    switch (s) {
      case "true" -> {
        return new Node.Literal(1L, s);
      }
      case "false" -> {
        return new Node.Literal(0L, s);
      }
      case "unavailable" -> {
        return new Node.Unavailable();
      }
      default -> {}
    }
    String integer = NumberSyntax.pythonInt(s);
    if (integer != null) {
      BigInteger value = new BigInteger(integer);
      return value.bitLength() < 64
          ? new Node.Literal(value.longValue(), s)
          : new Node.BigLiteral(s);
    }
    Double number = NumberSyntax.pythonFloat(s);
    if (number != null) {
      return new Node.Literal(number, s);
    }
    // where a number written as -?\d+(\.?\d+)? stops, or the first character
    int i = 0;
    int n = s.length();
    if (i < n && s.charAt(i) == '-') {
      i++;
    }
    int digits = NumberSyntax.skipDigits(s, i);
    if (digits == i) {
      throw unexpectedCharacter(start);
    }
    i = digits;
    if (i < n && s.charAt(i) == '.') {
      int more = NumberSyntax.skipDigits(s, i + 1);
      if (more > i + 1) {
        i = more;
      }
    }
    return failAt(start, i, end);
  }

  private Node failAt(int start, int offset, int end) {
    int index = Math.min(start + offset, end - 1);
    throw unexpectedCharacter(index);
  }

  private ExpressionSyntaxException unexpectedCharacter(int index) {
    int cp = text.codePointAt(index);
    String token = Character.toString(cp);
    return new ExpressionSyntaxException(
        UNEXPECTED_CHARACTER,
        token,
        position(index),
        "unexpected character \"%s\"".formatted(token));
  }

  /** The 1-based code point position of a char index. */
  private int position(int index) {
    return text.codePointCount(0, index) + 1;
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** Python's {@code str.isspace()} for one character. */
  static boolean isSpace(char c) {
    return switch (c) {
      case '\t',
          '\n',
          '\u000b',
          '\f',
          '\r',
          '\u001c',
          '\u001d',
          '\u001e',
          '\u001f',
          ' ',
          '\u0085',
          '\u00a0',
          '\u1680',
          '\u2028',
          '\u2029',
          '\u202f',
          '\u205f',
          '\u3000' ->
          true;
      default -> c >= '\u2000' && c <= '\u200a';
    };
  }
}
