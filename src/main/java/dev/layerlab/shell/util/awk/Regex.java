package dev.layerlab.shell.util.awk;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * POSIX extended regular expressions as mawk 1.3.4-20200120 reads them, translated to Java's
 * syntax: braces are literal (that mawk has no intervals), '.' matches a newline, '$' only at the end.
 */
final class Regex {
  private static final Map<String, String> CLASSES = Map.ofEntries(Map.entry("alpha", "\\p{Alpha}"),
      Map.entry("digit", "0-9"), Map.entry("alnum", "\\p{Alnum}"), Map.entry("upper", "A-Z"),
      Map.entry("lower", "a-z"), Map.entry("space", " \\t\\n\\x0B\\f\\r"), Map.entry("blank", " \\t"),
      Map.entry("punct", "\\p{Punct}"), Map.entry("print", "\\p{Print}"), Map.entry("graph", "\\p{Graph}"),
      Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("xdigit", "0-9A-Fa-f"));

  private final Map<String, Pattern> cache = new HashMap<>();

  Pattern compile(String ere) {
    Pattern p = cache.get(ere);
    if (p == null) {
      try {
        p = Pattern.compile(translate(ere), Pattern.DOTALL);
      } catch (PatternSyntaxException e) {
        throw new AwkException("regular expression compile failed (" + e.getDescription() + ")\n" + ere);
      }
      cache.put(ere, p);
    }
    return p;
  }

  /** Where a match starts and ends. */
  record Found(int start, int end) {}

  /**
   * The leftmost match at or after {@code from}, made the longest there as POSIX wants: Java takes
   * the first alternative that matches, so with '|' longer ends are tried.
   */
  static Found find(Pattern p, String s, int from) {
    Matcher m = p.matcher(s);
    if (!m.find(from)) {
      return null;
    }
    int start = m.start();
    int end = m.end();
    if (p.pattern().indexOf('|') >= 0) {
      m.useAnchoringBounds(false).useTransparentBounds(true);
      for (int e = s.length(); e > end; e--) {
        m.region(start, e);
        if (m.matches()) {
          end = e;
          break;
        }
      }
    }
    return new Found(start, end);
  }

  static String translate(String ere) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < ere.length()) {
      char c = ere.charAt(i++);
      switch (c) {
        case '\\' -> {
          if (i >= ere.length()) {
            sb.append("\\\\");
          } else {
            StringBuilder one = new StringBuilder();
            i = Lexer.escape(ere, i, one);
            String s = one.toString();
            char lit = s.length() == 2 && s.charAt(0) == '\\' ? s.charAt(1) : s.charAt(0);
            sb.append(quote(lit));
          }
        }
        case '[' -> i = bracket(ere, i, sb);
        case '{', '}' -> sb.append('\\').append(c);
        case '$' -> sb.append("(?!.)");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String quote(char c) {
    if (Character.isLetterOrDigit(c) || c >= 0x80) {
      return String.valueOf(c);
    }
    return c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : "\\" + c;
  }

  /** Translates a bracket expression whose '[' is just before {@code i}; returns the index after ']'. */
  private static int bracket(String ere, int i, StringBuilder sb) {
    StringBuilder set = new StringBuilder("[");
    if (i < ere.length() && ere.charAt(i) == '^') {
      set.append('^');
      i++;
    }
    boolean first = true;
    while (i < ere.length()) {
      char c = ere.charAt(i);
      if (c == ']' && !first) {
        sb.append(set).append(']');
        return i + 1;
      }
      first = false;
      if (c == '[' && i + 1 < ere.length() && ere.charAt(i + 1) == ':') {
        int end = ere.indexOf(":]", i + 2);
        if (end > 0 && CLASSES.containsKey(ere.substring(i + 2, end))) {
          set.append(CLASSES.get(ere.substring(i + 2, end)));
          i = end + 2;
          continue;
        }
      }
      if (c == '\\' && i + 1 < ere.length()) {
        StringBuilder one = new StringBuilder();
        i = Lexer.escape(ere, i + 1, one);
        String s = one.toString();
        set.append(quote(s.length() == 2 && s.charAt(0) == '\\' ? s.charAt(1) : s.charAt(0)));
        continue;
      }
      if (c == '-' && set.length() > 1 && i + 1 < ere.length() && ere.charAt(i + 1) != ']') {
        set.append('-');
      } else {
        set.append(quote(c));
      }
      i++;
    }
    throw new AwkException("regular expression compile failed (bad class -- [], [^] or [)\n" + ere);
  }
}
