package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Token.Kind;
import java.util.List;
import java.util.Set;

/**
 * Reads the expression of {@code [[ ... ]]} from the tokens after {@code [[}, with bash's grammar
 * ({@code ||} below {@code &&} below {@code !}, groups in parentheses) and bash's messages.
 */
final class CondParser {
  private static final Set<String> UNARY = Set.of(
      "-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-n", "-o", "-p", "-r", "-s", "-t", "-u", "-v", "-w",
      "-x", "-z", "-G", "-L", "-N", "-O", "-R", "-S");
  private static final Set<String> BINARY = Set.of(
      "=", "==", "!=", "=~", "-nt", "-ot", "-ef", "-eq", "-ne", "-lt", "-gt", "-le", "-ge");

  private final List<Token> tokens;
  private int at;

  CondParser(List<Token> tokens, int at) {
    this.tokens = tokens;
    this.at = at;
  }

  /** The index of the token after the closing {@code ]]}. */
  int end() {
    return at;
  }

  /** The whole expression up to and including {@code ]]}. */
  Cond parse() {
    Cond expression = or();
    Token t = peek();
    if (isEnd(t)) {
      at++;
      return expression;
    }
    if (t.kind() == Kind.EOF) {
      throw ParseException.conditionalAtEnd("unexpected EOF while looking for `]]'", true);
    }
    if (t.kind() == Kind.WORD) {
      throw ParseException.conditional("syntax error in conditional expression");
    }
    throw ParseException.conditional("syntax error in conditional expression: unexpected token `" + t.shown() + "'");
  }

  private Cond or() {
    Cond left = and();
    if (peek().isOp("||")) {
      at++;
      return new Cond.Or(left, or());
    }
    return left;
  }

  private Cond and() {
    Cond left = term();
    if (peek().isOp("&&")) {
      at++;
      return new Cond.And(left, and());
    }
    return left;
  }

  private Cond term() {
    skipNewlines();
    Token t = peek();
    if (t.kind() == Kind.EOF) {
      throw ParseException.conditionalAtEnd("unexpected token `EOF' in conditional command", true);
    }
    if (isEnd(t)) {
      throw ParseException.conditional(""); // bash 5 says nothing about an operand missing before ]]
    }
    if (t.isOp("(")) {
      at++;
      return group();
    }
    if (t.kind() != Kind.WORD) {
      throw ParseException.conditional("unexpected token `" + t.shown() + "' in conditional command");
    }
    at++;
    String text = t.word().literalText();
    if ("!".equals(text)) {
      return new Cond.Not(term());
    }
    if (text != null && UNARY.contains(text)) {
      Word operand = operand("unary");
      skipNewlines();
      return new Cond.Unary(text, operand);
    }
    Token op = peek();
    String opText = op.kind() == Kind.WORD ? op.word().literalText() : null;
    if ((opText != null && BINARY.contains(opText)) || op.isOp("<") || op.isOp(">")) {
      at++;
      Word right = operand("binary");
      skipNewlines();
      return new Cond.Binary(op.text(), t.word(), right);
    }
    if (isEnd(op) || op.isOp("&&") || op.isOp("||") || op.isOp(")")) {
      return new Cond.Single(t.word());
    }
    if (op.kind() == Kind.EOF) {
      throw ParseException.conditionalAtEnd("unexpected token `newline', conditional binary operator expected", false);
    }
    if (op.kind() == Kind.WORD) {
      throw ParseException.conditional("conditional binary operator expected");
    }
    throw ParseException.conditional("unexpected token `" + op.shown() + "', conditional binary operator expected");
  }

  private Cond group() {
    Cond inner;
    try {
      inner = or();
    } catch (ParseException e) {
      throw e.withLine("expected `)'");
    }
    Token t = peek();
    if (!t.isOp(")")) {
      if (t.kind() == Kind.EOF) {
        throw ParseException.conditionalAtEnd("expected `)'", true);
      }
      throw ParseException.conditional(t.kind() == Kind.WORD && !isEnd(t)
          ? "expected `)'" : "unexpected token `" + t.shown() + "', expected `)'");
    }
    at++;
    skipNewlines();
    return inner;
  }

  /** The word after a unary or binary operator. */
  private Word operand(String kind) {
    Token t = peek();
    if (t.kind() == Kind.WORD && !isEnd(t)) {
      at++;
      return t.word();
    }
    String message = "unexpected argument `" + t.shown() + "' to conditional " + kind + " operator";
    throw t.kind() == Kind.EOF ? ParseException.conditionalAtEnd(message, false) : ParseException.conditional(message);
  }

  private static boolean isEnd(Token t) {
    return t.isReserved("]]");
  }

  private void skipNewlines() {
    while (peek().kind() == Kind.NEWLINE) {
      at++;
    }
  }

  private Token peek() {
    return tokens.get(Math.min(at, tokens.size() - 1));
  }
}
