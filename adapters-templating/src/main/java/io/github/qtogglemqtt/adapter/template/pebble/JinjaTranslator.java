package io.github.qtogglemqtt.adapter.template.pebble;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Jinja2 template and writes the Pebble template that {@link JinjaExtension} renders the
 * way Jinja2 renders the original.
 *
 * <p>Why a translation: Pebble's lexer and parser cannot be replaced, and its syntax differs from
 * Jinja2's in places no configuration reaches (keywords {@code if}/{@code else} inside expressions,
 * {@code a.b} vs {@code a['b']}, string escapes, {@code None}, {@code not in}, ...). So this class
 * tokenizes the Jinja2 source (with line and column, for errors) and rewrites every operator into
 * one of the extension's own operators ({@code @and}, {@code @if}, {@code @k}, ...); text, line
 * breaks and whitespace-control markers are kept, so Pebble's line numbers are the source's.
 * Pebble's own operators, tags, filters and tests are never reached. Syntax that Jinja2 accepts but
 * this engine does not support fails here, at compile time, with its position.
 */
final class JinjaTranslator {
  static final String DUMMY = "__q_u";
  static final String NONE_NAME = "__q_none";
  static final String DICT_FUNCTION = "__q_dict";

  /** Names Pebble's parser turns into literals; as Jinja2 variables they need another route. */
  private static final Set<String> PEBBLE_LITERALS =
      Set.of("true", "false", "none", "null", "TRUE", "FALSE", "NONE", "NULL");

  private static final Set<String> FUNCTIONS = Set.of("range");

  private static final Set<String> JINJA_TAGS =
      Set.of(
          "macro",
          "endmacro",
          "call",
          "endcall",
          "block",
          "endblock",
          "extends",
          "include",
          "import",
          "from",
          "filter",
          "endfilter",
          "with",
          "endwith",
          "autoescape",
          "endautoescape",
          "break",
          "continue",
          "do",
          "trans",
          "endtrans",
          "endset");

  private static final String[] OPERATORS = {
    "//", "**", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{", "}",
    ">", "<", "=", ".", ":", "|", ",", ";"
  };

  private final String source;
  private final int[] lineStarts;
  private final StringBuilder out = new StringBuilder();
  private final Deque<Block> blocks = new ArrayDeque<>();

  private JinjaTranslator(String source) {
    this.source = source;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < source.length(); i++) {
      if (source.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The Pebble source for a Jinja2 source. */
  static String translate(String jinja) {
    String normalized = jinja.replace("\r\n", "\n").replace('\r', '\n');
    if (normalized.endsWith("\n")) {
      // Jinja2's keep_trailing_newline=False.
      normalized = normalized.substring(0, normalized.length() - 1);
    }
    JinjaTranslator translator = new JinjaTranslator(normalized);
    translator.run();
    return translator.out.toString();
  }

  private static final class Block {
    private final String tag;
    private final int position;
    private boolean sawElse;

    Block(String tag, int position) {
      this.tag = tag;
      this.position = position;
    }

    String tag() {
      return tag;
    }

    int position() {
      return position;
    }
  }

  private enum Kind {
    NAME,
    INT,
    FLOAT,
    STRING,
    OP
  }

  private record Tok(Kind kind, String text, @Nullable Object value, int position, int end) {
    boolean is(String op) {
      return kind == Kind.OP && text.equals(op);
    }

    boolean isName(String name) {
      return kind == Kind.NAME && text.equals(name);
    }
  }

  int line(int position) {
    int index = Arrays.binarySearch(lineStarts, position);
    return index >= 0 ? index + 1 : -index - 1;
  }

  int column(int position) {
    return position - lineStarts[line(position) - 1] + 1;
  }

  private JinjaSyntaxException error(int position, String message) {
    return new JinjaSyntaxException(message, line(position), column(position));
  }

  // ---- the template level ----

  private void run() {
    int i = 0;
    while (i < source.length()) {
      int open = nextOpening(i);
      if (open < 0) {
        out.append(source, i, source.length());
        break;
      }
      out.append(source, i, open);
      char kind = source.charAt(open + 1);
      if (kind == '#') {
        int close = source.indexOf("#}", open + 2);
        if (close < 0) {
          throw error(open, "missing end of comment tag");
        }
        out.append(source, open, close + 2);
        i = close + 2;
      } else if (kind == '{') {
        i = tag(open, true);
      } else {
        i = rawBlock(open);
        if (i < 0) {
          i = tag(open, false);
        }
      }
    }
    if (!blocks.isEmpty()) {
      Block block = blocks.peek();
      throw error(
          block.position(),
          "unexpected end of template: the '%s' tag is not closed (expected '%s')"
              .formatted(block.tag(), "end" + block.tag()));
    }
  }

  private int nextOpening(int from) {
    int i = source.indexOf('{', from);
    while (i >= 0 && i + 1 < source.length()) {
      char next = source.charAt(i + 1);
      if (next == '{' || next == '%' || next == '#') {
        return i;
      }
      i = source.indexOf('{', i + 1);
    }
    return -1;
  }

  /** {@code {% raw %}...{% endraw %}}: copied as Pebble's verbatim block; -1 if not a raw tag. */
  private int rawBlock(int open) {
    java.util.regex.Matcher start =
        java.util.regex.Pattern.compile("\\{%(-?)\\s*raw\\s*(-?)%}").matcher(source);
    if (!start.find(open) || start.start() != open) {
      return -1;
    }
    java.util.regex.Matcher end =
        java.util.regex.Pattern.compile("\\{%(-?)\\s*endraw\\s*(-?)%}").matcher(source);
    if (!end.find(start.end())) {
      throw error(open, "missing end of raw directive");
    }
    out.append("{%")
        .append(start.group(1))
        .append(" verbatim ")
        .append(start.group(2))
        .append("%}")
        .append(source, start.end(), end.start())
        .append("{%")
        .append(end.group(1))
        .append(" endverbatim ")
        .append(end.group(2))
        .append("%}");
    return end.end();
  }

  /** One {@code {{ ... }}} or {@code {% ... %}}; returns the index after it. */
  private int tag(int open, boolean print) {
    int i = open + 2;
    String opening = print ? "{{" : "{%";
    if (i < source.length() && (source.charAt(i) == '-' || source.charAt(i) == '+')) {
      if (source.charAt(i) == '-') {
        opening += "-";
      }
      i++;
    }
    List<Tok> tokens = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    Deque<String> openBrackets = new ArrayDeque<>();
    int depth = 0;
    while (true) {
      int wsStart = i;
      while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
        i++;
      }
      String gap = source.substring(wsStart, i);
      if (i >= source.length()) {
        throw error(open, "unexpected end of template: the tag opened here is not closed");
      }
      String closing = print ? "}}" : "%}";
      if (depth == 0 && source.startsWith("-" + closing, i)) {
        emitTag(opening, tokens, gaps, gap, "-" + closing, print, open, i);
        return i + 3;
      }
      if (depth == 0 && source.startsWith(closing, i)) {
        emitTag(opening, tokens, gaps, gap, closing, print, open, i);
        return i + 2;
      }
      Tok token = lex(i);
      if (token.is("(") || token.is("[") || token.is("{")) {
        openBrackets.push(token.text());
      } else if (token.is(")") || token.is("]") || token.is("}")) {
        String expected = openBrackets.isEmpty() ? null : closingOf(openBrackets.peek());
        if (!token.text().equals(expected)) {
          throw error(
              token.position(),
              expected == null
                  ? "unexpected '%s'".formatted(token.text())
                  : "unexpected '%s', expected '%s'".formatted(token.text(), expected));
        }
        openBrackets.pop();
      }
      depth = openBrackets.size();
      gaps.add(gap);
      tokens.add(token);
      i = token.end();
    }
  }

  private static String closingOf(String bracket) {
    return switch (bracket) {
      case "(" -> ")";
      case "[" -> "]";
      default -> "}";
    };
  }

  private Tok lex(int i) {
    char c = source.charAt(i);
    if (Character.isLetter(c) || c == '_') {
      int end = i + 1;
      while (end < source.length()
          && (Character.isLetterOrDigit(source.charAt(end)) || source.charAt(end) == '_')) {
        end++;
      }
      return new Tok(Kind.NAME, source.substring(i, end), null, i, end);
    }
    if (Character.isDigit(c)) {
      return number(i);
    }
    if (c == '\'' || c == '"') {
      return string(i, c);
    }
    for (String op : OPERATORS) {
      if (source.startsWith(op, i)) {
        return new Tok(Kind.OP, op, null, i, i + op.length());
      }
    }
    throw error(i, "unexpected char '%s'".formatted(String.valueOf(c)));
  }

  private Tok number(int i) {
    int end = digits(i);
    boolean isFloat = false;
    if (end + 1 < source.length()
        && source.charAt(end) == '.'
        && Character.isDigit(source.charAt(end + 1))) {
      end = digits(end + 1);
      isFloat = true;
    }
    if (end < source.length() && (source.charAt(end) == 'e' || source.charAt(end) == 'E')) {
      int exp = end + 1;
      if (exp < source.length() && (source.charAt(exp) == '+' || source.charAt(exp) == '-')) {
        exp++;
      }
      if (exp < source.length() && Character.isDigit(source.charAt(exp))) {
        end = digits(exp);
        isFloat = true;
      }
    }
    String text = source.substring(i, end).replace("_", "");
    if (isFloat) {
      return new Tok(Kind.FLOAT, text, Double.parseDouble(text), i, end);
    }
    return new Tok(Kind.INT, text, new BigInteger(text), i, end);
  }

  private int digits(int i) {
    int end = i;
    while (end < source.length()
        && (Character.isDigit(source.charAt(end))
            || (source.charAt(end) == '_'
                && end + 1 < source.length()
                && Character.isDigit(source.charAt(end + 1))))) {
      end++;
    }
    return end;
  }

  private Tok string(int start, char quote) {
    StringBuilder value = new StringBuilder();
    int i = start + 1;
    while (true) {
      if (i >= source.length()) {
        throw error(start, "unexpected end of string");
      }
      char c = source.charAt(i);
      if (c == quote) {
        return new Tok(Kind.STRING, source.substring(start, i + 1), value.toString(), start, i + 1);
      }
      if (c == '\\' && i + 1 < source.length()) {
        i = escape(value, i + 1);
        continue;
      }
      value.append(c);
      i++;
    }
  }

  /** Python's string escapes (Jinja2 decodes them with unicode-escape). */
  private int escape(StringBuilder value, int i) {
    char c = source.charAt(i);
    switch (c) {
      case 'n' -> value.append('\n');
      case 't' -> value.append('\t');
      case 'r' -> value.append('\r');
      case 'b' -> value.append('\b');
      case 'f' -> value.append('\f');
      case 'v' -> value.append('\u000b');
      case 'a' -> value.append('\u0007');
      case '0' -> value.append('\0');
      case '\\', '\'', '"' -> value.append(c);
      case '\n' -> {}
      case 'x', 'u', 'U' -> {
        int width = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        String hex = source.substring(i + 1, Math.min(source.length(), i + 1 + width));
        if (hex.length() != width || !hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
          throw error(i - 1, "truncated \\%s escape".formatted(String.valueOf(c)));
        }
        value.appendCodePoint(Integer.parseInt(hex, 16));
        return i + 1 + width;
      }
      default -> value.append('\\').append(c);
    }
    return i + 1;
  }

  // ---- tags ----

  private void emitTag(
      String opening,
      List<Tok> tokens,
      List<String> gaps,
      String lastGap,
      String closing,
      boolean print,
      int open,
      int closePosition) {
    out.append(opening);
    if (print) {
      if (tokens.isEmpty()) {
        throw error(closePosition, "expected an expression, got end of print statement");
      }
      expression(tokens, gaps, 0, tokens.size(), closePosition, false);
    } else {
      statement(tokens, gaps, open, closePosition);
    }
    out.append(lastGap.isEmpty() ? " " : lastGap).append(closing);
  }

  private void statement(List<Tok> tokens, List<String> gaps, int open, int closePosition) {
    if (tokens.isEmpty() || tokens.getFirst().kind() != Kind.NAME) {
      throw error(
          tokens.isEmpty() ? closePosition : tokens.getFirst().position(), "tag name expected");
    }
    Tok tag = tokens.getFirst();
    String name = tag.text();
    out.append(gaps.getFirst().isEmpty() ? " " : gaps.getFirst()).append(name);
    switch (name) {
      case "if" -> {
        requireExpression(tokens, tag, closePosition);
        blocks.push(new Block("if", tag.position()));
        expression(tokens, gaps, 1, tokens.size(), closePosition, false);
      }
      case "elif" -> {
        requireOpen(tag, "if", false);
        if (blocks.peek().sawElse) {
          throw error(tag.position(), "unexpected 'elif' after 'else'");
        }
        requireExpression(tokens, tag, closePosition);
        expression(tokens, gaps, 1, tokens.size(), closePosition, false);
      }
      case "else" -> {
        if (blocks.isEmpty()
            || !(blocks.peek().tag().equals("if") || blocks.peek().tag().equals("for"))) {
          throw error(tag.position(), "unexpected 'else': no open 'if' or 'for' tag");
        }
        if (blocks.peek().sawElse) {
          throw error(tag.position(), "unexpected second 'else'");
        }
        blocks.peek().sawElse = true;
        nothingAfter(tokens);
      }
      case "endif", "endfor" -> {
        requireOpen(tag, name.substring(3), true);
        nothingAfter(tokens);
      }
      case "for" -> {
        blocks.push(new Block("for", tag.position()));
        forTag(tokens, gaps, closePosition);
      }
      case "set" -> setTag(tokens, gaps, closePosition);
      default -> {
        if (JINJA_TAGS.contains(name)) {
          throw error(
              tag.position(),
              "the '%s' tag is not supported by this template engine".formatted(name));
        }
        throw error(tag.position(), "encountered unknown tag '%s'".formatted(name));
      }
    }
  }

  private void requireExpression(List<Tok> tokens, Tok tag, int closePosition) {
    if (tokens.size() < 2) {
      throw error(closePosition, "expected an expression after '%s'".formatted(tag.text()));
    }
  }

  private void requireOpen(Tok tag, String expected, boolean close) {
    if (blocks.isEmpty() || !blocks.peek().tag().equals(expected)) {
      throw error(
          tag.position(),
          "unexpected '%s'%s"
              .formatted(
                  tag.text(),
                  blocks.isEmpty()
                      ? ""
                      : " (the innermost open tag is '%s')".formatted(blocks.peek().tag())));
    }
    if (close) {
      blocks.pop();
    }
  }

  private void nothingAfter(List<Tok> tokens) {
    if (tokens.size() > 1) {
      throw error(tokens.get(1).position(), "expected end of statement block");
    }
  }

  private void forTag(List<Tok> tokens, List<String> gaps, int closePosition) {
    int i = 1;
    while (true) {
      if (i >= tokens.size() || tokens.get(i).kind() != Kind.NAME) {
        throw error(
            i < tokens.size() ? tokens.get(i).position() : closePosition,
            "expected a loop variable name");
      }
      out.append(gaps.get(i)).append(tokens.get(i).text());
      i++;
      if (i < tokens.size() && tokens.get(i).is(",")) {
        out.append(gaps.get(i)).append(',');
        i++;
        continue;
      }
      break;
    }
    if (i >= tokens.size() || !tokens.get(i).isName("in")) {
      throw error(i < tokens.size() ? tokens.get(i).position() : closePosition, "expected 'in'");
    }
    out.append(gaps.get(i)).append(" in");
    i++;
    int end = tokens.size();
    int depth = 0;
    for (int j = i; j < tokens.size(); j++) {
      Tok t = tokens.get(j);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        depth--;
      } else if (depth == 0
          && (t.isName("recursive") || (t.isName("if") && !hasElseAfter(tokens, j)))) {
        throw error(
            t.position(),
            "'%s' in a for loop is not supported by this template engine".formatted(t.text()));
      }
    }
    if (i >= end) {
      throw error(closePosition, "expected an expression after 'in'");
    }
    expression(tokens, gaps, i, end, closePosition, false);
  }

  private static boolean hasElseAfter(List<Tok> tokens, int from) {
    for (int j = from + 1; j < tokens.size(); j++) {
      if (tokens.get(j).isName("else")) {
        return true;
      }
    }
    return false;
  }

  private void setTag(List<Tok> tokens, List<String> gaps, int closePosition) {
    if (tokens.size() < 2 || tokens.get(1).kind() != Kind.NAME) {
      throw error(
          tokens.size() < 2 ? closePosition : tokens.get(1).position(), "expected a variable name");
    }
    if (tokens.size() < 3 || !tokens.get(2).is("=")) {
      throw error(
          tokens.size() < 3 ? closePosition : tokens.get(2).position(),
          tokens.size() < 3
              ? "block assignments ({% set x %}...{% endset %}) are not supported by this template engine"
              : "expected '=' (assigning several names at once is not supported by this template engine)");
    }
    String name = tokens.get(1).text();
    if (PEBBLE_LITERALS.contains(name) || name.startsWith("__q")) {
      throw error(tokens.get(1).position(), "cannot assign to '%s'".formatted(name));
    }
    out.append(gaps.get(1)).append(name).append(gaps.get(2)).append(" =");
    if (tokens.size() < 4) {
      throw error(closePosition, "expected an expression after '='");
    }
    expression(tokens, gaps, 3, tokens.size(), closePosition, false);
  }

  // ---- expressions ----

  private enum Bracket {
    GROUP,
    CALL,
    TUPLE,
    SUBSCRIPT,
    LIST,
    DICT
  }

  private void expression(
      List<Tok> tokens, List<String> gaps, int from, int to, int endPosition, boolean unused) {
    Deque<Bracket> brackets = new ArrayDeque<>();
    Deque<Integer> bracketPositions = new ArrayDeque<>();
    Deque<int[]> pendingIfs = new ArrayDeque<>();
    pendingIfs.push(new int[] {0});
    boolean operand = false;
    boolean callable = false;
    int i = from;
    while (i < to) {
      Tok t = tokens.get(i);
      String gap = gaps.get(i).isEmpty() ? " " : gaps.get(i);
      out.append(gap);
      boolean wasCallable = callable;
      callable = false;
      switch (t.kind()) {
        case NAME -> {
          String name = t.text();
          switch (name) {
            case "and", "or" -> {
              expectOperand(operand, t);
              out.append('@').append(name).append(' ');
              operand = false;
            }
            case "not" -> {
              if (operand && i + 1 < to && tokens.get(i + 1).isName("in")) {
                out.append("@notin ");
                i++;
              } else {
                expectNoOperand(operand, t);
                out.append(DUMMY).append(" @not ");
              }
              operand = false;
            }
            case "in" -> {
              expectOperand(operand, t);
              out.append("@in ");
              operand = false;
            }
            case "if" -> {
              expectOperand(operand, t);
              pendingIfs.peek()[0]++;
              out.append("@if ");
              operand = false;
            }
            case "else" -> {
              expectOperand(operand, t);
              if (pendingIfs.peek()[0] == 0) {
                throw error(t.position(), "unexpected 'else'");
              }
              pendingIfs.peek()[0]--;
              out.append("@else ");
              operand = false;
            }
            case "is" -> {
              expectOperand(operand, t);
              boolean negated = i + 1 < to && tokens.get(i + 1).isName("not");
              if (negated) {
                i++;
              }
              i++;
              if (i >= to || tokens.get(i).kind() != Kind.NAME) {
                throw error(
                    i < to ? tokens.get(i).position() : endPosition, "expected a test name");
              }
              Tok test = tokens.get(i);
              if (!JinjaTests.NAMES.contains(test.text())) {
                throw error(test.position(), "no test named '%s'".formatted(test.text()));
              }
              out.append(negated ? "@isnot " : "@is ").append(test.text());
              if (i + 1 < to) {
                Tok after = tokens.get(i + 1);
                if (after.kind() == Kind.INT
                    || after.kind() == Kind.FLOAT
                    || after.kind() == Kind.STRING
                    || (after.kind() == Kind.NAME && !isKeyword(after.text()))) {
                  throw error(
                      after.position(),
                      "test arguments without parentheses are not supported by this template"
                          + " engine: write '%s(...)'".formatted(test.text()));
                }
              }
              operand = true;
              callable = true;
            }
            case "true", "True" -> {
              expectNoOperand(operand, t);
              out.append("true");
              operand = true;
            }
            case "false", "False" -> {
              expectNoOperand(operand, t);
              out.append("false");
              operand = true;
            }
            case "none", "None" -> {
              expectNoOperand(operand, t);
              out.append(NONE_NAME);
              operand = true;
            }
            default -> {
              expectNoOperand(operand, t);
              boolean call = i + 1 < to && tokens.get(i + 1).is("(");
              if (call) {
                if (!FUNCTIONS.contains(name)) {
                  throw error(
                      t.position(),
                      "unknown function '%s' (this template engine offers: %s)"
                          .formatted(name, String.join(", ", FUNCTIONS)));
                }
                out.append(name);
                callable = true;
              } else if (PEBBLE_LITERALS.contains(name) || name.startsWith("__q")) {
                out.append("( ").append(DUMMY).append(" @var ").append(quote(name)).append(" )");
              } else {
                out.append(name);
              }
              operand = true;
            }
          }
        }
        case INT -> {
          expectNoOperand(operand, t);
          BigInteger value = (BigInteger) t.value();
          if (value.bitLength() >= 64) {
            throw error(t.position(), "integer literal too large for this template engine");
          }
          out.append(value);
          operand = true;
        }
        case FLOAT -> {
          expectNoOperand(operand, t);
          out.append(plainDecimal((Double) t.value()));
          operand = true;
        }
        case STRING -> {
          expectNoOperand(operand, t);
          out.append(stringLiteral((String) t.value()));
          operand = true;
        }
        case OP -> {
          switch (t.text()) {
            case "(" -> {
              bracketPositions.push(t.position());
              pendingIfs.push(new int[] {0});
              if (operand) {
                if (!wasCallable) {
                  throw error(
                      t.position(),
                      "calling the result of an expression is not supported by this template engine");
                }
                brackets.push(Bracket.CALL);
                out.append('(');
              } else if (hasTopLevelComma(tokens, i, to)
                  || (i + 1 < to && tokens.get(i + 1).is(")"))) {
                brackets.push(Bracket.TUPLE);
                // Parenthesized: Pebble reads no subscript after a bare list literal.
                out.append("([");
              } else {
                brackets.push(Bracket.GROUP);
                out.append('(');
              }
              operand = false;
            }
            case ")" -> {
              Bracket b =
                  close(brackets, bracketPositions, t, Bracket.GROUP, Bracket.CALL, Bracket.TUPLE);
              pendingIfs.pop();
              if (b != Bracket.CALL && b != Bracket.TUPLE) {
                expectOperand(operand, t);
              }
              out.append(b == Bracket.TUPLE ? "])" : ")");
              operand = true;
            }
            case "[" -> {
              bracketPositions.push(t.position());
              pendingIfs.push(new int[] {0});
              if (operand) {
                if (hasTopLevel(tokens, i, to, ":")) {
                  throw error(t.position(), "slices are not supported by this template engine");
                }
                brackets.push(Bracket.SUBSCRIPT);
                out.append("[ ").append(DUMMY).append(" @k ");
              } else {
                brackets.push(Bracket.LIST);
                out.append("([");
              }
              operand = false;
            }
            case "]" -> {
              Bracket b = close(brackets, bracketPositions, t, Bracket.SUBSCRIPT, Bracket.LIST);
              pendingIfs.pop();
              if (b == Bracket.SUBSCRIPT) {
                expectOperand(operand, t);
              }
              out.append(b == Bracket.LIST ? "])" : "]");
              operand = true;
            }
            case "{" -> {
              expectNoOperand(operand, t);
              bracketPositions.push(t.position());
              pendingIfs.push(new int[] {0});
              brackets.push(Bracket.DICT);
              // Pebble's map literal is a HashMap; Python dicts keep insertion order.
              out.append(DICT_FUNCTION).append('(');
              operand = false;
            }
            case "}" -> {
              close(brackets, bracketPositions, t, Bracket.DICT);
              pendingIfs.pop();
              out.append(')');
              operand = true;
            }
            case "." -> {
              expectOperand(operand, t);
              if (i + 1 >= to) {
                throw error(endPosition, "expected a name after '.'");
              }
              Tok next = tokens.get(i + 1);
              if (next.kind() == Kind.NAME) {
                if (PEBBLE_LITERALS.contains(next.text())) {
                  out.append("[ ")
                      .append(DUMMY)
                      .append(" @attr ")
                      .append(quote(next.text()))
                      .append(" ]");
                } else {
                  out.append('.').append(next.text());
                  callable = true;
                }
              } else if (next.kind() == Kind.INT) {
                out.append("[ ").append(DUMMY).append(" @k ").append(next.value()).append(" ]");
              } else {
                throw error(next.position(), "expected a name after '.'");
              }
              i++;
              operand = true;
            }
            case "|" -> {
              expectOperand(operand, t);
              if (i + 1 >= to || tokens.get(i + 1).kind() != Kind.NAME) {
                throw error(
                    i + 1 < to ? tokens.get(i + 1).position() : endPosition,
                    "expected a filter name");
              }
              Tok filter = tokens.get(i + 1);
              if (!JinjaFilters.NAMES.contains(filter.text())) {
                throw error(filter.position(), "no filter named '%s'".formatted(filter.text()));
              }
              out.append("@f ").append(filter.text());
              i++;
              operand = true;
              callable = true;
            }
            case "+", "-" -> {
              if (operand) {
                out.append(t.text().equals("+") ? "@add " : "@sub ");
              } else {
                out.append(DUMMY).append(t.text().equals("+") ? " @pos " : " @neg ");
              }
              operand = false;
            }
            case "*", "/", "//", "%", "**", "~", "==", "!=", "<", ">", "<=", ">=" -> {
              expectOperand(operand, t);
              out.append(binary(t.text())).append(' ');
              operand = false;
            }
            case "," -> {
              if (brackets.isEmpty()) {
                throw error(
                    t.position(),
                    "tuples without parentheses are not supported by this template engine");
              }
              if (!operand
                  && !(i + 1 < to
                      && (tokens.get(i + 1).is(")")
                          || tokens.get(i + 1).is("]")
                          || tokens.get(i + 1).is("}")))) {
                throw error(t.position(), "unexpected ','");
              }
              out.append(',');
              operand = false;
            }
            case ":" -> {
              if (brackets.isEmpty() || brackets.peek() != Bracket.DICT) {
                throw error(t.position(), "unexpected ':'");
              }
              expectOperand(operand, t);
              out.append(',');
              operand = false;
            }
            case "=" -> {
              if (brackets.isEmpty()
                  || brackets.peek() != Bracket.CALL
                  || i == from
                  || tokens.get(i - 1).kind() != Kind.NAME) {
                throw error(t.position(), "unexpected '='");
              }
              out.append('=');
              operand = false;
            }
            default -> throw error(t.position(), "unexpected '%s'".formatted(t.text()));
          }
        }
      }
      i++;
    }
    if (!brackets.isEmpty()) {
      throw error(
          bracketPositions.peek(), "unexpected end of expression: this bracket is not closed");
    }
    if (!operand) {
      throw error(endPosition, "unexpected end of expression");
    }
  }

  private static boolean isKeyword(String name) {
    return Set.of("and", "or", "not", "in", "is", "if", "else").contains(name);
  }

  private Bracket close(
      Deque<Bracket> brackets, Deque<Integer> positions, Tok t, Bracket... allowed) {
    if (brackets.isEmpty() || !Arrays.asList(allowed).contains(brackets.peek())) {
      throw error(t.position(), "unexpected '%s'".formatted(t.text()));
    }
    positions.pop();
    return brackets.pop();
  }

  private void expectOperand(boolean operand, Tok t) {
    if (!operand) {
      throw error(t.position(), "unexpected '%s'".formatted(t.text()));
    }
  }

  private void expectNoOperand(boolean operand, Tok t) {
    if (operand) {
      throw error(
          t.position(),
          t.kind() == Kind.STRING
              ? "expected an operator before this string"
              : "expected an operator before '%s'".formatted(t.text()));
    }
  }

  private static boolean hasTopLevelComma(List<Tok> tokens, int open, int to) {
    return hasTopLevel(tokens, open, to, ",");
  }

  /** Whether the bracket opened at {@code open} holds {@code op} at its own level. */
  private static boolean hasTopLevel(List<Tok> tokens, int open, int to, String op) {
    int depth = 0;
    for (int j = open; j < to; j++) {
      Tok t = tokens.get(j);
      if (t.is("(") || t.is("[") || t.is("{")) {
        depth++;
      } else if (t.is(")") || t.is("]") || t.is("}")) {
        depth--;
        if (depth == 0) {
          return false;
        }
      } else if (depth == 1 && t.is(op)) {
        return true;
      }
    }
    return false;
  }

  private static String binary(String op) {
    return switch (op) {
      case "*" -> "@mul";
      case "/" -> "@div";
      case "//" -> "@floordiv";
      case "%" -> "@mod";
      case "**" -> "@pow";
      case "~" -> "@cat";
      case "==" -> "@eq";
      case "!=" -> "@ne";
      case "<" -> "@lt";
      case ">" -> "@gt";
      case "<=" -> "@le";
      default -> "@ge";
    };
  }

  private static String plainDecimal(double value) {
    if (Double.isInfinite(value)) {
      return "1" + "0".repeat(309) + ".0";
    }
    String plain = new BigDecimal(Double.toString(value)).toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  /** A Pebble string literal for {@code value}; Pebble keeps backslashes, so some need encoding. */
  static String stringLiteral(String value) {
    boolean plain = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'' || c == '\\' || c == '\n' || c == '\r') {
        plain = false;
        break;
      }
    }
    if (plain) {
      return "'" + value + "'";
    }
    return "( " + DUMMY + " @str " + quote(value) + " )";
  }

  /** Percent-encodes the characters a Pebble single-quoted literal cannot hold. */
  static String quote(String value) {
    StringBuilder encoded = new StringBuilder("'");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '%' -> encoded.append("%25");
        case '\'' -> encoded.append("%27");
        case '\\' -> encoded.append("%5C");
        case '\n' -> encoded.append("%0A");
        case '\r' -> encoded.append("%0D");
        default -> encoded.append(c);
      }
    }
    return encoded.append('\'').toString();
  }

  /** Reverses {@link #quote}. */
  static String unquote(String encoded) {
    if (encoded.indexOf('%') < 0) {
      return encoded;
    }
    StringBuilder value = new StringBuilder(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%' && i + 2 < encoded.length()) {
        value.append((char) Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        value.append(c);
      }
    }
    return value.toString();
  }
}
