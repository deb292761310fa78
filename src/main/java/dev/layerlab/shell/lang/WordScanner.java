package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Word.Arith;
import dev.layerlab.shell.lang.Word.CommandSub;
import dev.layerlab.shell.lang.Word.DoubleQuoted;
import dev.layerlab.shell.lang.Word.Literal;
import dev.layerlab.shell.lang.Word.Param;
import dev.layerlab.shell.lang.Word.Part;
import dev.layerlab.shell.lang.Word.Quoted;
import java.util.ArrayList;
import java.util.List;

/** Reads one word's quoting and expansions from source text, starting at a position. */
final class WordScanner {
  private static final String SPECIAL_PARAMS = "?#@*$!-0123456789";

  private final String src;
  private int pos;

  WordScanner(String src, int pos) {
    this.src = src;
    this.pos = pos;
  }

  int pos() {
    return pos;
  }

  void pos(int newPos) {
    pos = newPos;
  }

  static boolean isMeta(char c) {
    return " \t\n;&|<>()".indexOf(c) >= 0;
  }

  static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }

  /** Where a word ends. */
  private enum End {
    /** At an unquoted metacharacter. */
    META,
    /** At the unquoted {@code }} closing a {@code ${...}}. */
    BRACE,
    /** At an unquoted {@code /} or {@code }}: the pattern of {@code ${name/pattern/string}}. */
    SLASH,
    /** As {@code META}, but parentheses nest and hide metacharacters: a regex after {@code =~}. */
    REGEX
  }

  /** An ordinary word: up to the first unquoted metacharacter. */
  Word word() {
    return scan(End.META);
  }

  /** The regex after {@code =~} in {@code [[ ]]}: {@code |}, and anything in parentheses, belong to it. */
  Word regexWord() {
    return scan(End.REGEX);
  }

  /** The word after a {@code ${name op}}: up to the matching unquoted {@code }}. */
  Word braceWord() {
    return scan(End.BRACE);
  }

  /** The pattern of {@code ${name/pattern/string}}: up to an unquoted {@code /} or {@code }}. */
  Word patternWord() {
    return scan(End.SLASH);
  }

  private Word scan(End stop) {
    int start = pos;
    List<Part> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int depth = 0;
    int subscriptEnd = stop == End.META ? assignmentSubscriptEnd() : -1;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (pos < subscriptEnd && (c == ' ' || c == '\t')) {
        lit.append(c); // h[a b]=1: blanks inside an assignment's subscript belong to the word
        pos++;
        continue;
      }
      if (stop == End.REGEX && (c == '(' || (depth > 0 && (c == ')' || isMeta(c))) || c == '|')) {
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        lit.append(c);
        pos++;
        continue;
      }
      if (stop == End.BRACE || stop == End.SLASH ? c == '}' || (stop == End.SLASH && c == '/') : isMeta(c)) {
        break;
      }
      if (c == '\\') {
        if (pos + 1 >= src.length()) {
          lit.append('\\');
          pos++;
          continue;
        }
        char next = src.charAt(pos + 1);
        pos += 2;
        if (next != '\n') {
          flush(lit, parts, false);
          parts.add(new Quoted(String.valueOf(next)));
        }
      } else if (c == '\'') {
        int end = src.indexOf('\'', pos + 1);
        if (end < 0) {
          throw eofMatching('\'');
        }
        flush(lit, parts, false);
        parts.add(new Quoted(src.substring(pos + 1, end)));
        pos = end + 1;
      } else if (c == '"') {
        flush(lit, parts, false);
        pos++;
        parts.add(new DoubleQuoted(doubleQuoted()));
      } else if (c == '$' && pos + 1 < src.length() && src.charAt(pos + 1) == '\'') {
        flush(lit, parts, false);
        AnsiC.Decoded decoded = AnsiC.decode(src, pos + 2);
        parts.add(new Quoted(decoded.text()));
        pos = decoded.end();
      } else if (c == '$' && pos + 1 < src.length() && src.charAt(pos + 1) == '"') {
        pos++; // $"...": a string to translate, which the C locale leaves as it is
      } else if (c == '$' && dollarFollows()) {
        flush(lit, parts, false);
        parts.add(dollar());
      } else if (c == '`') {
        flush(lit, parts, false);
        parts.add(backtick());
      } else {
        lit.append(c);
        pos++;
      }
    }
    if (depth > 0) {
      throw new ParseException("unexpected EOF while looking for matching `)'\n"
          + "unexpected argument to conditional binary operator", true);
    }
    flush(lit, parts, false);
    return new Word(List.copyOf(parts), src.substring(start, pos));
  }

  /** Where the {@code ]} of {@code name[...]=} starting here is, or -1 when the word is no such assignment. */
  private int assignmentSubscriptEnd() {
    int i = pos;
    if (i >= src.length() || !isNameStart(src.charAt(i))) {
      return -1;
    }
    while (i < src.length() && isNameChar(src.charAt(i))) {
      i++;
    }
    if (i >= src.length() || src.charAt(i) != '[') {
      return -1;
    }
    int depth = 0;
    for (; i < src.length() && src.charAt(i) != '\n'; i++) {
      char c = src.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        return src.startsWith("=", i + 1) || src.startsWith("+=", i + 1) ? i : -1;
      }
    }
    return -1;
  }

  private List<Part> doubleQuoted() {
    List<Part> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    while (true) {
      if (pos >= src.length()) {
        throw eofMatching('"');
      }
      char c = src.charAt(pos);
      if (c == '"') {
        pos++;
        break;
      }
      if (c == '\\' && pos + 1 < src.length() && "$`\"\\\n".indexOf(src.charAt(pos + 1)) >= 0) {
        if (src.charAt(pos + 1) != '\n') {
          lit.append(src.charAt(pos + 1));
        }
        pos += 2;
      } else if (c == '$' && dollarFollows()) {
        flush(lit, parts, true);
        parts.add(dollar());
      } else if (c == '`') {
        flush(lit, parts, true);
        parts.add(backtick());
      } else {
        lit.append(c);
        pos++;
      }
    }
    flush(lit, parts, true);
    return parts;
  }

  /**
   * The parts of an expanding here-document body: only {@code $}, backquotes and the backslash
   * before {@code $ ` \} and newline are special.
   */
  List<Part> hereDocBody() {
    List<Part> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\\' && pos + 1 < src.length() && "$`\\\n".indexOf(src.charAt(pos + 1)) >= 0) {
        if (src.charAt(pos + 1) != '\n') {
          lit.append(src.charAt(pos + 1));
        }
        pos += 2;
      } else if (c == '$' && dollarFollows()) {
        flush(lit, parts, true);
        parts.add(dollar());
      } else if (c == '`') {
        flush(lit, parts, true);
        parts.add(backtick());
      } else {
        lit.append(c);
        pos++;
      }
    }
    flush(lit, parts, true);
    return parts;
  }

  private boolean dollarFollows() {
    if (pos + 1 >= src.length()) {
      return false;
    }
    char n = src.charAt(pos + 1);
    return n == '(' || n == '{' || isNameStart(n) || SPECIAL_PARAMS.indexOf(n) >= 0;
  }

  private Part dollar() {
    char n = src.charAt(pos + 1);
    if (n == '(') {
      if (pos + 2 < src.length() && src.charAt(pos + 2) == '(') {
        int end = matchArith(pos + 3);
        if (end >= 0) {
          String expr = src.substring(pos + 3, end);
          pos = end + 2;
          return new Arith(expr);
        }
      }
      int end = matchParen(pos + 2);
      String body = src.substring(pos + 2, end);
      pos = end + 1;
      return new CommandSub(body);
    }
    if (n == '{') {
      return ParamReader.read(this, src);
    }
    if (isNameStart(n)) {
      int e = pos + 1;
      while (e < src.length() && isNameChar(src.charAt(e))) {
        e++;
      }
      String name = src.substring(pos + 1, e);
      pos = e;
      return new Param(name, null, null);
    }
    pos += 2;
    return new Param(String.valueOf(n), null, null);
  }

  private Part backtick() {
    StringBuilder body = new StringBuilder();
    int i = pos + 1;
    while (true) {
      if (i >= src.length()) {
        throw eofMatching('`');
      }
      char c = src.charAt(i);
      if (c == '`') {
        break;
      }
      if (c == '\\' && i + 1 < src.length() && "`$\\".indexOf(src.charAt(i + 1)) >= 0) {
        body.append(src.charAt(i + 1));
        i += 2;
        continue;
      }
      body.append(c);
      i++;
    }
    pos = i + 1;
    return new CommandSub(body.toString());
  }

  /** The index of the {@code )} closing a {@code $(} whose body starts at {@code from}. */
  private int matchParen(int from) {
    int depth = 1;
    int i = from;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == '$' && i + 1 < src.length() && src.charAt(i + 1) == '\'') {
        i = AnsiC.skip(src, i + 2);
        if (i < 0) {
          break;
        }
        continue;
      }
      if (c == '\'') {
        int end = src.indexOf('\'', i + 1);
        if (end < 0) {
          break;
        }
        i = end + 1;
        continue;
      }
      if (c == '"') {
        i = skipDoubleQuoted(i + 1);
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
      i++;
    }
    throw eofMatching(')');
  }

  private int skipDoubleQuoted(int i) {
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else {
        i++;
      }
    }
    return i;
  }

  /** The index of the {@code ))} closing a {@code $((}, or -1 when it is really {@code $( (...) )}. */
  private int matchArith(int from) {
    int depth = 0;
    for (int i = from; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          return i + 1 < src.length() && src.charAt(i + 1) == ')' ? i : -1;
        }
        depth--;
      }
    }
    throw eofMatching(')');
  }

  private static void flush(StringBuilder lit, List<Part> parts, boolean quoted) {
    if (lit.length() > 0) {
      parts.add(quoted ? new Quoted(lit.toString()) : new Literal(lit.toString()));
      lit.setLength(0);
    }
  }

  /** bash 5's one line about a quote or bracket the input never closes. */
  static ParseException eofMatching(char c) {
    return new ParseException("unexpected EOF while looking for matching `" + c + "'", true);
  }
}
