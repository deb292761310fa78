package dev.layerlab.shell.util.awk;

import dev.layerlab.shell.util.awk.Lexer.Token;
import dev.layerlab.shell.util.awk.Node.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Expressions by precedence, lowest first: assignment, ?:, ||, &&, in, ~, relations, concatenation... */
class ExprParser {
  private static final Set<String> ASSIGN = Set.of("=", "+=", "-=", "*=", "/=", "%=", "^=");
  private static final Set<String> RELATION = Set.of("<", "<=", "==", "!=", ">", ">=");

  final Lexer lexer;
  Token tok;
  /** In print's argument list a bare '>' is a redirection, not a comparison. */
  boolean noGt;
  /** How each global name was first used (true: as an array), for mawk's compile-time type errors. */
  private final Map<String, Boolean> uses = new HashMap<>();
  /** The parameters of the function being parsed, whose type the caller decides. */
  Set<String> locals = Set.of();
  private String before = "NL";

  ExprParser(Lexer lexer) {
    this.lexer = lexer;
    this.tok = lexer.next();
  }

  final void advance() {
    before = tok == null ? "NL" : tok.kind();
    tok = lexer.next();
  }

  /** Records a use of a global as a scalar or an array; mixing the two is an error. */
  final void use(String name, boolean asArray) {
    if (locals.contains(name)) {
      return;
    }
    Boolean first = uses.putIfAbsent(name, asArray);
    if (first != null && first != asArray) {
      throw new AwkException("illegal reference to " + (first ? "array " : "variable ") + name, tok.line());
    }
  }

  final void skipNl() {
    while (tok.is("NL")) {
      advance();
    }
  }

  final void expect(String kind) {
    if (!tok.is(kind)) {
      throw syntax();
    }
    advance();
  }

  final AwkException syntax() {
    if (tok.is("EOF")) {
      return new AwkException("syntax error at or near end of file", tok.line());
    }
    return new AwkException("syntax error at or near " + tok.text(), tok.line());
  }

  final Expr expr() {
    Expr left = ternary();
    if (ASSIGN.contains(tok.kind()) && isLvalue(left)) {
      String op = tok.kind().equals("=") ? "=" : tok.kind().substring(0, 1);
      advance();
      skipNl();
      return new Node.Assign(left, op, expr());
    }
    return left;
  }

  private static boolean isLvalue(Expr e) {
    return e instanceof Node.Var || e instanceof Node.Field || e instanceof Node.Index;
  }

  private Expr ternary() {
    Expr test = or();
    if (!tok.is("?")) {
      return test;
    }
    advance();
    skipNl();
    Expr then = expr();
    skipNl();
    expect(":");
    skipNl();
    return new Node.Cond(test, then, expr());
  }

  private Expr or() {
    Expr left = and();
    while (tok.is("||")) {
      advance();
      left = new Node.Logical(false, left, and());
    }
    return left;
  }

  private Expr and() {
    Expr left = in();
    while (tok.is("&&")) {
      advance();
      left = new Node.Logical(true, left, in());
    }
    return left;
  }

  private Expr in() {
    Expr left = match();
    while (tok.is("in")) {
      advance();
      if (!tok.is("NAME")) {
        throw syntax();
      }
      List<Expr> keys = left instanceof Node.Group g ? g.items() : List.of(left);
      use(tok.text(), true);
      left = new Node.In(keys, tok.text());
      advance();
    }
    return left;
  }

  private Expr match() {
    Expr left = relation();
    while (tok.is("~") || tok.is("!~")) {
      boolean negated = tok.is("!~");
      advance();
      left = new Node.Match(negated, left, relation());
    }
    return left;
  }

  private Expr relation() {
    Expr left = piped();
    if (RELATION.contains(tok.kind()) && !(noGt && tok.is(">"))) {
      String op = tok.kind();
      advance();
      return new Node.Cmp(op, left, piped());
    }
    return left;
  }

  /** {@code command | getline [var]}, which binds looser than concatenation. */
  private Expr piped() {
    Expr left = concatenation();
    while (tok.is("|")) {
      int mark = lexer.position();
      int line = lexer.line();
      String last = lexer.lastKind();
      Token saved = tok;
      advance();
      if (!tok.is("getline")) {
        lexer.reset(mark, line, last);
        tok = saved;
        break;
      }
      advance();
      left = new Node.Getline(optionalLvalue(), null, left);
    }
    return left;
  }

  final Expr concatenation() {
    Expr left = additive();
    while (startsOperand()) {
      left = new Node.Concat(left, additive());
    }
    return left;
  }

  private boolean startsOperand() {
    return switch (tok.kind()) {
      case "NUM", "STR", "NAME", "FUNC_NAME", "BUILTIN", "$", "(", "!", "++", "--", "-", "+" ->
          !tok.is("-") && !tok.is("+") && !tok.is("!");
      default -> false;
    };
  }

  private Expr additive() {
    Expr left = multiplicative();
    while (tok.is("+") || tok.is("-")) {
      String op = tok.kind();
      advance();
      left = new Node.Binary(op, left, multiplicative());
    }
    return left;
  }

  private Expr multiplicative() {
    Expr left = unary();
    while (tok.is("*") || tok.is("/") || tok.is("%")) {
      String op = tok.kind();
      advance();
      left = new Node.Binary(op, left, unary());
    }
    return left;
  }

  private Expr unary() {
    if (tok.is("!")) {
      advance();
      return new Node.Not(unary());
    }
    if (tok.is("-") || tok.is("+")) {
      boolean negate = tok.is("-");
      advance();
      return new Node.Neg(unary(), negate);
    }
    return power();
  }

  private Expr power() {
    Expr base = postfix();
    if (tok.is("^")) {
      advance();
      Expr exponent;
      if (tok.is("-") || tok.is("+")) {
        boolean negate = tok.is("-");
        advance();
        exponent = new Node.Neg(power(), negate);
      } else {
        exponent = power();
      }
      return new Node.Binary("^", base, exponent);
    }
    return base;
  }

  private Expr postfix() {
    Expr e = primary();
    if ((tok.is("++") || tok.is("--")) && isLvalue(e)) {
      boolean inc = tok.is("++");
      advance();
      return new Node.IncDec(e, inc, false);
    }
    return e;
  }

  private Expr primary() {
    Token t = tok;
    switch (t.kind()) {
      case "NUM":
        advance();
        return new Node.Num(t.number());
      case "STR":
        advance();
        return new Node.Str(t.text());
      case "/":
      case "/=": {
        Token re = lexer.regex(t.is("/="));
        advance();
        return new Node.Regex(re.text());
      }
      case "(": {
        advance();
        boolean saved = noGt;
        noGt = false;
        List<Expr> items = exprList(")");
        noGt = saved;
        return items.size() == 1 ? items.get(0) : new Node.Group(items);
      }
      case "$": {
        advance();
        if (tok.is("++") || tok.is("--")) {
          boolean inc = tok.is("++");
          advance();
          return new Node.Field(new Node.IncDec(primary(), inc, true));
        }
        if (tok.is("-")) {
          advance();
          return new Node.Field(new Node.Neg(primary(), true));
        }
        return new Node.Field(primary());
      }
      case "++":
      case "--": {
        advance();
        Expr target = primary();
        if (!isLvalue(target)) {
          throw syntax();
        }
        return new Node.IncDec(target, t.is("++"), true);
      }
      case "!":
        advance();
        return new Node.Not(unary());
      case "-":
        advance();
        return new Node.Neg(unary(), true);
      case "NAME": {
        String previous = before;
        advance();
        if (tok.is("[")) {
          use(t.text(), true);
          advance();
          return new Node.Index(t.text(), exprList("]"));
        }
        // A bare name as a whole argument may be an array passed to a function (or to length).
        boolean argument = (previous.equals("(") || previous.equals(",")) && (tok.is(",") || tok.is(")"));
        if (!argument) {
          use(t.text(), false);
        }
        return new Node.Var(t.text());
      }
      case "FUNC_NAME": {
        advance();
        advance();
        return new Node.Call(t.text(), tok.is(")") ? emptyArgs() : exprList(")"));
      }
      case "BUILTIN": {
        advance();
        if (!tok.is("(")) {
          if (t.text().equals("length")) {
            return new Node.Builtin("length", List.of());
          }
          throw syntax();
        }
        advance();
        List<Expr> args = tok.is(")") ? emptyArgs() : exprList(")");
        if (t.text().equals("split") && args.size() > 1 && args.get(1) instanceof Node.Var v) {
          use(v.name(), true);
        }
        return new Node.Builtin(t.text(), args);
      }
      case "getline": {
        advance();
        Expr var = optionalLvalue();
        Expr file = null;
        if (tok.is("<")) {
          advance();
          file = postfix();
        }
        return new Node.Getline(var, file, null);
      }
      default:
        throw syntax();
    }
  }

  private List<Expr> emptyArgs() {
    advance();
    return List.of();
  }

  private Expr optionalLvalue() {
    if (tok.is("NAME") || tok.is("$")) {
      return postfixLvalue();
    }
    return null;
  }

  private Expr postfixLvalue() {
    Expr e = primary();
    if (!isLvalue(e)) {
      throw syntax();
    }
    return e;
  }

  /** Comma-separated expressions up to and including {@code close}. */
  final List<Expr> exprList(String close) {
    List<Expr> list = new ArrayList<>();
    boolean saved = noGt;
    noGt = false;
    skipNl();
    list.add(expr());
    while (tok.is(",")) {
      advance();
      list.add(expr());
    }
    skipNl();
    noGt = saved;
    expect(close);
    return list;
  }
}
