package dev.layerlab.shell.util;

import dev.layerlab.shell.lang.Glob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses find's expression: tests, actions, global options, {@code ! -not -a -o ( )}. */
final class FindParser {
  /** A find usage error, with find's own words. */
  static final class Error extends Exception {
    private static final long serialVersionUID = 1L;

    Error(String message) {
      super(message, null, false, false);
    }
  }

  private final List<String> args;
  private int at;
  int maxDepth = Integer.MAX_VALUE;
  int minDepth = 0;
  boolean xdev;
  boolean follow;
  boolean depthFirst;
  final List<String> warnings = new ArrayList<>();
  private String lastTest;

  FindParser(List<String> args) {
    this.args = args;
  }

  /** The whole expression, or null when there is none. */
  FindExpr parse() throws Error {
    if (args.isEmpty()) {
      return null;
    }
    FindExpr e = or();
    if (at < args.size()) {
      String a = args.get(at);
      throw new Error(a.equals(")") ? "invalid expression; you have too many ')'" : "paths must precede expression: `" + a + "'");
    }
    return e;
  }

  private FindExpr or() throws Error {
    List<FindExpr> items = new ArrayList<>();
    items.add(and());
    while (at < args.size() && (args.get(at).equals("-o") || args.get(at).equals("-or"))) {
      at++;
      items.add(and());
    }
    return items.size() == 1 ? items.get(0) : new FindExpr.Or(items);
  }

  private FindExpr and() throws Error {
    List<FindExpr> items = new ArrayList<>();
    items.add(unary());
    while (at < args.size() && !args.get(at).equals("-o") && !args.get(at).equals("-or") && !args.get(at).equals(")")) {
      if (args.get(at).equals("-a") || args.get(at).equals("-and")) {
        at++;
      }
      items.add(unary());
    }
    return items.size() == 1 ? items.get(0) : new FindExpr.And(items);
  }

  private FindExpr unary() throws Error {
    if (at >= args.size()) {
      throw new Error("invalid expression; expected an expression after '" + args.get(at - 1) + "'");
    }
    String a = args.get(at);
    if (a.equals("!") || a.equals("-not")) {
      at++;
      return new FindExpr.Not(unary());
    }
    if (a.equals("(")) {
      at++;
      FindExpr e = or();
      if (at >= args.size() || !args.get(at).equals(")")) {
        throw new Error("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
      }
      at++;
      return e;
    }
    return primary();
  }

  private FindExpr primary() throws Error {
    String a = args.get(at++);
    switch (a) {
      case "-name", "-iname", "-path", "-wholename", "-ipath" -> {
        String pattern = value(a);
        boolean ci = a.startsWith("-i");
        lastTest = a;
        return new FindExpr.Name(Glob.of(ci ? pattern.toLowerCase(Locale.ROOT) : pattern), ci, !a.endsWith("name") || a.equals("-wholename"));
      }
      case "-type" -> {
        String t = value(a);
        if (!t.matches("[fdlcbps]")) {
          throw new Error("Unknown argument to -type: " + t);
        }
        lastTest = a;
        return new FindExpr.Type(t.charAt(0));
      }
      case "-maxdepth", "-mindepth" -> {
        String v = value(a);
        if (!v.matches("[0-9]+")) {
          throw new Error("Expected a positive decimal integer argument to " + a + ", but got `" + v + "'");
        }
        warnGlobal(a);
        if (a.equals("-maxdepth")) {
          maxDepth = Integer.parseInt(v);
        } else {
          minDepth = Integer.parseInt(v);
        }
        return new FindExpr.Constant(true);
      }
      case "-xdev", "-mount" -> {
        warnGlobal(a);
        xdev = true;
        return new FindExpr.Constant(true);
      }
      case "-depth" -> {
        depthFirst = true;
        return new FindExpr.Constant(true);
      }
      case "-print" -> {
        return new FindExpr.Print(null, false);
      }
      case "-print0" -> {
        return new FindExpr.Print(null, true);
      }
      case "-printf" -> {
        return new FindExpr.Print(value(a), false);
      }
      case "-empty" -> {
        lastTest = a;
        return new FindExpr.Empty();
      }
      case "-perm" -> {
        String v = value(a);
        char how = v.startsWith("-") || v.startsWith("/") ? v.charAt(0) : '=';
        Integer mode = ModeSpec.apply(how == '=' ? v : v.substring(1), 0, false);
        if (mode == null) {
          throw new Error("invalid mode " + Input.quote(v));
        }
        lastTest = a;
        return new FindExpr.Perm(mode, how);
      }
      case "-exec" -> {
        List<String> command = new ArrayList<>();
        while (at < args.size() && !args.get(at).equals(";") && !args.get(at).equals("+")) {
          command.add(args.get(at++));
        }
        if (at >= args.size() || command.isEmpty()) {
          throw new Error("missing argument to `-exec'");
        }
        at++;
        return new FindExpr.Exec(List.copyOf(command));
      }
      case "-true" -> {
        return new FindExpr.Constant(true);
      }
      case "-false" -> {
        return new FindExpr.Constant(false);
      }
      default -> throw new Error(a.startsWith("-") ? "unknown predicate `" + a + "'" : "paths must precede expression: `" + a + "'");
    }
  }

  /** findutils 4.9 no longer warns about global options after tests; kept as the one place to do so. */
  private void warnGlobal(String option) {
    assert option != null;
  }

  private String value(String option) throws Error {
    if (at >= args.size()) {
      throw new Error("missing argument to `" + option + "'");
    }
    return args.get(at++);
  }
}
