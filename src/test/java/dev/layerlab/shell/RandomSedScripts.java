package dev.layerlab.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random sed scripts and the text they run over: addresses and ranges, negation, blocks,
 * substitutions with random basic or extended regular expressions and flags, and the other
 * commands that cannot loop forever ({@code D} only as in {@code $!N;P;D}, whose pattern space
 * always shrinks, and never with a command that can put a newline back, which could restart the
 * cycle forever, in real sed too).
 */
final class RandomSedScripts {
  private static final String[] WORDS = {"a", "b", "ab", "ba", "abc", "cab", "aa", "bb", "c", "x1", "A", "B", "Ab", "a.b",
      "a b", "  ", "", "1", "22", "[a]", "a*", "a/b"};

  private final Random random;
  boolean extended;

  RandomSedScripts(long seed) {
    this.random = new Random(seed);
  }

  /** A few lines of short words; sometimes the last line has no newline. */
  String text() {
    StringBuilder b = new StringBuilder();
    int lines = 1 + random.nextInt(8);
    for (int k = 0; k < lines; k++) {
      int words = random.nextInt(4);
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          b.append(random.nextInt(4) == 0 ? "" : " ");
        }
        b.append(pick(WORDS));
      }
      b.append('\n');
    }
    if (random.nextInt(5) == 0) {
      b.setLength(b.length() - 1);
    }
    return b.toString();
  }

  /** The options before the script: some of -n, -E, -s, -z. */
  List<String> options() {
    List<String> options = new ArrayList<>();
    extended = random.nextInt(3) == 0;
    if (extended) {
      options.add(random.nextBoolean() ? "-E" : "-r");
    }
    if (random.nextInt(3) == 0) {
      options.add("-n");
    }
    if (random.nextInt(10) == 0) {
      options.add("-s");
    }
    if (random.nextInt(25) == 0) {
      options.add("-z");
    }
    return options;
  }

  /** A script of one to four commands separated by {@code ;} or newlines. */
  String script() {
    while (true) {
      String script = anyScript();
      boolean mayGrow = script.contains("G") || script.contains("x") || script.contains("g") || script.contains("\\n");
      if (!script.contains("D") || !mayGrow) {
        return script;
      }
    }
  }

  private String anyScript() {
    StringBuilder b = new StringBuilder();
    int commands = 1 + random.nextInt(4);
    for (int k = 0; k < commands; k++) {
      if (k > 0) {
        b.append(random.nextInt(3) == 0 ? "\n" : ";");
      }
      b.append(command(0));
    }
    return b.toString();
  }

  private String command(int depth) {
    String address = address();
    int kind = random.nextInt(depth < 2 ? 24 : 22);
    String body = switch (kind) {
      case 0, 1, 2, 3, 4, 5, 6 -> substitute();
      case 7 -> "d";
      case 8 -> "p";
      case 9 -> "=";
      case 10 -> "y/ab/" + (random.nextBoolean() ? "ba" : "XY") + "/";
      case 11 -> "a " + pick(WORDS) + "x";
      case 12 -> "i\\\n" + pick(WORDS) + "y";
      case 13 -> "c\\\nchanged";
      case 14 -> "q";
      case 15 -> pick(new String[] {"h", "H", "g", "G", "x"});
      case 16 -> "$!N";
      case 17 -> "n";
      case 18 -> "P";
      case 19 -> "l";
      case 20 -> pick(new String[] {"t", "T", "b", "z"});
      case 21 -> "$!N;P;D";
      default -> "{" + command(depth + 1) + ";" + command(depth + 1) + "}";
    };
    if (body.startsWith("$!N")) {
      address = "";
    }
    return address + body;
  }

  private String address() {
    String a = switch (random.nextInt(12)) {
      case 0, 1, 2, 3 -> "";
      case 4 -> String.valueOf(1 + random.nextInt(6));
      case 5 -> "$";
      case 6 -> "/" + regex() + "/";
      case 7 -> (1 + random.nextInt(4)) + "," + (1 + random.nextInt(6));
      case 8 -> "/" + regex() + "/,/" + regex() + "/";
      case 9 -> (1 + random.nextInt(3)) + ",+" + random.nextInt(3);
      case 10 -> random.nextInt(3) + "~" + (1 + random.nextInt(3));
      default -> random.nextBoolean() ? "0,/" + regex() + "/" : "/" + regex() + "/,$";
    };
    if (!a.isEmpty() && random.nextInt(4) == 0) {
      a += "!";
    }
    return a;
  }

  private String substitute() {
    String regex = regex();
    int groups = countGroups(regex);
    StringBuilder flags = new StringBuilder();
    if (random.nextInt(3) == 0) {
      flags.append('g');
    }
    if (random.nextInt(6) == 0) {
      flags.append(1 + random.nextInt(3));
    }
    if (random.nextInt(6) == 0) {
      flags.append('p');
    }
    if (random.nextInt(8) == 0) {
      flags.append('I');
    }
    String replacement = replacement(groups);
    String delim = pick(new String[] {"/", "/", "/", "|", ",", "#"});
    if ((regex + replacement).contains(delim)) {
      delim = "/";
    }
    return "s" + delim + regex + delim + replacement + delim + flags;
  }

  private String replacement(int groups) {
    StringBuilder b = new StringBuilder();
    int parts = random.nextInt(4);
    for (int k = 0; k < parts; k++) {
      switch (random.nextInt(8)) {
        case 0 -> b.append('&');
        case 1 -> b.append(groups > 0 ? "\\" + (1 + random.nextInt(groups)) : "-");
        case 2 -> b.append("\\n");
        case 3 -> b.append(pick(new String[] {"\\U", "\\L", "\\u", "\\E"}));
        case 4 -> b.append("\\&");
        default -> b.append(pick(new String[] {"X", "yy", "_", "[", "1", " "}));
      }
    }
    return b.toString();
  }

  /** A regular expression in the syntax of the current options. */
  String regex() {
    StringBuilder b = new StringBuilder();
    if (random.nextInt(5) == 0) {
      b.append('^');
    }
    int atoms = 1 + random.nextInt(3);
    for (int k = 0; k < atoms; k++) {
      b.append(atom(0, false));
    }
    if (random.nextInt(5) == 0) {
      b.append('$');
    }
    return b.toString();
  }

  /**
   * One atom, maybe quantified. Inside a group ({@code nonEmpty}) it always matches at least one
   * char: a group that can match the empty string under a quantifier is where POSIX and Java
   * disagree on what {@code \\1} captured, a known limit of the translation.
   */
  private String atom(int depth, boolean nonEmpty) {
    String atom = switch (random.nextInt(depth < 1 ? 12 : 10)) {
      case 0, 1, 2 -> pick(new String[] {"a", "b", "c", "A", "1", " "});
      case 3 -> ".";
      case 4 -> pick(new String[] {"[ab]", "[^a]", "[[:alpha:]]", "[[:digit:]]", "[[:space:]]", "[a-c]", "[]a]", "[.]"});
      case 5 -> pick(new String[] {"\\.", "\\*", "\\[", "\\w", "\\W", "\\s"});
      case 6 -> nonEmpty ? "b" : pick(new String[] {"\\<", "\\>", "\\b"});
      case 7 -> extended ? pick(new String[] {"+", "?", "{", "|"}).equals("|") ? "(a|b)" : "x" : pick(new String[] {"+", "?",
          "{", "|", "(", ")"});
      case 8, 9 -> "a";
      default -> group(depth);
    };
    if (atom.length() > 0 && !atom.startsWith("\\<") && !atom.startsWith("\\>") && !atom.startsWith("\\b")) {
      switch (random.nextInt(8)) {
        case 0, 1 -> atom += nonEmpty ? "" : "*";
        case 2 -> atom += extended ? "+" : "\\+";
        case 3 -> atom += nonEmpty ? "" : extended ? "?" : "\\?";
        case 4 -> atom += extended ? "{1,2}" : "\\{1,2\\}";
        default -> { }
      }
    }
    return atom;
  }

  private String group(int depth) {
    StringBuilder inner = new StringBuilder(atom(depth + 1, true));
    if (random.nextInt(3) == 0) {
      inner.append(extended ? "|" : "\\|").append(atom(depth + 1, true));
    } else {
      inner.append(atom(depth + 1, true));
    }
    return extended ? "(" + inner + ")" : "\\(" + inner + "\\)";
  }

  private int countGroups(String regex) {
    int n = 0;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        if (!extended && regex.charAt(i + 1) == '(') {
          n++;
        }
        i++;
      } else if (extended && c == '(') {
        n++;
      } else if (c == '[') {
        int end = regex.indexOf(']', i + 2);
        i = end < 0 ? i : end;
      }
    }
    return n;
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
