package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VfsException;
import java.util.List;
import java.util.Set;

/** {@code test EXPR} and {@code [ EXPR ]}: file, string and integer tests with {@code ! -a -o ( )}. */
final class TestCommand implements Program {
  private static final Set<String> UNARY = Set.of(
      "-e", "-f", "-d", "-L", "-h", "-c", "-b", "-p", "-S", "-s", "-r", "-w", "-x", "-u", "-g", "-k", "-z", "-n", "-O", "-G", "-N");
  private static final Set<String> BINARY = Set.of(
      "=", "==", "!=", "-eq", "-ne", "-lt", "-gt", "-le", "-ge", "-nt", "-ot", "-ef", "<", ">");

  @Override
  public int run(ProgramContext ctx) {
    List<String> args = ctx.operands();
    String name = ctx.name();
    if (name.equals("[")) {
      if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
        ctx.err().print("bash: [: missing `]'\n");
        return 2;
      }
      args = args.subList(0, args.size() - 1);
    }
    try {
      return new Evaluation(ctx, args).result() ? 0 : 1;
    } catch (IllegalArgumentException e) {
      ctx.err().print("bash: " + name + ": " + e.getMessage() + "\n");
      return 2;
    }
  }

  /** One evaluation over the argument list. */
  private static final class Evaluation {
    private final ProgramContext ctx;
    private final List<String> args;
    private int at;

    Evaluation(ProgramContext ctx, List<String> args) {
      this.ctx = ctx;
      this.args = args;
    }

    /** bash's POSIX rules by argument count, then the full grammar for longer expressions. */
    boolean result() {
      switch (args.size()) {
        case 0:
          return false;
        case 1:
          return !args.get(0).isEmpty();
        case 2:
          return two(0);
        case 3:
          return three(0);
        case 4:
          if (args.get(0).equals("!")) {
            return !three(1);
          }
          if (args.get(0).equals("(") && args.get(3).equals(")")) {
            return two(1);
          }
          break;
        default:
          break;
      }
      return general();
    }

    private boolean two(int i) {
      String a = args.get(i);
      if (a.equals("!")) {
        return args.get(i + 1).isEmpty();
      }
      if (UNARY.contains(a)) {
        return unary(a, args.get(i + 1));
      }
      throw new IllegalArgumentException(a + ": unary operator expected");
    }

    private boolean three(int i) {
      String a = args.get(i);
      String op = args.get(i + 1);
      String b = args.get(i + 2);
      if (BINARY.contains(op)) {
        return binary(a, op, b);
      }
      if (op.equals("-a")) {
        return !a.isEmpty() && !b.isEmpty();
      }
      if (op.equals("-o")) {
        return !a.isEmpty() || !b.isEmpty();
      }
      if (a.equals("!")) {
        return !two(i + 1);
      }
      if (a.equals("(") && b.equals(")")) {
        return !op.isEmpty();
      }
      throw new IllegalArgumentException(op + ": binary operator expected");
    }

    private boolean general() {
      boolean v = or();
      if (at < args.size()) {
        throw new IllegalArgumentException("too many arguments");
      }
      return v;
    }

    private boolean or() {
      boolean v = and();
      while (at < args.size() && args.get(at).equals("-o")) {
        at++;
        v = and() | v;
      }
      return v;
    }

    private boolean and() {
      boolean v = not();
      while (at < args.size() && args.get(at).equals("-a")) {
        at++;
        v = not() & v;
      }
      return v;
    }

    private boolean not() {
      if (at < args.size() - 1 && args.get(at).equals("!")) {
        at++;
        return !not();
      }
      return primary();
    }

    private boolean primary() {
      if (at >= args.size()) {
        throw new IllegalArgumentException("argument expected");
      }
      String a = args.get(at);
      if (a.equals("(") && at + 2 < args.size()) {
        at++;
        boolean v = or();
        if (at >= args.size() || !args.get(at).equals(")")) {
          throw new IllegalArgumentException("`)' expected");
        }
        at++;
        return v;
      }
      if (at + 2 < args.size() && BINARY.contains(args.get(at + 1))) {
        at += 3;
        return binary(a, args.get(at - 2), args.get(at - 1));
      }
      if (UNARY.contains(a) && at + 1 < args.size()) {
        at += 2;
        return unary(a, args.get(at - 1));
      }
      at++;
      return !a.isEmpty();
    }

    private boolean unary(String op, String arg) {
      switch (op) {
        case "-z":
          return arg.isEmpty();
        case "-n":
          return !arg.isEmpty();
        default:
          break;
      }
      Stat st;
      try {
        st = op.equals("-L") || op.equals("-h") ? ctx.vfs().lstat(ctx.path(arg)) : ctx.vfs().stat(ctx.path(arg));
      } catch (VfsException e) {
        return false;
      }
      return dev.layerlab.shell.lang.FileTests.unary(op, st, ctx.machine().credentials());
    }

    private boolean binary(String l, String op, String r) {
      switch (op) {
        case "=", "==":
          return l.equals(r);
        case "!=":
          return !l.equals(r);
        case "<":
          return l.compareTo(r) < 0;
        case ">":
          return l.compareTo(r) > 0;
        case "-nt", "-ot", "-ef":
          return files(l, op, r);
        default:
          long a = integer(l);
          long b = integer(r);
          return switch (op) {
            case "-eq" -> a == b;
            case "-ne" -> a != b;
            case "-lt" -> a < b;
            case "-gt" -> a > b;
            case "-le" -> a <= b;
            default -> a >= b;
          };
      }
    }

    private boolean files(String l, String op, String r) {
      Stat a;
      Stat b;
      try {
        a = ctx.vfs().stat(ctx.path(l));
      } catch (VfsException e) {
        a = null;
      }
      try {
        b = ctx.vfs().stat(ctx.path(r));
      } catch (VfsException e) {
        b = null;
      }
      return switch (op) {
        case "-nt" -> a != null && (b == null || a.mtime().isAfter(b.mtime()));
        case "-ot" -> b != null && (a == null || a.mtime().isBefore(b.mtime()));
        default -> a != null && b != null && a.ino() == b.ino() && a.dev() == b.dev();
      };
    }

    private static long integer(String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(s + ": integer expression expected");
      }
    }
  }
}
