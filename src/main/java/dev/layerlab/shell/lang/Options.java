package dev.layerlab.shell.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code set}: {@code -e} (errexit), {@code -u} (nounset), {@code -x} (xtrace) and
 * {@code -o pipefail} change how the shell runs; bash's other options are accepted and listed
 * with their usual values but change nothing here.
 */
final class Options {
  private static final String USAGE = "set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]";
  /** Letters bash accepts that this shell does not act on. */
  private static final String OTHER_LETTERS = "abfhkmnptvBCEHPT";
  private static final Map<Character, String> LETTERS = Map.of('e', "errexit", 'u', "nounset", 'x', "xtrace");
  /** Every option {@code set -o} lists, in bash's order. */
  private static final List<String> NAMES = List.of(
      "allexport", "braceexpand", "emacs", "errexit", "errtrace", "functrace", "hashall", "histexpand", "history",
      "ignoreeof", "interactive-comments", "keyword", "monitor", "noclobber", "noexec", "noglob", "nolog", "notify",
      "nounset", "onecmd", "physical", "pipefail", "posix", "privileged", "verbose", "vi", "xtrace");
  private static final Set<String> ON_BY_DEFAULT = Set.of("braceexpand", "hashall", "interactive-comments");

  private final ShellState st;
  private final Io io;

  Options(ShellState st, Io io) {
    this.st = st;
    this.io = io;
  }

  /** A word as {@code set -x} shows it: in single quotes when it is empty or holds shell metacharacters. */
  static String quoted(String word) {
    if (word == null || word.isEmpty()) {
      return "''";
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (" \t\n'\"\\|&;()<>!{}*[?]^$`".indexOf(c) >= 0 || (c == '~' && i == 0) || (c == '#' && i == 0)) {
        return "'" + word.replace("'", "'\\''") + "'";
      }
    }
    return word;
  }

  /** {@code $-}: the single-letter options that are on. */
  static String flags(ShellState st) {
    return (st.errexit ? "e" : "") + "h" + (st.nounset ? "u" : "") + (st.xtrace ? "x" : "") + "B";
  }

  /**
   * Applies the options at the start of {@code args}.
   *
   * @return the index of the first operand, or -1 after an error (already reported, status 2)
   */
  int apply(List<String> args) {
    int i = 0;
    for (; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--") || arg.equals("-")) {
        return i + 1;
      }
      if (arg.length() < 2 || (arg.charAt(0) != '-' && arg.charAt(0) != '+')) {
        return i;
      }
      boolean on = arg.charAt(0) == '-';
      for (char c : arg.substring(1).toCharArray()) {
        if (c == 'o') {
          if (i + 1 >= args.size()) {
            list(on);
            continue;
          }
          String name = args.get(++i);
          if (!NAMES.contains(name)) {
            io.err().print("bash: set: " + name + ": invalid option name\n");
            return -1;
          }
          set(name, on);
        } else if (LETTERS.containsKey(c)) {
          set(LETTERS.get(c), on);
        } else if (OTHER_LETTERS.indexOf(c) < 0) {
          io.err().print("bash: set: " + arg.charAt(0) + c + ": invalid option\n" + USAGE + "\n");
          return -1;
        }
      }
    }
    return i;
  }

  private void set(String name, boolean on) {
    switch (name) {
      case "errexit" -> st.errexit = on;
      case "nounset" -> st.nounset = on;
      case "xtrace" -> st.xtrace = on;
      case "pipefail" -> st.pipefail = on;
      default -> {
        // accepted as bash accepts it; not simulated
      }
    }
  }

  /** {@code set -o} (a table) or {@code set +o} (commands that restore the settings). */
  private void list(boolean table) {
    List<String> lines = new ArrayList<>();
    for (String name : NAMES) {
      boolean on = switch (name) {
        case "errexit" -> st.errexit;
        case "nounset" -> st.nounset;
        case "xtrace" -> st.xtrace;
        case "pipefail" -> st.pipefail;
        default -> ON_BY_DEFAULT.contains(name);
      };
      lines.add(table ? String.format("%-15s\t%s", name, on ? "on" : "off") : "set " + (on ? "-o " : "+o ") + name);
    }
    lines.forEach(line -> io.out().print(line + "\n"));
  }
}
