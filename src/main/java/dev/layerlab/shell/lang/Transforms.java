package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Word.Param;

/**
 * The pattern operators of {@code ${...}} applied to one value: removing a prefix or suffix
 * ({@code # ## % %%}), replacing matches ({@code / // /# /%}) and changing case ({@code ^ ^^ , ,,}).
 */
final class Transforms {
  private Transforms() {}

  static String apply(Expander expander, Param p, String value) {
    String op = p.op();
    return switch (op) {
      case "#", "##", "%", "%%" -> strip(value, op, expander.pattern(p.arg()));
      case "/", "//", "/#", "/%" -> replace(expander, p, value);
      default -> changeCase(value, op, p.arg().parts().isEmpty() ? null : expander.pattern(p.arg()));
    };
  }

  private static String strip(String value, String op, Glob glob) {
    int n = value.length();
    switch (op) {
      case "#":
        for (int i = 0; i <= n; i++) {
          if (glob.matches(value.substring(0, i))) {
            return value.substring(i);
          }
        }
        return value;
      case "##":
        for (int i = n; i >= 0; i--) {
          if (glob.matches(value.substring(0, i))) {
            return value.substring(i);
          }
        }
        return value;
      case "%":
        for (int i = n; i >= 0; i--) {
          if (glob.matches(value.substring(i))) {
            return value.substring(0, i);
          }
        }
        return value;
      default:
        for (int i = 0; i <= n; i++) {
          if (glob.matches(value.substring(i))) {
            return value.substring(0, i);
          }
        }
        return value;
    }
  }

  /**
   * The leftmost longest match replaced (every one for {@code //}); as bash 5.2 does by default
   * (patsub_replacement), an unquoted {@code &} in the replacement stands for the match.
   */
  private static String replace(Expander expander, Param p, String value) {
    Expander.Marked pattern = expander.marked(p.arg());
    Glob glob = Glob.of(pattern.text(), pattern.quoted());
    Expander.Marked with = p.arg2() == null ? null : expander.marked(p.arg2());
    int n = value.length();
    String op = p.op();
    if (op.equals("/#")) {
      for (int j = n; j >= 0; j--) {
        if (glob.matches(value.substring(0, j))) {
          return substitute(with, value.substring(0, j)) + value.substring(j);
        }
      }
      return value;
    }
    if (op.equals("/%")) {
      for (int i = 0; i <= n; i++) {
        if (glob.matches(value.substring(i))) {
          return value.substring(0, i) + substitute(with, value.substring(i));
        }
      }
      return value;
    }
    if (pattern.text().isEmpty()) {
      return value;
    }
    if (value.isEmpty()) {
      return glob.matches("") ? substitute(with, "") : value;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    boolean replaced = false;
    while (i < n) {
      int match = replaced && op.equals("/") ? -1 : longestMatch(glob, value, i);
      if (match > i) {
        out.append(substitute(with, value.substring(i, match)));
        i = match;
        replaced = true;
      } else {
        out.append(value.charAt(i++));
      }
    }
    return out.toString();
  }

  private static int longestMatch(Glob glob, String value, int from) {
    for (int j = value.length(); j > from; j--) {
      if (glob.matches(value.substring(from, j))) {
        return j;
      }
    }
    return -1;
  }

  private static String substitute(Expander.Marked with, String match) {
    if (with == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    String text = with.text();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '&' && !with.quoted().get(i)) {
        out.append(match);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code ^} and {@code ,} change the first character, {@code ^^} and {@code ,,} every one the pattern matches. */
  private static String changeCase(String value, String op, Glob glob) {
    boolean upper = op.startsWith("^");
    boolean all = op.length() == 2;
    StringBuilder out = new StringBuilder(value);
    for (int i = 0; i < value.length() && (all || i == 0); i++) {
      char c = value.charAt(i);
      if (glob == null || glob.matches(String.valueOf(c))) {
        out.setCharAt(i, upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
      }
    }
    return out.toString();
  }
}
