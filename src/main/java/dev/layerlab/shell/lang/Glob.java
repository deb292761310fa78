package dev.layerlab.shell.lang;

import java.util.BitSet;

/**
 * A shell pattern ({@code *}, {@code ?}, {@code [...]}) as fnmatch(3) reads it. Quoted characters
 * match only themselves.
 */
public final class Glob {
  private final String text;
  private final BitSet quoted;

  private Glob(String text, BitSet quoted) {
    this.text = text;
    this.quoted = quoted;
  }

  /** A pattern where a backslash quotes the next character, as in {@code find -name}. */
  public static Glob of(String pattern) {
    StringBuilder sb = new StringBuilder();
    BitSet quoted = new BitSet();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        quoted.set(sb.length());
        sb.append(pattern.charAt(++i));
      } else {
        sb.append(c);
      }
    }
    return new Glob(sb.toString(), quoted);
  }

  static Glob of(String text, BitSet quoted) {
    return new Glob(text, quoted);
  }

  /** True when some unquoted character is special, so the word is a pattern at all. */
  public boolean hasMagic() {
    for (int i = 0; i < text.length(); i++) {
      if (!quoted.get(i) && "*?[".indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the whole of {@code s} matches. */
  public boolean matches(String s) {
    return match(0, s, 0);
  }

  /** Like {@link #matches}, but a leading dot in a file name must be matched by a literal dot. */
  public boolean matchesName(String name) {
    if (name.startsWith(".") && !text.startsWith(".")) {
      return false;
    }
    return matches(name);
  }

  private boolean match(int p, String s, int i) {
    while (p < text.length()) {
      char c = text.charAt(p);
      boolean q = quoted.get(p);
      if (!q && c == '*') {
        while (p < text.length() && text.charAt(p) == '*' && !quoted.get(p)) {
          p++;
        }
        if (p == text.length()) {
          return true;
        }
        for (int k = i; k <= s.length(); k++) {
          if (match(p, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (i >= s.length()) {
        return false;
      }
      if (!q && c == '?') {
        p++;
        i++;
      } else if (!q && c == '[') {
        int end = classEnd(p);
        if (end < 0) {
          if (s.charAt(i) != '[') {
            return false;
          }
          p++;
          i++;
        } else {
          if (!classMatches(p + 1, end, s.charAt(i))) {
            return false;
          }
          p = end + 1;
          i++;
        }
      } else {
        if (c != s.charAt(i)) {
          return false;
        }
        p++;
        i++;
      }
    }
    return i == s.length();
  }

  /** The index of the {@code ]} closing the bracket expression at {@code open}, or -1. */
  private int classEnd(int open) {
    int j = open + 1;
    if (j < text.length() && (text.charAt(j) == '!' || text.charAt(j) == '^')) {
      j++;
    }
    if (j < text.length() && text.charAt(j) == ']') {
      j++;
    }
    while (j < text.length()) {
      if (text.charAt(j) == ']' && !quoted.get(j)) {
        return j;
      }
      j++;
    }
    return -1;
  }

  private boolean classMatches(int from, int end, char ch) {
    boolean negate = false;
    int j = from;
    if (text.charAt(j) == '!' || text.charAt(j) == '^') {
      negate = true;
      j++;
    }
    boolean found = false;
    while (j < end) {
      char lo = text.charAt(j);
      if (j + 2 < end && text.charAt(j + 1) == '-') {
        char hi = text.charAt(j + 2);
        if (ch >= lo && ch <= hi) {
          found = true;
        }
        j += 3;
      } else {
        if (ch == lo) {
          found = true;
        }
        j++;
      }
    }
    return found != negate;
  }
}
