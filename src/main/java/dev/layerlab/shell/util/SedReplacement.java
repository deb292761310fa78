package dev.layerlab.shell.util;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;

/**
 * The right-hand side of {@code s}: literal text, {@code &} and {@code \1}..{@code \9}, and GNU's
 * case conversions (a backslash before U, L, E, u or l).
 */
final class SedReplacement {
  /** One piece of the replacement, in order. */
  private sealed interface Piece permits Literal, Group, Case {}

  private record Literal(String text) implements Piece {}

  /** Group 0 is the whole match. */
  private record Group(int number) implements Piece {}

  /** One of {@code U L E u l}. */
  private record Case(char op) implements Piece {}

  private final List<Piece> pieces;
  private final int highestGroup;

  private SedReplacement(List<Piece> pieces, int highestGroup) {
    this.pieces = pieces;
    this.highestGroup = highestGroup;
  }

  /** Reads the replacement as sed's parser left it (delimiters and escaped newlines already resolved). */
  static SedReplacement parse(String raw) {
    List<Piece> pieces = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int highest = 0;
    int[] len = new int[1];
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '&') {
        flush(pieces, lit);
        pieces.add(new Group(0));
        continue;
      }
      if (c != '\\' || i + 1 >= raw.length()) {
        lit.append(c);
        continue;
      }
      char d = raw.charAt(++i);
      if (d >= '0' && d <= '9') {
        flush(pieces, lit);
        pieces.add(new Group(d - '0'));
        highest = Math.max(highest, d - '0');
      } else if ("ULEul".indexOf(d) >= 0) {
        flush(pieces, lit);
        pieces.add(new Case(d));
      } else {
        int value = SedText.escapeValue(raw, i, len);
        if (value < 0) {
          lit.append(d);
        } else {
          lit.append((char) value);
          i += len[0] - 1;
        }
      }
    }
    flush(pieces, lit);
    return new SedReplacement(List.copyOf(pieces), highest);
  }

  private static void flush(List<Piece> pieces, StringBuilder lit) {
    if (lit.length() > 0) {
      pieces.add(new Literal(lit.toString()));
      lit.setLength(0);
    }
  }

  /** The highest {@code \N} used, to check against the groups of the regular expression. */
  int highestGroup() {
    return highestGroup;
  }

  /**
   * The text with the chosen matches replaced, or null when none was: the {@code occurrence}-th
   * match, and with {@code global} every one after it. As in GNU sed, an empty match right where
   * the previous match ended does not count.
   */
  String substitute(SedRegex regex, String text, boolean global, long occurrence) {
    MatchResult m = regex.find(text, 0);
    StringBuilder result = new StringBuilder();
    int copied = 0;
    int prevEnd = -1;
    long count = 0;
    boolean did = false;
    while (m != null) {
      boolean empty = m.start() == m.end();
      if (!(empty && m.start() == prevEnd)) {
        count++;
        if (count >= occurrence) {
          result.append(text, copied, m.start());
          appendTo(result, m);
          copied = m.end();
          did = true;
          if (!global) {
            break;
          }
        }
        prevEnd = m.end();
      }
      int from = empty ? m.end() + 1 : m.end();
      if (from > text.length()) {
        break;
      }
      m = regex.find(text, from);
    }
    if (!did) {
      return null;
    }
    return result.append(text, copied, text.length()).toString();
  }

  /** Appends the replacement for one match. */
  private void appendTo(StringBuilder out, MatchResult m) {
    char mode = 'E';
    char once = 0;
    for (Piece p : pieces) {
      String text;
      if (p instanceof Case c) {
        if (c.op() == 'u' || c.op() == 'l') {
          once = c.op();
        } else {
          mode = c.op();
          once = 0;
        }
        continue;
      } else if (p instanceof Group g) {
        text = g.number() <= m.groupCount() && m.group(g.number()) != null ? m.group(g.number()) : "";
      } else {
        text = ((Literal) p).text();
      }
      if (text.isEmpty()) {
        continue;
      }
      if (mode == 'U') {
        text = upper(text);
      } else if (mode == 'L') {
        text = lower(text);
      }
      if (once != 0) {
        String first = text.substring(0, 1);
        text = (once == 'u' ? upper(first) : lower(first)) + text.substring(1);
        once = 0;
      }
      out.append(text);
    }
  }

  /** ASCII only, as in the C locale. */
  private static String upper(String s) {
    StringBuilder b = new StringBuilder(s);
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c >= 'a' && c <= 'z') {
        b.setCharAt(i, (char) (c - 32));
      }
    }
    return b.toString();
  }

  private static String lower(String s) {
    StringBuilder b = new StringBuilder(s);
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        b.setCharAt(i, (char) (c + 32));
      }
    }
    return b.toString();
  }
}
