package dev.layerlab.shell.util.awk;

import java.util.Set;

/** Splits awk source into tokens; the parser asks for a regular expression where '/' starts one. */
final class Lexer {
  static final Set<String> KEYWORDS = Set.of("BEGIN", "END", "function", "func", "if", "else", "while", "for",
      "do", "break", "continue", "next", "nextfile", "exit", "return", "delete", "in", "getline", "print",
      "printf");
  static final Set<String> BUILTINS = Set.of("length", "substr", "index", "split", "sub", "gsub", "match",
      "sprintf", "tolower", "toupper", "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand", "srand",
      "system", "close", "fflush");
  private static final String[] OPERATORS = {"&&", "||", "==", "!=", "<=", ">=", "!~", "++", "--", "+=", "-=",
      "*=", "/=", "%=", "^=", ">>", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%",
      "^", "!", "<", ">", "|", "?", ":", "~", "$", "="};

  /** One token; {@code kind} is NUM, STR, NAME, FUNC_NAME, BUILTIN, NL, EOF, a keyword or the operator. */
  record Token(String kind, String text, double number, int line) {
    boolean is(String k) {
      return kind.equals(k);
    }
  }

  private final String src;
  private int pos;
  private int line = 1;
  private String last = "NL";

  Lexer(String src) {
    this.src = src;
  }

  int position() {
    return pos;
  }

  int line() {
    return line;
  }

  void reset(int position, int atLine, String lastKind) {
    pos = position;
    line = atLine;
    last = lastKind;
  }

  String lastKind() {
    return last;
  }

  Token next() {
    Token t = scan();
    last = t.kind();
    return t;
  }

  private Token scan() {
    boolean dropNl = last.equals(",") || last.equals("{") || last.equals("&&") || last.equals("||")
        || last.equals("do") || last.equals("else");
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r') {
        pos++;
      } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
        pos += 2;
        line++;
      } else if (c == '#') {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '\n' && dropNl) {
        pos++;
        line++;
      } else {
        break;
      }
    }
    if (pos >= src.length()) {
      return new Token("EOF", "end of file", 0, line + 1);
    }
    char c = src.charAt(pos);
    if (c == '\n') {
      pos++;
      line++;
      return new Token("NL", "end of line", 0, line - 1);
    }
    if (Character.isDigit(c) || (c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
      return number();
    }
    if (Character.isLetter(c) || c == '_') {
      int start = pos;
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
        pos++;
      }
      String word = src.substring(start, pos);
      if (KEYWORDS.contains(word)) {
        return new Token(word.equals("func") ? "function" : word, word, 0, line);
      }
      if (BUILTINS.contains(word)) {
        return new Token("BUILTIN", word, 0, line);
      }
      boolean call = pos < src.length() && src.charAt(pos) == '(';
      return new Token(call ? "FUNC_NAME" : "NAME", word, 0, line);
    }
    if (c == '"') {
      return string();
    }
    for (String op : OPERATORS) {
      if (src.startsWith(op, pos)) {
        pos += op.length();
        return new Token(op, op, 0, line);
      }
    }
    pos++;
    return new Token("?" + c, String.valueOf(c), 0, line);
  }

  private Token number() {
    int start = pos;
    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
    String text = src.substring(start, pos);
    return new Token("NUM", text, Values.toNumber(text), line);
  }

  private Token string() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        throw new AwkException("runaway string constant \"" + abbreviate(sb.toString()) + " ...", line);
      }
      char c = src.charAt(pos++);
      if (c == '"') {
        break;
      }
      if (c == '\\' && pos < src.length()) {
        pos = escape(src, pos, sb);
      } else {
        sb.append(c);
      }
    }
    return new Token("STR", sb.toString(), 0, line);
  }

  private static String abbreviate(String s) {
    return s.length() > 10 ? s.substring(0, 10) : s;
  }

  /** Reads a regular expression after the '/' just returned (or "/=", whose '=' belongs to it). */
  Token regex(boolean startsWithEquals) {
    StringBuilder sb = new StringBuilder(startsWithEquals ? "=" : "");
    while (true) {
      if (pos >= src.length() || src.charAt(pos) == '\n') {
        throw new AwkException("runaway regular expression /" + abbreviate(sb.toString()) + " ...", line);
      }
      char c = src.charAt(pos++);
      if (c == '/') {
        break;
      }
      if (c == '\\' && pos < src.length()) {
        char d = src.charAt(pos++);
        if (d == '/') {
          sb.append('/');
        } else {
          sb.append('\\').append(d);
        }
      } else {
        sb.append(c);
      }
    }
    last = "ERE";
    return new Token("ERE", sb.toString(), 0, line);
  }

  /** Decodes the escape after a backslash at {@code s[at-1]}; returns the position after it. */
  static int escape(String s, int at, StringBuilder sb) {
    char d = s.charAt(at);
    switch (d) {
      case 'n' -> sb.append('\n');
      case 't' -> sb.append('\t');
      case 'r' -> sb.append('\r');
      case 'f' -> sb.append('\f');
      case 'v' -> sb.append('\u000b');
      case 'b' -> sb.append('\b');
      case 'a' -> sb.append('\u0007');
      case '\\' -> sb.append('\\');
      case '"' -> sb.append('"');
      case '/' -> sb.append('/');
      default -> {
        if (d >= '0' && d <= '7') {
          int v = 0;
          int i = at;
          while (i < s.length() && i < at + 3 && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
            v = v * 8 + s.charAt(i) - '0';
            i++;
          }
          sb.append((char) (v & 0xff));
          return i;
        }
        sb.append('\\').append(d);
      }
    }
    return at + 1;
  }

  /** The escapes of a -v value or command-line assignment, as in a string constant. */
  static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        i = escape(s, i + 1, sb) - 1;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
