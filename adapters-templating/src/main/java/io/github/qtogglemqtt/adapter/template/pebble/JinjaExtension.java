package io.github.qtogglemqtt.adapter.template.pebble;

import io.github.qtogglemqtt.core.model.TemplateObject;
import io.github.qtogglemqtt.core.model.Undefined;
import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.lexer.TokenStream;
import io.pebbletemplates.pebble.node.AbstractRenderableNode;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.NamedArgumentNode;
import io.pebbletemplates.pebble.node.Node;
import io.pebbletemplates.pebble.node.PositionalArgumentNode;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.TestInvocationExpression;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.operator.Associativity;
import io.pebbletemplates.pebble.operator.BinaryOperator;
import io.pebbletemplates.pebble.operator.BinaryOperatorImpl;
import io.pebbletemplates.pebble.operator.BinaryOperatorType;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.template.ScopeChain;
import io.pebbletemplates.pebble.tokenParser.TokenParser;
import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The Pebble extension that gives the translated templates Jinja2's meaning: the operators the
 * {@link JinjaTranslator} writes, the {@code if}/{@code for}/{@code set} tags, {@code range()},
 * Python printing of every {@code {{ }}}, and Jinja2's attribute and item lookup. Pebble's own
 * operators, tags, filters, tests and resolvers are removed by the engine, so nothing of Pebble's
 * semantics leaks into a template.
 */
final class JinjaExtension extends AbstractExtension {

  /** Names of the map methods that {@code a.b} reaches before a key of that name (Python dict). */
  private static final Set<String> DICT_METHODS =
      Set.of(
          "items",
          "keys",
          "values",
          "get",
          "pop",
          "copy",
          "update",
          "clear",
          "setdefault",
          "popitem",
          "fromkeys");

  enum Kind {
    ELSE,
    IF,
    OR,
    AND,
    NOT,
    IN,
    NOT_IN,
    EQ,
    NE,
    LT,
    GT,
    LE,
    GE,
    ADD,
    SUB,
    CAT,
    MUL,
    DIV,
    FLOOR_DIV,
    MOD,
    POW,
    NEG,
    POS,
    FILTER,
    TEST,
    TEST_NOT,
    KEY,
    ATTR,
    VAR,
    STR
  }

  @Override
  public List<BinaryOperator> getBinaryOperators() {
    List<BinaryOperator> operators = new ArrayList<>();
    operators.add(op("@else", 1, Kind.ELSE, Associativity.RIGHT));
    operators.add(op("@if", 2, Kind.IF, Associativity.LEFT));
    operators.add(op("@or", 10, Kind.OR, Associativity.LEFT));
    operators.add(op("@and", 15, Kind.AND, Associativity.LEFT));
    operators.add(op("@not", 17, Kind.NOT, Associativity.RIGHT));
    operators.add(op("@in", 20, Kind.IN, Associativity.LEFT));
    operators.add(op("@notin", 20, Kind.NOT_IN, Associativity.LEFT));
    operators.add(op("@eq", 20, Kind.EQ, Associativity.LEFT));
    operators.add(op("@ne", 20, Kind.NE, Associativity.LEFT));
    operators.add(op("@lt", 20, Kind.LT, Associativity.LEFT));
    operators.add(op("@gt", 20, Kind.GT, Associativity.LEFT));
    operators.add(op("@le", 20, Kind.LE, Associativity.LEFT));
    operators.add(op("@ge", 20, Kind.GE, Associativity.LEFT));
    operators.add(op("@add", 40, Kind.ADD, Associativity.LEFT));
    operators.add(op("@sub", 40, Kind.SUB, Associativity.LEFT));
    operators.add(op("@cat", 45, Kind.CAT, Associativity.LEFT));
    operators.add(op("@mul", 60, Kind.MUL, Associativity.LEFT));
    operators.add(op("@div", 60, Kind.DIV, Associativity.LEFT));
    operators.add(op("@floordiv", 60, Kind.FLOOR_DIV, Associativity.LEFT));
    operators.add(op("@mod", 60, Kind.MOD, Associativity.LEFT));
    operators.add(op("@pow", 70, Kind.POW, Associativity.LEFT));
    operators.add(
        new BinaryOperatorImpl(
            "@f", 75, () -> new Op(Kind.FILTER), BinaryOperatorType.FILTER, Associativity.LEFT));
    operators.add(
        new BinaryOperatorImpl(
            "@is", 75, () -> new Op(Kind.TEST), BinaryOperatorType.TEST, Associativity.LEFT));
    operators.add(
        new BinaryOperatorImpl(
            "@isnot",
            75,
            () -> new Op(Kind.TEST_NOT),
            BinaryOperatorType.TEST,
            Associativity.LEFT));
    operators.add(op("@neg", 80, Kind.NEG, Associativity.RIGHT));
    operators.add(op("@pos", 80, Kind.POS, Associativity.RIGHT));
    operators.add(op("@k", 0, Kind.KEY, Associativity.RIGHT));
    operators.add(op("@attr", 100, Kind.ATTR, Associativity.RIGHT));
    operators.add(op("@var", 100, Kind.VAR, Associativity.RIGHT));
    operators.add(op("@str", 100, Kind.STR, Associativity.RIGHT));
    return operators;
  }

  private static BinaryOperator op(String symbol, int precedence, Kind kind, Associativity assoc) {
    return new BinaryOperatorImpl(
        symbol, precedence, () -> new Op(kind), BinaryOperatorType.NORMAL, assoc);
  }

  @Override
  public List<TokenParser> getTokenParsers() {
    return List.of(new IfParser(), new ForParser(), new SetParser());
  }

  @Override
  public Map<String, Function> getFunctions() {
    return Map.of("range", new RangeFunction(), JinjaTranslator.DICT_FUNCTION, new DictFunction());
  }

  @Override
  public Map<String, Object> getGlobalVariables() {
    Map<String, Object> globals = new HashMap<>();
    globals.put(JinjaTranslator.NONE_NAME, Py.NONE);
    return globals;
  }

  @Override
  public List<NodeVisitorFactory> getNodeVisitors() {
    return List.of(PrintVisitor::new);
  }

  @Override
  public List<AttributeResolver> getAttributeResolver() {
    return List.of(new JinjaResolver());
  }

  // ---- operators ----

  /** A subscript key: {@code a[x]} looks the key up first, {@code a.x} the attribute first. */
  record Key(@Nullable Object value) {}

  /** An attribute name written with the dot form that Pebble cannot parse ({@code a.none}). */
  record AttrName(String name) {}

  /** A method of a built-in type read without calling it; printed as Python prints it. */
  record BoundMethod(String name, String owner) {
    @Override
    public String toString() {
      return "<built-in method %s of %s object>".formatted(name, owner);
    }
  }

  /** Every operator of the translated templates. */
  static final class Op extends BinaryExpression<Object> {
    private final Kind kind;
    private volatile @Nullable String decoded;

    Op(Kind kind) {
      this.kind = kind;
    }

    Kind kind() {
      return kind;
    }

    @Override
    public @Nullable Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      try {
        return evaluateUnchecked(self, context);
      } catch (JinjaRuntimeException e) {
        if (e.line() > 0) {
          throw e;
        }
        throw new JinjaRuntimeException(e.getMessage(), getLineNumber(), e.getCause());
      }
    }

    private @Nullable Object left(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return getLeftExpression().evaluate(self, context);
    }

    private @Nullable Object right(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return getRightExpression().evaluate(self, context);
    }

    private @Nullable Object evaluateUnchecked(
        PebbleTemplateImpl self, EvaluationContextImpl context) {
      switch (kind) {
        case ELSE -> {
          if (!(getLeftExpression() instanceof Op condition) || condition.kind != Kind.IF) {
            throw new JinjaRuntimeException("'else' without 'if' in an expression");
          }
          return Py.truthy(condition.right(self, context))
              ? condition.left(self, context)
              : right(self, context);
        }
        case IF -> {
          return Py.truthy(right(self, context)) ? left(self, context) : null;
        }
        case OR -> {
          Object left = left(self, context);
          return Py.truthy(left) ? left : right(self, context);
        }
        case AND -> {
          Object left = left(self, context);
          return Py.truthy(left) ? right(self, context) : left;
        }
        case NOT -> {
          return !Py.truthy(right(self, context));
        }
        case NEG -> {
          return Py.negate(right(self, context));
        }
        case POS -> {
          return Py.plus(right(self, context));
        }
        case IN -> {
          Object needle = left(self, context);
          return Py.contains(right(self, context), needle);
        }
        case NOT_IN -> {
          Object needle = left(self, context);
          return !Py.contains(right(self, context), needle);
        }
        case EQ, NE, LT, GT, LE, GE -> {
          return compareChain(self, context);
        }
        case ADD -> {
          return Py.add(left(self, context), right(self, context));
        }
        case SUB -> {
          return Py.subtract(left(self, context), right(self, context));
        }
        case CAT -> {
          return Py.str(left(self, context)) + Py.str(right(self, context));
        }
        case MUL -> {
          return Py.multiply(left(self, context), right(self, context));
        }
        case DIV -> {
          return Py.divide(left(self, context), right(self, context));
        }
        case FLOOR_DIV -> {
          return Py.floorDivide(left(self, context), right(self, context));
        }
        case MOD -> {
          return Py.modulo(left(self, context), right(self, context));
        }
        case POW -> {
          return Py.power(left(self, context), right(self, context));
        }
        case FILTER -> {
          FilterInvocationExpression filter = (FilterInvocationExpression) getRightExpression();
          Object value = left(self, context);
          return JinjaFilters.apply(
              filter.getFilterName(), value, arguments(filter.getArgs(), self, context));
        }
        case TEST, TEST_NOT -> {
          TestInvocationExpression test = (TestInvocationExpression) getRightExpression();
          Object value = left(self, context);
          boolean result =
              JinjaTests.apply(
                  test.getTestName(), value, arguments(test.getArgs(), self, context).positional());
          return kind == Kind.TEST ? result : !result;
        }
        case KEY -> {
          return new Key(right(self, context));
        }
        case ATTR -> {
          return new AttrName(literal());
        }
        case VAR -> {
          return context.getScopeChain().get(literal());
        }
        case STR -> {
          return literal();
        }
      }
      throw new IllegalStateException("unknown operator " + kind);
    }

    /** The decoded text of a string operand written by {@link JinjaTranslator#quote}. */
    private String literal() {
      String value = decoded;
      if (value == null) {
        LiteralStringExpression literal = (LiteralStringExpression) getRightExpression();
        value = JinjaTranslator.unquote(literal.getValue());
        decoded = value;
      }
      return value;
    }

    /** Python chains comparisons: {@code a < b < c} is {@code a < b and b < c}. */
    private Object compareChain(PebbleTemplateImpl self, EvaluationContextImpl context) {
      List<Op> chain = new ArrayList<>();
      Expression<?> first = this;
      while (first instanceof Op op && isComparison(op.kind)) {
        chain.addFirst(op);
        first = op.getLeftExpression();
      }
      Object left = first.evaluate(self, context);
      for (Op op : chain) {
        Object right = op.right(self, context);
        if (!compare(op.kind, left, right)) {
          return false;
        }
        left = right;
      }
      return true;
    }

    private static boolean isComparison(Kind kind) {
      return switch (kind) {
        case EQ, NE, LT, GT, LE, GE -> true;
        default -> false;
      };
    }

    private static boolean compare(Kind kind, @Nullable Object a, @Nullable Object b) {
      return switch (kind) {
        case EQ -> Py.equal(a, b);
        case NE -> !Py.equal(a, b);
        case LT -> Py.compare("<", a, b) < 0;
        case GT -> Py.compare(">", a, b) > 0;
        case LE -> Py.compare("<=", a, b) <= 0;
        case GE -> Py.compare(">=", a, b) >= 0;
        default -> throw new IllegalStateException("not a comparison: " + kind);
      };
    }
  }

  static JinjaFilters.Args arguments(
      @Nullable ArgumentsNode node, PebbleTemplateImpl self, EvaluationContextImpl context) {
    List<@Nullable Object> positional = new ArrayList<>();
    Map<String, @Nullable Object> named = new LinkedHashMap<>();
    if (node != null) {
      if (node.getPositionalArgs() != null) {
        for (PositionalArgumentNode arg : node.getPositionalArgs()) {
          positional.add(arg.getValueExpression().evaluate(self, context));
        }
      }
      if (node.getNamedArgs() != null) {
        for (NamedArgumentNode arg : node.getNamedArgs()) {
          named.put(
              arg.getName(),
              arg.getValueExpression() == null
                  ? null
                  : arg.getValueExpression().evaluate(self, context));
        }
      }
    }
    return new JinjaFilters.Args(positional, named);
  }

  /** Python's {@code str()} of what a {@code {{ }}} prints. */
  static final class PrintExpression implements Expression<Object> {
    private final Expression<?> inner;

    PrintExpression(Expression<?> inner) {
      this.inner = inner;
    }

    @Override
    public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
      return Py.str(inner.evaluate(self, context));
    }

    @Override
    public void accept(NodeVisitor visitor) {
      inner.accept(visitor);
    }

    @Override
    public int getLineNumber() {
      return inner.getLineNumber();
    }
  }

  /** Wraps every print tag's expression in a {@link PrintExpression}, once, at compile time. */
  static final class PrintVisitor extends AbstractNodeVisitor {
    PrintVisitor(PebbleTemplate template) {
      super((PebbleTemplateImpl) template);
    }

    @Override
    public void visit(PrintNode node) {
      if (!(node.getExpression() instanceof PrintExpression)) {
        node.setExpression(new PrintExpression(node.getExpression()));
      }
    }

    @Override
    public void visit(Node node) {
      if (node instanceof Block block) {
        for (BodyNode body : block.bodies()) {
          body.accept(this);
        }
      }
    }
  }

  /** A tag node with bodies, so that {@link PrintVisitor} reaches the prints inside. */
  interface Block {
    List<BodyNode> bodies();
  }

  // ---- tags ----

  static final class IfNode extends AbstractRenderableNode implements Block {
    private final List<Expression<?>> conditions;
    private final List<BodyNode> bodies;
    private final @Nullable BodyNode elseBody;

    IfNode(
        int line,
        List<Expression<?>> conditions,
        List<BodyNode> bodies,
        @Nullable BodyNode elseBody) {
      super(line);
      this.conditions = List.copyOf(conditions);
      this.bodies = List.copyOf(bodies);
      this.elseBody = elseBody;
    }

    @Override
    public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context)
        throws IOException {
      for (int i = 0; i < conditions.size(); i++) {
        if (Py.truthy(conditions.get(i).evaluate(self, context))) {
          bodies.get(i).render(self, writer, context);
          return;
        }
      }
      if (elseBody != null) {
        elseBody.render(self, writer, context);
      }
    }

    @Override
    public void accept(NodeVisitor visitor) {
      visitor.visit(this);
    }

    @Override
    public List<BodyNode> bodies() {
      List<BodyNode> all = new ArrayList<>(bodies);
      if (elseBody != null) {
        all.add(elseBody);
      }
      return all;
    }
  }

  static final class ForNode extends AbstractRenderableNode implements Block {
    private final List<String> targets;
    private final Expression<?> iterable;
    private final BodyNode body;
    private final @Nullable BodyNode elseBody;

    ForNode(
        int line,
        List<String> targets,
        Expression<?> iterable,
        BodyNode body,
        @Nullable BodyNode elseBody) {
      super(line);
      this.targets = List.copyOf(targets);
      this.iterable = iterable;
      this.body = body;
      this.elseBody = elseBody;
    }

    @Override
    public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context)
        throws IOException {
      List<@Nullable Object> items;
      try {
        items = Py.iterate(iterable.evaluate(self, context));
      } catch (JinjaRuntimeException e) {
        throw e.line() > 0 ? e : new JinjaRuntimeException(e.getMessage(), getLineNumber(), e);
      }
      if (items.isEmpty()) {
        if (elseBody != null) {
          elseBody.render(self, writer, context);
        }
        return;
      }
      ScopeChain scope = context.getScopeChain();
      scope.pushScope();
      try {
        for (int i = 0; i < items.size(); i++) {
          scope.put("loop", new Py.Loop(i, items.size()));
          assign(scope, items.get(i));
          body.render(self, writer, context);
        }
      } finally {
        scope.popScope();
      }
    }

    private void assign(ScopeChain scope, @Nullable Object item) {
      if (targets.size() == 1) {
        scope.put(targets.getFirst(), item);
        return;
      }
      List<@Nullable Object> parts = item instanceof List<?> ? Py.iterate(item) : null;
      if (parts == null || parts.size() != targets.size()) {
        throw new JinjaRuntimeException(
            "cannot unpack %s into %d names".formatted(Py.typeName(item), targets.size()),
            getLineNumber(),
            null);
      }
      for (int i = 0; i < targets.size(); i++) {
        scope.put(targets.get(i), parts.get(i));
      }
    }

    @Override
    public void accept(NodeVisitor visitor) {
      visitor.visit(this);
    }

    @Override
    public List<BodyNode> bodies() {
      return elseBody == null ? List.of(body) : List.of(body, elseBody);
    }
  }

  static final class SetNode extends AbstractRenderableNode {
    private final String name;
    private final Expression<?> value;

    SetNode(int line, String name, Expression<?> value) {
      super(line);
      this.name = name;
      this.value = value;
    }

    @Override
    public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context) {
      // Jinja2 assigns in the current scope: a set inside a loop never changes the outer name.
      context.getScopeChain().put(name, value.evaluate(self, context));
    }

    @Override
    public void accept(NodeVisitor visitor) {
      visitor.visit(this);
    }
  }

  static final class IfParser implements TokenParser {
    @Override
    public String getTag() {
      return "if";
    }

    @Override
    public RenderableNode parse(Token token, Parser parser) {
      TokenStream stream = parser.getStream();
      stream.next();
      List<Expression<?>> conditions = new ArrayList<>();
      List<BodyNode> bodies = new ArrayList<>();
      conditions.add(parser.getExpressionParser().parseExpression());
      stream.expect(Token.Type.EXECUTE_END);
      bodies.add(parser.subparse(t -> t.test(Token.Type.NAME, "elif", "else", "endif")));
      BodyNode elseBody = null;
      while (true) {
        String tag = stream.current().getValue();
        stream.next();
        if ("elif".equals(tag)) {
          conditions.add(parser.getExpressionParser().parseExpression());
          stream.expect(Token.Type.EXECUTE_END);
          bodies.add(parser.subparse(t -> t.test(Token.Type.NAME, "elif", "else", "endif")));
        } else if ("else".equals(tag)) {
          stream.expect(Token.Type.EXECUTE_END);
          elseBody = parser.subparse(t -> t.test(Token.Type.NAME, "endif"));
        } else {
          break;
        }
      }
      stream.expect(Token.Type.EXECUTE_END);
      return new IfNode(token.getLineNumber(), conditions, bodies, elseBody);
    }
  }

  static final class ForParser implements TokenParser {
    @Override
    public String getTag() {
      return "for";
    }

    @Override
    public RenderableNode parse(Token token, Parser parser) {
      TokenStream stream = parser.getStream();
      stream.next();
      List<String> targets = new ArrayList<>();
      targets.add(stream.expect(Token.Type.NAME).getValue());
      while (stream.current().test(Token.Type.PUNCTUATION, ",")) {
        stream.next();
        targets.add(stream.expect(Token.Type.NAME).getValue());
      }
      stream.expect(Token.Type.NAME, "in");
      Expression<?> iterable = parser.getExpressionParser().parseExpression();
      stream.expect(Token.Type.EXECUTE_END);
      BodyNode body = parser.subparse(t -> t.test(Token.Type.NAME, "else", "endfor"));
      BodyNode elseBody = null;
      if (stream.current().test(Token.Type.NAME, "else")) {
        stream.next();
        stream.expect(Token.Type.EXECUTE_END);
        elseBody = parser.subparse(t -> t.test(Token.Type.NAME, "endfor"));
      }
      stream.next();
      stream.expect(Token.Type.EXECUTE_END);
      return new ForNode(token.getLineNumber(), targets, iterable, body, elseBody);
    }
  }

  static final class SetParser implements TokenParser {
    @Override
    public String getTag() {
      return "set";
    }

    @Override
    public RenderableNode parse(Token token, Parser parser) {
      TokenStream stream = parser.getStream();
      stream.next();
      String name = stream.expect(Token.Type.NAME).getValue();
      stream.expect(Token.Type.PUNCTUATION, "=");
      Expression<?> value = parser.getExpressionParser().parseExpression();
      stream.expect(Token.Type.EXECUTE_END);
      return new SetNode(token.getLineNumber(), name, value);
    }
  }

  /**
   * A dict literal {@code {k: v, ...}}, written by the translator as {@code __q_dict(k, v, ...)}.
   */
  static final class DictFunction implements Function {
    @Override
    public @Nullable List<String> getArgumentNames() {
      return null;
    }

    @Override
    public Object execute(
        Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
      Map<Object, @Nullable Object> map = new LinkedHashMap<>();
      for (int i = 0; i + 1 < args.size(); i += 2) {
        Object key = args.get(String.valueOf(i));
        if (key == null) {
          throw new JinjaRuntimeException("an undefined value cannot be a dict key", line, null);
        }
        map.put(key == Py.NONE ? null : key, Py.out(args.get(String.valueOf(i + 1))));
      }
      return map;
    }
  }

  /** Jinja2's {@code range(stop)}, {@code range(start, stop[, step])}. */
  static final class RangeFunction implements Function {
    @Override
    public @Nullable List<String> getArgumentNames() {
      return null;
    }

    @Override
    public Object execute(
        Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
      List<Long> bounds = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        Object value = args.get(String.valueOf(i));
        if (!Py.isIntegral(value)) {
          throw new JinjaRuntimeException(
              "range() takes integers, not %s".formatted(Py.typeName(value)), line, null);
        }
        bounds.add(Py.bigInteger(value).longValue());
      }
      long start = bounds.size() >= 2 ? bounds.get(0) : 0;
      long stop = bounds.size() == 1 ? bounds.get(0) : bounds.size() >= 2 ? bounds.get(1) : 0;
      long step = bounds.size() == 3 ? bounds.get(2) : 1;
      if (bounds.isEmpty() || bounds.size() > 3 || step == 0) {
        throw new JinjaRuntimeException(
            "range() takes 1 to 3 integers, the step not 0", line, null);
      }
      List<Object> values = new ArrayList<>();
      for (long v = start; step > 0 ? v < stop : v > stop; v += step) {
        if (values.size() >= 100_000) {
          throw new JinjaRuntimeException("range() too big", line, null);
        }
        values.add(v);
      }
      return values;
    }
  }

  // ---- attributes and items ----

  /** Jinja2's {@code getattr} (dot form) and {@code getitem} (subscript form). */
  static final class JinjaResolver implements AttributeResolver {
    @Override
    public ResolvedAttribute resolve(
        Object instance,
        Object attributeNameValue,
        Object[] argumentValues,
        ArgumentsNode args,
        EvaluationContextImpl context,
        String filename,
        int lineNumber) {
      try {
        Object value;
        if (attributeNameValue instanceof Key key) {
          value = item(instance, key.value());
        } else if (attributeNameValue instanceof AttrName name) {
          value = attribute(instance, name.name());
        } else {
          String name = String.valueOf(attributeNameValue);
          value =
              argumentValues == null
                  ? attribute(instance, name)
                  : call(instance, name, List.of(argumentValues));
        }
        return new ResolvedAttribute(value);
      } catch (JinjaRuntimeException e) {
        throw e.line() > 0 ? e : new JinjaRuntimeException(e.getMessage(), lineNumber, e);
      }
    }

    private static @Nullable Object attribute(@Nullable Object instance, String name) {
      if (instance == null) {
        throw new JinjaRuntimeException(
            "cannot read attribute '%s' of an undefined value".formatted(name));
      }
      if (instance instanceof TemplateObject object) {
        return Py.in(object.attribute(name));
      }
      if (instance instanceof Map<?, ?> map) {
        if (DICT_METHODS.contains(name)) {
          return new BoundMethod(name, "dict");
        }
        return map.containsKey(name) ? Py.in(map.get(name)) : null;
      }
      if (instance instanceof Py.Loop loop) {
        return loop.attribute(name);
      }
      return null;
    }

    private static @Nullable Object item(@Nullable Object instance, @Nullable Object key) {
      if (instance == null) {
        throw new JinjaRuntimeException(
            "cannot read item %s of an undefined value".formatted(Py.repr(key)));
      }
      if (key == null) {
        throw Py.undefinedError("the subscript");
      }
      if (instance instanceof Map<?, ?> map) {
        if (map.containsKey(key)) {
          return Py.in(map.get(key));
        }
        if (Py.isNumeric(key)) {
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (Py.equal(entry.getKey(), key)) {
              return Py.in(entry.getValue());
            }
          }
        }
        return key instanceof String name && DICT_METHODS.contains(name)
            ? new BoundMethod(name, "dict")
            : null;
      }
      if (instance instanceof List<?> list) {
        return Py.isIntegral(key) ? index(list, Py.bigInteger(key)) : null;
      }
      if (instance instanceof String s) {
        if (!Py.isIntegral(key)) {
          return null;
        }
        List<@Nullable Object> chars = Py.iterate(s);
        return index(chars, Py.bigInteger(key));
      }
      if (instance instanceof TemplateObject object) {
        return key instanceof String name ? Py.in(object.attribute(name)) : null;
      }
      if (instance instanceof Py.Loop loop) {
        return key instanceof String name ? loop.attribute(name) : null;
      }
      return null;
    }

    private static @Nullable Object index(List<?> list, BigInteger index) {
      BigInteger size = BigInteger.valueOf(list.size());
      BigInteger at = index.signum() < 0 ? index.add(size) : index;
      if (at.signum() < 0 || at.compareTo(size) >= 0) {
        return null;
      }
      return Py.in(list.get(at.intValue()));
    }

    private static @Nullable Object call(
        @Nullable Object instance, String name, List<@Nullable Object> args) {
      if (instance == null) {
        throw new JinjaRuntimeException("cannot call '%s' of an undefined value".formatted(name));
      }
      if (instance instanceof TemplateObject object) {
        if (!object.hasMethod(name)) {
          throw new JinjaRuntimeException(
              "'%s' has no method '%s'".formatted(object.pyStr(), name));
        }
        List<@Nullable Object> raw = new ArrayList<>(args.size());
        for (Object arg : args) {
          raw.add(arg == null ? Undefined.INSTANCE : Py.out(arg));
        }
        try {
          return Py.in(object.invoke(name, raw));
        } catch (IllegalArgumentException e) {
          throw new JinjaRuntimeException(
              e.getMessage() == null ? "bad arguments to %s()".formatted(name) : e.getMessage(),
              0,
              e);
        }
      }
      if (instance instanceof Map<?, ?> map) {
        return mapMethod(map, name, args);
      }
      if (instance instanceof String s) {
        return stringMethod(s, name, args);
      }
      if (instance instanceof Py.Loop loop && name.equals("cycle")) {
        if (args.isEmpty()) {
          throw new JinjaRuntimeException("no items for cycling given");
        }
        return args.get(loop.index0 % args.size());
      }
      throw new JinjaRuntimeException(
          "'%s' object has no attribute '%s'".formatted(Py.typeName(instance), name));
    }

    private static @Nullable Object mapMethod(
        Map<?, ?> map, String name, List<@Nullable Object> args) {
      switch (name) {
        case "get" -> {
          if (args.isEmpty() || args.size() > 2) {
            throw new JinjaRuntimeException("get expected 1 or 2 arguments");
          }
          Object key = args.getFirst();
          if (map.containsKey(key)) {
            return Py.in(map.get(key));
          }
          return args.size() == 2 ? args.get(1) : Py.NONE;
        }
        case "keys" -> {
          return new ArrayList<>(map.keySet());
        }
        case "values" -> {
          List<@Nullable Object> values = new ArrayList<>();
          for (Object value : map.values()) {
            values.add(value);
          }
          return values;
        }
        case "items" -> {
          return JinjaFilters.items(map);
        }
        default -> {
          if (map.containsKey(name)) {
            throw new JinjaRuntimeException(
                "'%s' object is not callable".formatted(Py.typeName(Py.in(map.get(name)))));
          }
          throw new JinjaRuntimeException("'dict' object has no attribute '%s'".formatted(name));
        }
      }
    }

    private static Object stringMethod(String s, String name, List<@Nullable Object> args) {
      switch (name) {
        case "upper" -> {
          return s.toUpperCase(Locale.ROOT);
        }
        case "lower" -> {
          return s.toLowerCase(Locale.ROOT);
        }
        case "strip", "lstrip", "rstrip" -> {
          String stripped = s;
          if (!name.equals("rstrip")) {
            stripped = stripped.stripLeading();
          }
          if (!name.equals("lstrip")) {
            stripped = stripped.stripTrailing();
          }
          return stripped;
        }
        case "startswith" -> {
          return s.startsWith(Py.str(args.isEmpty() ? "" : args.getFirst()));
        }
        case "endswith" -> {
          return s.endsWith(Py.str(args.isEmpty() ? "" : args.getFirst()));
        }
        case "replace" -> {
          if (args.size() < 2) {
            throw new JinjaRuntimeException("replace expected at least 2 arguments");
          }
          return s.replace(Py.str(args.get(0)), Py.str(args.get(1)));
        }
        case "split" -> {
          List<Object> parts = new ArrayList<>();
          if (args.isEmpty() || args.getFirst() == Py.NONE) {
            for (String part : s.strip().split("\\s+")) {
              if (!part.isEmpty()) {
                parts.add(part);
              }
            }
          } else {
            String separator = Py.str(args.getFirst());
            if (separator.isEmpty()) {
              throw new JinjaRuntimeException("empty separator");
            }
            int from = 0;
            int at;
            while ((at = s.indexOf(separator, from)) >= 0) {
              parts.add(s.substring(from, at));
              from = at + separator.length();
            }
            parts.add(s.substring(from));
          }
          return parts;
        }
        case "title", "capitalize" -> {
          return JinjaFilters.apply(name, s, new JinjaFilters.Args(List.of(), Map.of()));
        }
        default ->
            throw new JinjaRuntimeException("'str' object has no attribute '%s'".formatted(name));
      }
    }
  }
}
