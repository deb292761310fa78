package dev.layerlab.shell.lang;

import java.util.function.BiConsumer;
import java.util.function.Function;

/** Evaluates bash's {@code $((...))} integer arithmetic (64-bit, C precedence). */
final class Arith {
  private final String src;
  private final Function<String, String> lookup;
  private final BiConsumer<String, String> assign;
  private int pos;
  /** Where the last operator read starts: bash names it when an operand is missing at the end. */
  private int lastOp = -1;

  private Arith(String src, Function<String, String> lookup, BiConsumer<String, String> assign) {
    this.src = src;
    this.lookup = lookup;
    this.assign = assign;
  }

  /** The value of {@code expression}; variables are read and assigned through the two functions. */
  static long eval(String expression, Function<String, String> lookup, BiConsumer<String, String> assign) {
    Arith a = new Arith(expression, lookup, assign);
    a.skip();
    if (a.pos >= a.src.length()) {
      return 0;
    }
    long v = a.comma();
    a.skip();
    if (a.pos < a.src.length()) {
      throw a.error("syntax error in expression", a.src.substring(a.pos).trim());
    }
    return v;
  }

  private long comma() {
    long v = assignment();
    while (eat(",")) {
      v = assignment();
    }
    return v;
  }

  private long assignment() {
    int save = pos;
    skip();
    String name = name();
    if (name != null) {
      skip();
      for (String op : new String[] {"=", "+=", "-=", "*=", "/=", "%="}) {
        if (src.startsWith(op, pos) && !src.startsWith("==", pos)) {
          pos += op.length();
          long rhs = assignment();
          long value = op.equals("=") ? rhs : apply(op.substring(0, 1), variable(name), rhs);
          assign.accept(name, Long.toString(value));
          return value;
        }
      }
    }
    pos = save;
    return ternary();
  }

  private long ternary() {
    long c = binary(0);
    if (eat("?")) {
      long a = assignment();
      expect(":");
      long b = assignment();
      return c != 0 ? a : b;
    }
    return c;
  }

  private static final String[][] LEVELS = {
    {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"}
  };

  private long binary(int level) {
    if (level == LEVELS.length) {
      return power();
    }
    long v = binary(level + 1);
    outer:
    while (true) {
      skip();
      for (String op : LEVELS[level]) {
        if (src.startsWith(op, pos) && !isLongerOp(op)) {
          lastOp = pos;
          pos += op.length();
          skip();
          int rhsStart = pos;
          long rhs = binary(level + 1);
          if (rhs == 0 && (op.equals("/") || op.equals("%"))) {
            throw error("division by 0", src.substring(rhsStart));
          }
          v = apply(op, v, rhs);
          continue outer;
        }
      }
      return v;
    }
  }

  /** Keeps {@code |} from eating {@code ||}, {@code <} from eating {@code <<}, {@code *} from {@code **}. */
  private boolean isLongerOp(String op) {
    if (op.length() == 2) {
      return false;
    }
    int next = pos + 1;
    if (next >= src.length()) {
      return false;
    }
    char n = src.charAt(next);
    char c = op.charAt(0);
    return (c == '|' && n == '|') || (c == '&' && n == '&') || (c == '<' && (n == '<' || n == '='))
        || (c == '>' && (n == '>' || n == '=')) || (c == '*' && n == '*') || n == '=';
  }

  private long apply(String op, long a, long b) {
    return switch (op) {
      case "||" -> (a != 0 || b != 0) ? 1 : 0;
      case "&&" -> (a != 0 && b != 0) ? 1 : 0;
      case "|" -> a | b;
      case "^" -> a ^ b;
      case "&" -> a & b;
      case "==" -> a == b ? 1 : 0;
      case "!=" -> a != b ? 1 : 0;
      case "<=" -> a <= b ? 1 : 0;
      case ">=" -> a >= b ? 1 : 0;
      case "<" -> a < b ? 1 : 0;
      case ">" -> a > b ? 1 : 0;
      case "<<" -> a << b;
      case ">>" -> a >> b;
      case "+" -> a + b;
      case "-" -> a - b;
      case "*" -> a * b;
      case "/", "%" -> {
        if (b == 0) {
          throw error("division by 0", Long.toString(b));
        }
        yield op.equals("/") ? a / b : a % b;
      }
      default -> throw error("syntax error: operand expected", op);
    };
  }

  private long power() {
    long base = unary();
    skip();
    if (src.startsWith("**", pos)) {
      pos += 2;
      long exp = power();
      long r = 1;
      for (long i = 0; i < exp; i++) {
        r *= base;
      }
      return r;
    }
    return base;
  }

  private long unary() {
    skip();
    if (src.startsWith("++", pos) || src.startsWith("--", pos)) {
      boolean inc = src.charAt(pos) == '+';
      pos += 2;
      skip();
      String name = name();
      if (name == null) {
        throw error("syntax error: operand expected", src.substring(pos).trim());
      }
      long v = variable(name) + (inc ? 1 : -1);
      assign.accept(name, Long.toString(v));
      return v;
    }
    if (eat("!")) {
      return unary() == 0 ? 1 : 0;
    }
    if (eat("~")) {
      return ~unary();
    }
    if (eat("-")) {
      return -unary();
    }
    if (eat("+")) {
      return unary();
    }
    return primary();
  }

  private long primary() {
    skip();
    if (eat("(")) {
      long v = comma();
      expect(")");
      return v;
    }
    if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
      int start = pos;
      while (pos < src.length() && Character.isLetterOrDigit(src.charAt(pos))) {
        pos++;
      }
      return number(src.substring(start, pos));
    }
    String name = name();
    if (name != null) {
      long v = variable(name);
      skip();
      if (src.startsWith("++", pos) || src.startsWith("--", pos)) {
        assign.accept(name, Long.toString(v + (src.charAt(pos) == '+' ? 1 : -1)));
        pos += 2;
      }
      return v;
    }
    String rest = src.substring(pos).trim();
    throw error("syntax error: operand expected", !rest.isEmpty() ? rest : lastOp >= 0 ? src.substring(lastOp) : src.trim());
  }

  private long number(String text) {
    try {
      if (text.startsWith("0x") || text.startsWith("0X")) {
        return Long.parseLong(text.substring(2), 16);
      }
      if (text.length() > 1 && text.startsWith("0")) {
        return Long.parseLong(text.substring(1), 8);
      }
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw error("value too great for base", text);
    }
  }

  private long variable(String name) {
    String value = lookup.apply(name);
    if (value == null || value.isBlank()) {
      return 0;
    }
    return eval(value.trim(), lookup, assign);
  }

  /** A variable name, with its subscript when it names an array element ({@code a[i+1]}). */
  private String name() {
    if (pos < src.length() && WordScanner.isNameStart(src.charAt(pos))) {
      int start = pos;
      while (pos < src.length() && WordScanner.isNameChar(src.charAt(pos))) {
        pos++;
      }
      if (pos < src.length() && src.charAt(pos) == '[') {
        int depth = 0;
        for (int i = pos; i < src.length(); i++) {
          depth += src.charAt(i) == '[' ? 1 : src.charAt(i) == ']' ? -1 : 0;
          if (depth == 0) {
            pos = i + 1;
            break;
          }
        }
      }
      return src.substring(start, pos);
    }
    return null;
  }

  private boolean eat(String s) {
    skip();
    if (src.startsWith(s, pos)) {
      lastOp = pos;
      pos += s.length();
      return true;
    }
    return false;
  }

  private void expect(String s) {
    if (!eat(s)) {
      throw error("syntax error: operand expected", src.substring(Math.min(pos, src.length())).trim());
    }
  }

  private void skip() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private ShellError error(String what, String token) {
    return new ShellError(src.stripLeading() + ": " + what + " (error token is \"" + token + "\")", 1, true);
  }
}
