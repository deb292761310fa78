package dev.layerlab.shell.util;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A POSIX regular expression as GNU sed reads it (basic by default, extended with {@code -E}),
 * translated to a {@link Pattern}. Text is one char per byte (ISO-8859-1), as sed sees it in the
 * C locale. POSIX wants the leftmost-longest match where Java takes the leftmost-first one; they
 * differ only with alternation and optional groups, so only such expressions search further.
 */
final class SedRegex {
  /** A regcomp(3) failure, in glibc's words. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  private static final String WORD = "[A-Za-z0-9_]";
  private static final String BAD_BRACKET = "Unmatched [, [^, [:, [., or [=";
  private static final String BAD_PRECEDING = "Invalid preceding regular expression";

  /**
   * How far past Java's match a longer POSIX match is looked for: each try is a full match
   * attempt, so an unbounded search would be quadratic on a long line.
   */
  private static final int LONGEST_REACH = 512;

  private final Pattern pattern;
  private final boolean longest;
  private final int groups;

  private SedRegex(Pattern pattern, boolean longest, int groups) {
    this.pattern = pattern;
    this.longest = longest;
    this.groups = groups;
  }

  /** Compiles {@code re} (after sed took off its delimiters) with the {@code I} and {@code M} flags. */
  static SedRegex compile(String re, boolean extended, boolean icase, boolean multiline) throws Invalid {
    Translator t = new Translator(SedText.producedChars(re), extended, multiline);
    String java = t.translate();
    int flags = multiline ? 0 : Pattern.DOTALL;
    if (icase) {
      flags |= Pattern.CASE_INSENSITIVE;
    }
    return new SedRegex(Pattern.compile(java, flags), t.longest, t.groupCount);
  }

  /** How many {@code \(...\)} groups the expression has. */
  int groups() {
    return groups;
  }

  /** The leftmost-longest match starting at or after {@code from}, or null; {@code ^} still means the start of {@code text}. */
  MatchResult find(String text, int from) {
    Matcher m = pattern.matcher(text);
    m.useTransparentBounds(true);
    m.useAnchoringBounds(false);
    m.region(from, text.length());
    if (!m.find()) {
      return null;
    }
    MatchResult first = m.toMatchResult();
    if (!longest || first.end() == text.length()) {
      return first;
    }
    int start = first.start();
    for (int end = (int) Math.min(text.length(), first.end() + (long) LONGEST_REACH); end > first.end(); end--) {
      m.region(start, end);
      if (m.matches()) {
        return m.toMatchResult();
      }
    }
    return first;
  }

  /** Walks the POSIX syntax once, writing the Java equivalent. */
  private static final class Translator {
    private final String src;
    private final boolean extended;
    private final boolean multiline;
    private final StringBuilder out = new StringBuilder();
    private final Deque<int[]> open = new ArrayDeque<>();
    private final BitSet closed = new BitSet();
    private int i;
    private int atomStart = -1;
    private boolean atomIsGroup;
    private boolean quantified;
    private boolean branchStart = true;
    boolean longest;
    int groupCount;

    Translator(String src, boolean extended, boolean multiline) {
      this.src = src;
      this.extended = extended;
      this.multiline = multiline;
    }

    String translate() throws Invalid {
      while (i < src.length()) {
        char c = src.charAt(i++);
        if (c == '\\') {
          if (i >= src.length()) {
            throw new Invalid("Trailing backslash");
          }
          escape(src.charAt(i++));
        } else if (c == '[') {
          bracket();
        } else if (c == '.') {
          atom(multiline ? "[^\\n]" : ".");
        } else if (c == '*') {
          quantifier("*");
        } else if (c == '^' && (extended || branchStart)) {
          anchor(multiline ? "(?:(?<=\\n)|\\A)" : "\\A");
        } else if (c == '$' && (extended || atBranchEnd())) {
          anchor(multiline ? "(?=\\n|\\z)" : "\\z");
        } else if (extended && (c == '+' || c == '?')) {
          quantifier(String.valueOf(c));
        } else if (extended && c == '{') {
          interval();
        } else if (extended && c == '(') {
          openGroup();
        } else if (extended && c == ')') {
          closeGroup();
        } else if (extended && c == '|') {
          alternation();
        } else {
          literal(c);
        }
      }
      if (!open.isEmpty()) {
        throw new Invalid("Unmatched ( or \\(");
      }
      return out.toString();
    }

    private boolean atBranchEnd() {
      return i >= src.length() || src.startsWith("\\)", i) || src.startsWith("\\|", i);
    }

    private void escape(char d) throws Invalid {
      if (!extended) {
        switch (d) {
          case '(' -> {
            openGroup();
            return;
          }
          case ')' -> {
            closeGroup();
            return;
          }
          case '{' -> {
            interval();
            return;
          }
          case '+', '?' -> {
            quantifier(String.valueOf(d));
            return;
          }
          case '|' -> {
            alternation();
            return;
          }
          default -> { }
        }
      }
      if (d >= '1' && d <= '9') {
        if (!closed.get(d - '0')) {
          throw new Invalid("Invalid back reference");
        }
        atom("(?:\\" + d + ")");
        return;
      }
      switch (d) {
        case 'w' -> atom(WORD);
        case 'W' -> atom("[^A-Za-z0-9_]");
        case 's' -> atom("[ \\t\\n\\x0B\\f\\r]");
        case 'S' -> atom("[^ \\t\\n\\x0B\\f\\r]");
        case 'b' -> anchor("(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))");
        case 'B' -> anchor("(?:(?<=" + WORD + ")(?=" + WORD + ")|(?<!" + WORD + ")(?!" + WORD + "))");
        case '<' -> anchor("(?<!" + WORD + ")(?=" + WORD + ")");
        case '>' -> anchor("(?<=" + WORD + ")(?!" + WORD + ")");
        case '`' -> anchor("\\A");
        case '\'' -> anchor("\\z");
        default -> literal(d);
      }
    }

    private void atom(String java) {
      atomStart = out.length();
      atomIsGroup = false;
      quantified = false;
      branchStart = false;
      out.append(java);
    }

    private void literal(char c) {
      atom(quote(c));
    }

    private void anchor(String java) {
      out.append(java);
      atomStart = -1;
      quantified = false;
      branchStart = false;
    }

    private void quantifier(String q) throws Invalid {
      if (atomStart < 0) {
        if (!extended && q.equals("*")) {
          literal('*');
          return;
        }
        if (!extended) {
          literal(q.charAt(0));
          return;
        }
        throw new Invalid(BAD_PRECEDING);
      }
      if (quantified) {
        if (!extended) {
          throw new Invalid(BAD_PRECEDING);
        }
        out.insert(atomStart, "(?:").append(')');
        atomIsGroup = true;
      }
      longest |= atomIsGroup;
      out.append(q);
      quantified = true;
      branchStart = false;
    }

    private void interval() throws Invalid {
      String close = extended ? "}" : "\\}";
      int end = src.indexOf(close, i);
      if (atomStart < 0) {
        if (!extended && branchStart) {
          literal('{');
          return;
        }
        throw new Invalid(BAD_PRECEDING);
      }
      if (end < 0) {
        throw new Invalid("Unmatched \\{");
      }
      String body = src.substring(i, end);
      if (!body.matches("\\d*(,\\d*)?")) {
        throw new Invalid("Invalid content of \\{\\}");
      }
      int comma = body.indexOf(',');
      String lo = comma < 0 ? body : body.substring(0, comma);
      String hi = comma < 0 ? body : body.substring(comma + 1);
      if (comma < 0 && lo.isEmpty()) {
        throw new Invalid("Invalid content of \\{\\}");
      }
      long min = lo.isEmpty() ? 0 : Long.parseLong(lo);
      long max = hi.isEmpty() ? -1 : Long.parseLong(hi);
      if (min > 32767 || max > 32767) {
        throw new Invalid("Regular expression too big");
      }
      if (max >= 0 && min > max) {
        throw new Invalid("Invalid content of \\{\\}");
      }
      i = end + close.length();
      quantifier("{" + min + (comma < 0 ? "" : "," + (max < 0 ? "" : String.valueOf(max))) + "}");
    }

    private void openGroup() {
      groupCount++;
      open.push(new int[] {out.length(), groupCount});
      out.append('(');
      atomStart = -1;
      quantified = false;
      branchStart = true;
    }

    private void closeGroup() throws Invalid {
      if (open.isEmpty()) {
        if (extended) {
          literal(')');
          return;
        }
        throw new Invalid("Unmatched ) or \\)");
      }
      int[] g = open.pop();
      out.append(')');
      closed.set(g[1]);
      atomStart = g[0];
      atomIsGroup = true;
      quantified = false;
      branchStart = false;
    }

    private void alternation() {
      out.append('|');
      longest = true;
      atomStart = -1;
      quantified = false;
      branchStart = true;
    }

    private void bracket() throws Invalid {
      StringBuilder cls = new StringBuilder("[");
      if (i < src.length() && src.charAt(i) == '^') {
        cls.append('^');
        if (multiline) {
          cls.append("\\n");
        }
        i++;
      }
      boolean first = true;
      while (true) {
        if (i >= src.length()) {
          throw new Invalid(BAD_BRACKET);
        }
        char c = src.charAt(i);
        if (c == ']' && !first) {
          i++;
          break;
        }
        first = false;
        if (c == '[' && i + 1 < src.length() && src.charAt(i + 1) == ':') {
          int end = src.indexOf(":]", i + 2);
          if (end < 0) {
            throw new Invalid(BAD_BRACKET);
          }
          cls.append(posixClass(src.substring(i + 2, end)));
          i = end + 2;
          continue;
        }
        int lo = element();
        if (i + 1 < src.length() && src.charAt(i) == '-' && src.charAt(i + 1) != ']') {
          i++;
          if (src.startsWith("[:", i)) {
            throw new Invalid("Invalid range end");
          }
          int hi = element();
          if (hi < lo) {
            throw new Invalid("Invalid range end");
          }
          cls.append(quote((char) lo)).append('-').append(quote((char) hi));
        } else {
          cls.append(quote((char) lo));
        }
      }
      atom(cls.append(']').toString());
    }

    /** One character of a bracket expression: plain (a backslash too), {@code [.c.]} or {@code [=c=]}. */
    private int element() throws Invalid {
      char c = src.charAt(i);
      if (c == '[' && i + 1 < src.length() && (src.charAt(i + 1) == '.' || src.charAt(i + 1) == '=')) {
        char kind = src.charAt(i + 1);
        int end = src.indexOf(kind + "]", i + 2);
        if (end < 0) {
          throw new Invalid(BAD_BRACKET);
        }
        if (end - (i + 2) != 1) {
          throw new Invalid("Invalid collation character");
        }
        char value = src.charAt(i + 2);
        i = end + 2;
        return value;
      }
      i++;
      return c;
    }

    private static String posixClass(String name) throws Invalid {
      return switch (name) {
        case "alpha" -> "\\p{Alpha}";
        case "digit" -> "0-9";
        case "alnum" -> "\\p{Alnum}";
        case "upper" -> "\\p{Upper}";
        case "lower" -> "\\p{Lower}";
        case "space" -> " \\t\\n\\x0B\\f\\r";
        case "blank" -> " \\t";
        case "punct" -> "\\p{Punct}";
        case "print" -> "\\x20-\\x7e";
        case "graph" -> "\\x21-\\x7e";
        case "cntrl" -> "\\x00-\\x1f\\x7f";
        case "xdigit" -> "0-9A-Fa-f";
        default -> throw new Invalid("Invalid character class name");
      };
    }

    private static String quote(char c) {
      if (c < 128 && Character.isLetterOrDigit(c)) {
        return String.valueOf(c);
      }
      return String.format("\\x{%x}", (int) c);
    }
  }
}
