package dev.layerlab.shell.util;

import dev.layerlab.shell.ProgramContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GNU getopt_long as coreutils uses it: bundled short options, {@code --long} and {@code --long=value},
 * options anywhere among the operands, and {@code --} ending them.
 */
final class Args {
  private final Map<String, List<String>> values = new HashMap<>();
  private final List<String> operands = new ArrayList<>();

  /** Thrown with GNU's message (the caller prints it and the "Try --help" line). */
  static final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  private Args() {}

  /**
   * Parses {@code ctx.operands()}.
   *
   * @param shortSpec option letters; a letter followed by {@code :} takes a value
   * @param longSpec {@code name} (a flag), {@code name:} (takes a value), or {@code name=x} (the same as {@code -x})
   */
  static Args parse(List<String> args, String shortSpec, String... longSpec) throws UsageError {
    Args a = new Args();
    Map<String, String> longs = new HashMap<>();
    for (String spec : longSpec) {
      int eq = spec.indexOf('=');
      if (eq >= 0) {
        longs.put(spec.substring(0, eq), spec.substring(eq + 1));
      } else if (spec.endsWith(":")) {
        longs.put(spec.substring(0, spec.length() - 1), "--:");
      } else {
        longs.put(spec, "--");
      }
    }
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        a.operands.addAll(args.subList(i + 1, args.size()));
        break;
      }
      if (arg.startsWith("--")) {
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
        String kind = longs.get(name);
        if (kind == null) {
          List<String> prefixed = longs.keySet().stream().filter(k -> k.startsWith(name)).toList();
          if (prefixed.size() == 1 && !name.isEmpty()) {
            kind = longs.get(prefixed.get(0));
            arg = "--" + prefixed.get(0) + (eq < 0 ? "" : arg.substring(eq));
          } else {
            throw new UsageError((prefixed.size() > 1 ? "option '" : "unrecognized option '") + arg + "'"
                + (prefixed.size() > 1 ? " is ambiguous" : ""));
          }
        }
        String longName = eq < 0 ? arg.substring(2) : arg.substring(2, arg.indexOf('='));
        if (kind.equals("--:")) {
          String value;
          if (eq >= 0) {
            value = arg.substring(arg.indexOf('=') + 1);
          } else if (i + 1 < args.size()) {
            value = args.get(++i);
          } else {
            throw new UsageError("option '--" + longName + "' requires an argument");
          }
          a.add(longName, value);
        } else if (kind.equals("--")) {
          if (eq >= 0) {
            throw new UsageError("option '--" + longName + "' doesn't allow an argument");
          }
          a.add(longName, "");
        } else {
          a.add(kind, eq >= 0 ? arg.substring(arg.indexOf('=') + 1) : "");
        }
        continue;
      }
      if (arg.startsWith("-") && arg.length() > 1) {
        for (int k = 1; k < arg.length(); k++) {
          char c = arg.charAt(k);
          int at = shortSpec.indexOf(c);
          if (at < 0 || c == ':') {
            throw new UsageError("invalid option -- '" + c + "'");
          }
          if (at + 1 < shortSpec.length() && shortSpec.charAt(at + 1) == ':') {
            String value;
            if (k + 1 < arg.length()) {
              value = arg.substring(k + 1);
            } else if (i + 1 < args.size()) {
              value = args.get(++i);
            } else {
              throw new UsageError("option requires an argument -- '" + c + "'");
            }
            a.add(String.valueOf(c), value);
            break;
          }
          a.add(String.valueOf(c), "");
        }
        continue;
      }
      a.operands.add(arg);
    }
    return a;
  }

  /** Parses, or prints GNU's usage error and returns null. */
  static Args parseOrReport(ProgramContext ctx, String shortSpec, String... longSpec) {
    try {
      return parse(ctx.operands(), shortSpec, longSpec);
    } catch (UsageError e) {
      ctx.error(e.getMessage());
      ctx.err().print("Try '" + ctx.name() + " --help' for more information.\n");
      return null;
    }
  }

  private void add(String key, String value) {
    values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  /** The last value given for an option, or null. */
  String value(String key) {
    List<String> v = values.get(key);
    return v == null ? null : v.get(v.size() - 1);
  }

  List<String> all(String key) {
    return values.getOrDefault(key, List.of());
  }

  List<String> operands() {
    return operands;
  }
}
