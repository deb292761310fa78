package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Word.Param;
import java.util.List;

/** Reads one {@code ${...}} parameter expansion: its name, subscript, operator and words. */
final class ParamReader {
  private static final String SPECIAL = "?#@*$!-0123456789";
  /** Longest first, so that {@code ##} wins over {@code #}. */
  private static final String[] OPERATORS = {
    ":-", ":=", ":+", ":?", ":", "##", "#", "%%", "%", "//", "/#", "/%", "/", "^^", "^", ",,", ",", "-", "=", "+", "?"
  };

  private final WordScanner scanner;
  private final String src;
  private final int open;
  private int pos;

  private ParamReader(WordScanner scanner, String src) {
    this.scanner = scanner;
    this.src = src;
    this.open = scanner.pos();
    this.pos = open + 2;
  }

  /** The expansion whose {@code ${} is at the scanner's position; the scanner ends after its {@code }}. */
  static Param read(WordScanner scanner, String src) {
    return new ParamReader(scanner, src).read();
  }

  private Param read() {
    String prefix = "";
    if (at('#') && pos + 1 < src.length() && src.charAt(pos + 1) != '}') {
      prefix = "#";
      pos++;
    } else if (at('!') && pos + 1 < src.length() && src.charAt(pos + 1) != '}') {
      prefix = "!";
      pos++;
    }
    String name = name();
    String index = null;
    if (!name.isEmpty() && WordScanner.isNameStart(name.charAt(0)) && at('[')) {
      index = subscript();
    }
    if (pos >= src.length()) {
      throw WordScanner.eofMatching('}');
    }
    if (name.isEmpty()) {
      throw bad();
    }
    if (prefix.equals("!") && index == null && (at('*') || at('@')) && pos + 1 < src.length()
        && src.charAt(pos + 1) == '}') {
      pos += 2;
      return done(new Param(name, null, "!names", null, null));
    }
    if (at('}')) {
      pos++;
      String op = switch (prefix) {
        case "#" -> "#len";
        case "!" -> index != null && (index.equals("@") || index.equals("*")) ? "!keys" : "!ref";
        default -> null;
      };
      return done(new Param(name, index, op, null, null));
    }
    if (!prefix.isEmpty()) {
      throw bad();
    }
    String op = null;
    for (String candidate : OPERATORS) {
      if (src.startsWith(candidate, pos)) {
        op = candidate;
        break;
      }
    }
    if (op == null) {
      throw bad();
    }
    pos += op.length();
    return switch (op) {
      case ":" -> substring(name, index);
      case "/", "//", "/#", "/%" -> replacement(name, index, op);
      default -> {
        Word arg = word(false);
        pos++;
        yield done(new Param(name, index, op, arg, null));
      }
    };
  }

  /** {@code ${name:offset}} or {@code ${name:offset:length}}: both arithmetic, kept as {@code $((...))} words. */
  private Param substring(String name, String index) {
    int start = pos;
    int depth = 0;
    while (pos < src.length() && !(depth == 0 && (at(':') || at('}')))) {
      depth += at('(') ? 1 : at(')') ? -1 : 0;
      pos++;
    }
    Word offset = arith(src.substring(start, pos));
    Word length = null;
    if (at(':')) {
      pos++;
      int lengthStart = pos;
      while (pos < src.length() && !at('}')) {
        pos++;
      }
      length = arith(src.substring(lengthStart, pos));
    }
    if (pos >= src.length()) {
      throw WordScanner.eofMatching('}');
    }
    pos++;
    return done(new Param(name, index, ":", offset, length));
  }

  private static Word arith(String text) {
    return new Word(List.of(new Word.Arith(text)), text);
  }

  /** {@code ${name/pattern/string}}: the string may be missing, and then the match is removed. */
  private Param replacement(String name, String index, String op) {
    Word pattern = word(true);
    Word with = null;
    if (at('/')) {
      pos++;
      with = word(false);
    }
    pos++;
    return done(new Param(name, index, op, pattern, with));
  }

  private Word word(boolean pattern) {
    scanner.pos(pos);
    Word w = pattern ? scanner.patternWord() : scanner.braceWord();
    pos = scanner.pos();
    if (pos >= src.length()) {
      throw WordScanner.eofMatching('}');
    }
    return w;
  }

  private String name() {
    int start = pos;
    if (pos < src.length() && WordScanner.isNameStart(src.charAt(pos))) {
      while (pos < src.length() && WordScanner.isNameChar(src.charAt(pos))) {
        pos++;
      }
    } else if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
        pos++;
      }
    } else if (pos < src.length() && SPECIAL.indexOf(src.charAt(pos)) >= 0) {
      pos++;
    }
    return src.substring(start, pos);
  }

  /** The text between {@code [} and its {@code ]}. */
  private String subscript() {
    int depth = 0;
    for (int i = pos; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']' && --depth == 0) {
        String text = src.substring(pos + 1, i);
        pos = i + 1;
        return text;
      } else if (c == '}' && depth == 1 && src.indexOf(']', i) < 0) {
        break;
      }
    }
    throw bad();
  }

  private Param done(Param p) {
    scanner.pos(pos);
    return p;
  }

  private boolean at(char c) {
    return pos < src.length() && src.charAt(pos) == c;
  }

  private RuntimeException bad() {
    if (src.indexOf('}', pos) < 0) {
      return WordScanner.eofMatching('}');
    }
    int close = src.indexOf('}', pos);
    String text = close < 0 ? src.substring(open) : src.substring(open, close + 1);
    return new ShellError(text + ": bad substitution", 1);
  }
}
