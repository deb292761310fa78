package dev.layerlab.shell.docker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A parsed command line: pflag's rules (clustered short flags, {@code --x=v}, {@code --}), its error texts. */
final class Flags {
  /** A command line that cannot be parsed; the message is pflag's. */
  static final class FlagError extends Exception {
    private static final long serialVersionUID = 1L;

    FlagError(String message) {
      super(message, null, false, false);
    }
  }

  private final Map<String, List<String>> values = new HashMap<>();
  private final List<String> args = new ArrayList<>();
  boolean help;

  static Flags parse(Spec spec, List<String> argv) throws FlagError {
    Flags f = new Flags();
    int i = 0;
    while (i < argv.size()) {
      String a = argv.get(i++);
      if (a.equals("--")) {
        f.args.addAll(argv.subList(i, argv.size()));
        break;
      }
      if (a.startsWith("--") ) {
        String name = a.substring(2);
        String val = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          val = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        if (name.equals("help")) {
          f.help = true;
          continue;
        }
        Spec.Opt o = spec.byLong(name);
        if (o == null) {
          throw new FlagError("unknown flag: --" + name);
        }
        if (o.type() == null) {
          f.put(name, val == null ? "true" : val);
        } else {
          if (val == null) {
            if (i >= argv.size()) {
              throw new FlagError("flag needs an argument: --" + name);
            }
            val = argv.get(i++);
          }
          f.put(name, val);
        }
      } else if (a.startsWith("-") && a.length() > 1) {
        String cluster = a.substring(1);
        for (int k = 0; k < cluster.length(); k++) {
          char c = cluster.charAt(k);
          if (c == 'h') {
            f.help = true;
            continue;
          }
          Spec.Opt o = spec.byShort(c);
          if (o == null) {
            throw new FlagError("unknown shorthand flag: '" + c + "' in -" + cluster);
          }
          if (o.type() == null) {
            f.put(o.longName(), "true");
            continue;
          }
          String val = cluster.substring(k + 1);
          if (val.startsWith("=")) {
            val = val.substring(1);
          }
          if (val.isEmpty()) {
            if (i >= argv.size()) {
              throw new FlagError("flag needs an argument: '" + c + "' in -" + c);
            }
            val = argv.get(i++);
          }
          f.put(o.longName(), val);
          break;
        }
      } else {
        f.args.add(a);
        if (!spec.interspersed) {
          f.args.addAll(argv.subList(i, argv.size()));
          break;
        }
      }
    }
    return f;
  }

  private void put(String name, String v) {
    values.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
  }

  boolean bool(String name) {
    List<String> v = values.get(name);
    return v != null && v.get(v.size() - 1).equals("true");
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  /** The last value given, or null. */
  String value(String name) {
    List<String> v = values.get(name);
    return v == null ? null : v.get(v.size() - 1);
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  List<String> args() {
    return args;
  }
}
