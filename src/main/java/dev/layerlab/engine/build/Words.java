package dev.layerlab.engine.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Dockerfile's own small shell-word language (not a shell): quotes, the escape character,
 * and {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-word}}, {@code ${VAR:+word}} from ENV and ARG.
 */
final class Words {
  private final char escape;
  private final Map<String, String> env;
  private String s;
  private int pos;

  private Words(char escape, Map<String, String> env) {
    this.escape = escape;
    this.env = env;
  }

  /** One word: variables replaced, quotes and escapes removed. */
  static String word(String text, char escape, Map<String, String> env) {
    Words w = new Words(escape, env);
    w.s = text;
    w.pos = 0;
    StringBuilder out = new StringBuilder();
    while (w.pos < text.length()) {
      w.next(out, false);
    }
    return out.toString();
  }

  /** Whitespace-separated words, each processed as {@link #word}. */
  static List<String> words(String text, char escape, Map<String, String> env) {
    List<String> out = new ArrayList<>();
    for (String raw : split(text, escape)) {
      out.add(word(raw, escape, env));
    }
    return out;
  }

  /** Splits on whitespace outside quotes, keeping quotes and escapes in the words. */
  static List<String> split(String text, char escape) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == 0 && Character.isWhitespace(c)) {
        if (inWord) {
          out.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      cur.append(c);
      if (c == escape && quote != '\'' && i + 1 < text.length()) {
        cur.append(text.charAt(++i));
      } else if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
    }
    if (inWord) {
      out.add(cur.toString());
    }
    return out;
  }

  private void next(StringBuilder out, boolean inDouble) {
    char c = s.charAt(pos++);
    if (c == escape) {
      if (pos < s.length()) {
        char n = s.charAt(pos++);
        if (inDouble && n != '"' && n != '$' && n != escape) {
          out.append(c);
        }
        out.append(n);
      }
    } else if (c == '\'' && !inDouble) {
      int end = s.indexOf('\'', pos);
      if (end < 0) {
        throw new IllegalArgumentException("unexpected end of statement while looking for matching single-quote");
      }
      out.append(s, pos, end);
      pos = end + 1;
    } else if (c == '"' && !inDouble) {
      while (true) {
        if (pos >= s.length()) {
          throw new IllegalArgumentException("unexpected end of statement while looking for matching double-quote");
        }
        if (s.charAt(pos) == '"') {
          pos++;
          return;
        }
        next(out, true);
      }
    } else if (c == '$') {
      out.append(variable());
    } else {
      out.append(c);
    }
  }

  private String variable() {
    if (pos >= s.length()) {
      return "$";
    }
    if (s.charAt(pos) != '{') {
      int start = pos;
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
        pos++;
      }
      return start == pos ? "$" : env.getOrDefault(s.substring(start, pos), "");
    }
    pos++;
    int start = pos;
    while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
      pos++;
    }
    String name = s.substring(start, pos);
    if (pos >= s.length()) {
      throw new IllegalArgumentException("missing '}'");
    }
    char c = s.charAt(pos++);
    if (c == '}') {
      return env.getOrDefault(name, "");
    }
    if (c != ':' || pos >= s.length()) {
      throw new IllegalArgumentException("missing ':' in substitution");
    }
    char mod = s.charAt(pos++);
    StringBuilder word = new StringBuilder();
    while (pos < s.length() && s.charAt(pos) != '}') {
      next(word, false);
    }
    if (pos >= s.length()) {
      throw new IllegalArgumentException("syntax error: missing '}'");
    }
    pos++;
    String value = env.getOrDefault(name, "");
    return switch (mod) {
      case '-' -> value.isEmpty() ? word.toString() : value;
      case '+' -> value.isEmpty() ? "" : word.toString();
      default -> throw new IllegalArgumentException("unsupported modifier (" + mod + ") in substitution");
    };
  }

  /**
   * The {@code name=value} pairs of ENV and LABEL (quotes still in), or the old
   * {@code ENV name value} form; errors in the parser's words.
   */
  static List<String[]> nameValues(String keyword, String args, char escape) {
    List<String> words = split(args, escape);
    List<String[]> out = new ArrayList<>();
    if (words.isEmpty()) {
      throw new IllegalArgumentException(keyword + " requires at least one argument");
    }
    if (!words.get(0).contains("=")) {
      String[] kv = args.strip().split("[ \t]+", 2);
      if (kv.length < 2) {
        throw new IllegalArgumentException(keyword + " must have two arguments");
      }
      out.add(new String[] {kv[0], kv[1]});
      return out;
    }
    for (String w : words) {
      int eq = w.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("Syntax error - can't find = in \"" + w
            + "\". Must be of the form: name=value");
      }
      if (eq == 0) {
        throw new IllegalArgumentException(keyword + " names can not be blank");
      }
      out.add(new String[] {w.substring(0, eq), w.substring(eq + 1)});
    }
    return out;
  }
}
