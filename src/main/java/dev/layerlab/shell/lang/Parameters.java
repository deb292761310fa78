package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Word.Param;
import java.util.List;

/** The value of one {@code $name} or {@code ${name op word}}, bash's rules for unset and empty. */
final class Parameters {
  private final Expander expander;
  private final ShellState state;

  Parameters(Expander expander, ShellState state) {
    this.expander = expander;
    this.state = state;
  }

  /** The expansion, or null when it expands to nothing at all (an unset variable). */
  String value(Param p) {
    String value = raw(p.name());
    String op = p.op();
    if (op == null) {
      return value;
    }
    if (op.equals("#len")) {
      return Integer.toString(value == null ? 0 : value.length());
    }
    boolean colon = op.startsWith(":");
    boolean missing = value == null || (colon && value.isEmpty());
    switch (colon ? op.substring(1) : op) {
      case "-":
        return missing ? expander.single(p.arg()) : value;
      case "=":
        if (missing) {
          value = expander.single(p.arg());
          state.set(p.name(), value);
        }
        return value;
      case "+":
        return missing ? "" : expander.single(p.arg());
      case "?":
        if (missing) {
          String text = expander.single(p.arg());
          throw new ShellError(p.name() + ": " + (text.isEmpty() ? "parameter null or not set" : text), 1, true);
        }
        return value;
      default:
        return value == null ? null : strip(value, op, Glob.of(expander.single(p.arg())));
    }
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
      case "%%":
        for (int i = 0; i <= n; i++) {
          if (glob.matches(value.substring(i))) {
            return value.substring(0, i);
          }
        }
        return value;
      default:
        return value;
    }
  }

  private String raw(String name) {
    List<String> args = state.positional;
    switch (name) {
      case "?":
        return Integer.toString(state.status);
      case "#":
        return Integer.toString(args.size());
      case "@":
      case "*":
        return args.isEmpty() ? null : String.join(" ", args);
      case "$":
        return "1";
      case "!":
        return null;
      case "-":
        return "hB";
      case "0":
        return state.arg0;
      default:
        if (Character.isDigit(name.charAt(0))) {
          int i = Integer.parseInt(name);
          return i <= args.size() ? args.get(i - 1) : null;
        }
        return state.get(name);
    }
  }
}
