package dev.layerlab.shell.lang;

import java.util.BitSet;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A POSIX extended regular expression, as {@code [[ s =~ re ]]} hands it to regcomp(3), written
 * as a {@link Pattern}. Quoted characters match only themselves. The caller widens Java's match
 * to the longest at the same start, as regexec's is; inside it, groups follow Java's choices,
 * which can differ from POSIX's when alternatives of a group overlap.
 */
final class Regex {
  private static final Map<String, String> CLASSES = Map.ofEntries(
      Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "0-9"), Map.entry("alnum", "\\p{Alnum}"),
      Map.entry("upper", "\\p{Upper}"), Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\s\\x0B"),
      Map.entry("blank", " \\t"), Map.entry("punct", "\\p{Punct}"), Map.entry("print", "\\p{Print}"),
      Map.entry("graph", "\\p{Graph}"), Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("xdigit", "\\p{XDigit}"));

  private final String text;
  private final BitSet quoted;
  private final StringBuilder out = new StringBuilder();
  private int i;

  private Regex(String text, BitSet quoted) {
    this.text = text;
    this.quoted = quoted;
  }

  /**
   * The pattern, or null when regcomp would refuse it (bash then returns 2).
   */
  static Pattern compile(String text, BitSet quoted) {
    try {
      return Pattern.compile(new Regex(text, quoted).translate(), Pattern.DOTALL);
    } catch (IllegalArgumentException e) { // PatternSyntaxException too
      return null;
    }
  }

  private String translate() {
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted.get(i)) {
        literal(c);
        i++;
      } else if (c == '[') {
        bracket();
      } else if (c == '\\' && i + 1 < text.length()) {
        escape(text.charAt(i + 1));
        i += 2;
      } else if (c == '$') {
        out.append("\\z");
        i++;
      } else if (c == '{') {
        interval();
      } else if (c == '}' || c == '\\') {
        literal(c);
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private void literal(char c) {
    if (Character.isLetterOrDigit(c) || c > 0x7f) {
      out.append(c);
    } else {
      out.append('\\').append(c);
    }
  }

  /** GNU's {@code \w \W \s \S \b \B \< \>}; before any other character a backslash makes it plain. */
  private void escape(char e) {
    switch (e) {
      case 'w', 'W', 's', 'S', 'b', 'B' -> out.append('\\').append(e);
      case '<' -> out.append("\\b(?=\\w)");
      case '>' -> out.append("\\b(?<=\\w)");
      default -> {
        if (e >= '1' && e <= '9') {
          out.append('\\').append(e);
        } else {
          literal(e);
        }
      }
    }
  }

  /** {@code {n}}, {@code {n,}}, {@code {n,m}}; a brace that starts none of them is plain. */
  private void interval() {
    int close = text.indexOf('}', i);
    if (close > 0 && text.substring(i + 1, close).matches("[0-9]+(,[0-9]*)?")) {
      out.append(text, i, close + 1);
      i = close + 1;
    } else {
      literal('{');
      i++;
    }
  }

  /** A bracket expression: {@code ]} first is a member, backslash is plain, {@code [:class:]} names a class. */
  private void bracket() {
    int j = i + 1;
    StringBuilder set = new StringBuilder("[");
    if (j < text.length() && text.charAt(j) == '^') {
      set.append('^');
      j++;
    }
    boolean first = true;
    while (j < text.length()) {
      char c = text.charAt(j);
      if (c == ']' && !first) {
        out.append(set).append(']');
        i = j + 1;
        return;
      }
      first = false;
      if (c == '[' && j + 1 < text.length() && ":=.".indexOf(text.charAt(j + 1)) >= 0) {
        char kind = text.charAt(j + 1);
        int close = text.indexOf(kind + "]", j + 2);
        if (close < 0) {
          throw new IllegalArgumentException("unterminated class");
        }
        String name = text.substring(j + 2, close);
        if (kind == ':') {
          String cls = CLASSES.get(name);
          if (cls == null) {
            throw new IllegalArgumentException("unknown class " + name);
          }
          set.append(cls);
        } else {
          name.chars().forEach(ch -> set.append('\\').append((char) ch));
        }
        j = close + 2;
        continue;
      }
      if (c == '-' || Character.isLetterOrDigit(c)) {
        set.append(c);
      } else {
        set.append('\\').append(c);
      }
      j++;
    }
    throw new IllegalArgumentException("unterminated bracket expression");
  }
}
