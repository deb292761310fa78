package dev.layerlab.shell.lang;

import dev.layerlab.shell.lang.Node.Assignment;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code declare}, {@code typeset} and {@code local}: arrays ({@code -a}, {@code -A}), exporting ({@code -x}),
 * printing ({@code -p}), names local to the running function; and {@code unset} of variables,
 * array elements and functions.
 */
final class Declare {
  private static final String OPTIONS = "aAfFgiIlnrtux";

  private final ShellState st;
  private final Io io;
  private final Assigner assigner;

  Declare(ShellState st, Io io, Assigner assigner) {
    this.st = st;
    this.io = io;
    this.assigner = assigner;
  }

  /**
   * Runs {@code argv}; {@code declared} holds the assignments among its words, by position, already
   * recognised by the parser (their text in argv is only for show).
   */
  int run(List<String> argv, Map<Integer, Assignment> declared) {
    String name = argv.get(0);
    if (name.equals("local") && st.frames.isEmpty()) {
      return error("local: can only be used in a function");
    }
    String flags = "";
    int i = 1;
    for (; i < argv.size() && !declared.containsKey(i) && argv.get(i).matches("[-+].+"); i++) {
      if (argv.get(i).equals("--")) {
        i++;
        break;
      }
      for (char c : argv.get(i).substring(1).toCharArray()) {
        if (OPTIONS.indexOf(c) < 0 && c != 'p') {
          io.err().print("bash: " + name + ": -" + c + ": invalid option\n" + usage(name) + "\n");
          return 2;
        }
        if ("aAprxg".indexOf(c) < 0) {
          // the integer, case, trace and nameref attributes are not simulated
          return error(name + ": -" + c + ": not supported by layerlab");
        }
      }
      flags += argv.get(i).startsWith("-") ? argv.get(i).substring(1) : "";
    }
    if (flags.contains("p")) {
      return print(name, argv.subList(i, argv.size()));
    }
    if (i == argv.size()) {
      if (!name.equals("local")) {
        list(st, io);
      }
      return 0;
    }
    boolean local = !st.frames.isEmpty() && !flags.contains("g");
    int status = 0;
    for (; i < argv.size(); i++) {
      Assignment a = declared.get(i);
      String var = a != null ? a.name() : argv.get(i);
      if (a == null && !var.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        io.err().print("bash: " + name + ": `" + var + "': not a valid identifier\n");
        status = 1;
        continue;
      }
      if (local && st.readonly.contains(var)) {
        status = error(name + ": " + var + ": readonly variable");
        continue;
      }
      if (local && st.makeLocal(var) && a == null) {
        st.unset(var);
      }
      if (a == null && st.get(var) == null && (st.array(var) == null || st.array(var).isEmpty())
          && (st.assoc(var) == null || st.assoc(var).isEmpty())) {
        st.valueless.add(var);
      }
      if (flags.contains("A") && st.assoc(var) == null) {
        if (st.array(var) != null) {
          status = error(name + ": " + var + ": cannot convert indexed to associative array");
          continue;
        }
        Assoc assoc = new Assoc();
        if (st.vars.get(var) != null) {
          assoc.put("0", st.vars.get(var));
        }
        boolean valueless = st.valueless.contains(var);
        st.setAssoc(var, assoc);
        if (valueless) {
          st.valueless.add(var);
        }
      } else if (flags.contains("a") && st.assoc(var) != null) {
        status = error(name + ": " + var + ": cannot convert associative to indexed array");
        continue;
      } else if (flags.contains("a")) {
        st.arrayForWrite(var);
      }
      if (a != null) {
        assigner.assign(a);
      }
      if (flags.contains("x")) {
        st.exported.add(var);
      }
      if (flags.contains("r")) {
        st.readonly.add(var);
      }
    }
    return status;
  }

  private int print(String name, List<String> names) {
    int status = 0;
    for (String var : names.isEmpty() ? st.names() : names) {
      String shown = shown(var);
      if (shown == null) {
        status = error(name + ": " + var + ": not found");
      } else {
        io.out().print("declare " + shown + "\n");
      }
    }
    return status;
  }

  /** {@code -a a=([0]="x")} or {@code -x v="1"}: what {@code declare -p} prints after its name; null if unset. */
  private String shown(String var) {
    TreeMap<Long, String> array = st.array(var);
    Assoc assoc = st.assoc(var);
    String value = st.vars.get(var);
    boolean valueless = st.valueless.contains(var);
    if (array == null && assoc == null && value == null && !valueless) {
      return null;
    }
    String attributes = (array != null ? "a" : assoc != null ? "A" : "") + (st.readonly.contains(var) ? "r" : "")
        + (st.exported.contains(var) ? "x" : "");
    String shown = "-" + (attributes.isEmpty() ? "-" : attributes) + " " + var;
    if (valueless) {
      return shown;
    }
    return shown + "=" + (array != null ? elements(array) : assoc != null ? elements(assoc) : quoted(value));
  }

  /** Every variable as {@code set} lists it: {@code name=value}, arrays as {@code name=([0]="x")}. */
  static void list(ShellState st, Io io) {
    for (String var : st.names()) {
      if (st.valueless.contains(var)) {
        continue;
      }
      TreeMap<Long, String> array = st.array(var);
      Assoc assoc = st.assoc(var);
      String scalar = st.vars.get(var);
      String value = array != null ? elements(array) : assoc != null ? elements(assoc)
          : AnsiC.needsQuoting(scalar) ? AnsiC.quote(scalar) : Quoting.shell(scalar);
      io.out().print(var + "=" + value + "\n");
    }
  }

  /** An array as {@code declare -p} and {@code set} print it: {@code ([0]="x" [1]="y")}. */
  static String elements(TreeMap<Long, String> array) {
    StringBuilder sb = new StringBuilder("(");
    array.forEach((k, v) -> sb.append(sb.length() > 1 ? " " : "").append('[').append(k).append("]=").append(quoted(v)));
    return sb.append(')').toString();
  }

  /** An associative array as bash prints it: keys in its order, quoted when not plain, a space before the {@code )}. */
  static String elements(Assoc assoc) {
    StringBuilder sb = new StringBuilder("(");
    for (String key : assoc.keys()) {
      String shownKey = hasShellMetas(key) ? quoted(key) : key;
      sb.append('[').append(shownKey).append("]=").append(quoted(assoc.get(key))).append(' ');
    }
    return sb.append(')').toString();
  }

  /** True when a key needs quotes to be read back: blanks, quotes, operators, glob and expansion characters. */
  private static boolean hasShellMetas(String key) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (" \t\n'\"\\|&;()<>!{}*[?]^$`".indexOf(c) >= 0
          || (c == '~' && (i == 0 || key.charAt(i - 1) == '=' || key.charAt(i - 1) == ':'))
          || (c == '#' && i == 0)) {
        return true;
      }
    }
    return false;
  }

  /** A value as {@code declare -p} shows it: {@code "..."}, or {@code $'...'} when it holds control characters. */
  static String quoted(String value) {
    if (AnsiC.needsQuoting(value)) {
      return AnsiC.quote(value);
    }
    return "\"" + value.replaceAll("([\"\\\\$`])", "\\\\$1") + "\"";
  }

  /** {@code unset [-f|-v] name|name[index]...}. */
  int unset(List<String> args) {
    boolean functions = false;
    boolean variables = false;
    int i = 0;
    for (; i < args.size() && args.get(i).matches("-[fv]+"); i++) {
      functions |= args.get(i).contains("f");
      variables |= args.get(i).contains("v");
    }
    int status = 0;
    for (String arg : args.subList(i, args.size())) {
      int open = arg.indexOf('[');
      if (!functions && open > 0 && arg.endsWith("]")) {
        status |= unsetElement(arg.substring(0, open), arg.substring(open + 1, arg.length() - 1));
      } else if (functions || (!variables && !st.vars.containsKey(arg) && st.array(arg) == null
          && st.assoc(arg) == null)) {
        st.functions.remove(arg);
      } else if (st.readonly.contains(arg)) {
        status = error("unset: " + arg + ": cannot unset: readonly variable");
      } else {
        st.unset(arg);
      }
    }
    return status;
  }

  private int unsetElement(String name, String index) {
    if (st.assoc(name) != null) {
      if (index.equals("@") || index.equals("*")) {
        st.unset(name);
      } else {
        st.assoc(name).remove(assigner.key(index));
      }
      return 0;
    }
    TreeMap<Long, String> array = st.array(name);
    if (index.equals("@") || index.equals("*")) {
      st.unset(name);
      return 0;
    }
    if (array == null && st.vars.get(name) == null) {
      return 0;
    }
    long i;
    try {
      i = st.subscript(name, index);
    } catch (ShellError e) {
      return error("unset: [" + index + "]: bad array subscript");
    }
    if (array == null) {
      if (i == 0) {
        st.unset(name);
      }
    } else {
      array.remove(i);
    }
    return 0;
  }

  private static String usage(String name) {
    return switch (name) {
      case "local" -> "local: usage: local [option] name[=value] ...";
      case "typeset" -> "typeset: usage: typeset [-aAfFgiIlnrtux] name[=value] ... or typeset -p [-aAfFilnrtux] [name ...]";
      default -> "declare: usage: declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]";
    };
  }

  private int error(String message) {
    io.err().print("bash: " + message + "\n");
    return 1;
  }
}
