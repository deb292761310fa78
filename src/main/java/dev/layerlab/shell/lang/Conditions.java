package dev.layerlab.shell.lang;

import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code [[ ... ]]}: operands are expanded without word splitting or globbing, the right of
 * {@code ==} is a pattern and the right of {@code =~} a regex (quoted parts match literally),
 * {@code -eq} and friends compare arithmetic expressions. The shell runs as root, so {@code -r}
 * and {@code -w} hold for every file that exists.
 */
final class Conditions {
  private final Interpreter interpreter;
  private final ShellState st;
  private final Io io;
  private final Expander expander;

  Conditions(Interpreter interpreter, ShellState st, Io io) {
    this.interpreter = interpreter;
    this.st = st;
    this.io = io;
    this.expander = new Expander(interpreter, st, io.err());
  }

  /** The status of the command: 0 true, 1 false, 2 for a regex that does not compile. */
  int test(Cond expression) {
    try {
      return eval(expression) ? 0 : 1;
    } catch (BadRegex e) {
      return 2;
    } catch (ShellError e) {
      io.err().print("bash: " + e.getMessage() + "\n");
      if (e.abortsLine) {
        throw new Jump(Jump.Kind.ABORT, e.status);
      }
      return e.status;
    }
  }

  private boolean eval(Cond c) {
    if (c instanceof Cond.Not n) {
      return !eval(n.operand());
    }
    if (c instanceof Cond.And a) {
      return eval(a.left()) && eval(a.right());
    }
    if (c instanceof Cond.Or o) {
      return eval(o.left()) || eval(o.right());
    }
    if (c instanceof Cond.Single s) {
      return !expander.single(s.word()).isEmpty();
    }
    if (c instanceof Cond.Unary u) {
      return unary(u.op(), expander.single(u.operand()));
    }
    Cond.Binary b = (Cond.Binary) c;
    String left = expander.single(b.left());
    return switch (b.op()) {
      case "=", "==" -> expander.pattern(b.right()).matches(left);
      case "!=" -> !expander.pattern(b.right()).matches(left);
      case "=~" -> regex(left, expander.marked(b.right()));
      case "<" -> left.compareTo(expander.single(b.right())) < 0;
      case ">" -> left.compareTo(expander.single(b.right())) > 0;
      case "-nt", "-ot", "-ef" -> files(left, b.op(), expander.single(b.right()));
      default -> arithmetic(left, b.op(), expander.single(b.right()));
    };
  }

  private boolean unary(String op, String arg) {
    switch (op) {
      case "-z":
        return arg.isEmpty();
      case "-n":
        return !arg.isEmpty();
      case "-v":
        return isSet(arg);
      case "-o", "-R":
        return false;
      case "-t":
        return arg.equals("1") && io.tty();
      default:
        break;
    }
    Stat s = stat(arg, !op.equals("-L") && !op.equals("-h"));
    if (s == null) {
      return false;
    }
    return FileTests.unary(op, s, interpreter.machine().credentials());
  }

  /** {@code -v name} or {@code -v name[index]}. */
  private boolean isSet(String arg) {
    int open = arg.indexOf('[');
    if (open > 0 && arg.endsWith("]")) {
      TreeMap<Long, String> array = st.array(arg.substring(0, open));
      String index = arg.substring(open + 1, arg.length() - 1);
      Assoc assoc = st.assoc(arg.substring(0, open));
      if (assoc != null) {
        return index.equals("@") || index.equals("*") ? !assoc.isEmpty() : assoc.get(expander.key(index)) != null;
      }
      if (index.equals("@") || index.equals("*")) {
        return array != null && !array.isEmpty();
      }
      long i = Arith.eval(index, st::getRef, st::setRef);
      return array == null ? i == 0 && st.get(arg.substring(0, open)) != null : array.containsKey(i);
    }
    return st.get(arg) != null;
  }

  private Stat stat(String path, boolean follow) {
    if (path.isEmpty()) {
      return null;
    }
    String absolute = VPaths.absolute(st.cwd, path);
    try {
      return follow ? interpreter.vfs().stat(absolute) : interpreter.vfs().lstat(absolute);
    } catch (VfsException e) {
      return null;
    }
  }

  private boolean files(String left, String op, String right) {
    Stat a = stat(left, true);
    Stat b = stat(right, true);
    return switch (op) {
      case "-nt" -> a != null && (b == null || a.mtime().isAfter(b.mtime()));
      case "-ot" -> b != null && (a == null || a.mtime().isBefore(b.mtime()));
      default -> a != null && b != null && a.ino() == b.ino() && a.dev() == b.dev();
    };
  }

  private boolean arithmetic(String left, String op, String right) {
    long a = arith(left);
    long b = arith(right);
    return switch (op) {
      case "-eq" -> a == b;
      case "-ne" -> a != b;
      case "-lt" -> a < b;
      case "-gt" -> a > b;
      case "-le" -> a <= b;
      default -> a >= b;
    };
  }

  private long arith(String expression) {
    try {
      return Arith.eval(expression, st::getRef, st::setRef);
    } catch (ShellError e) {
      throw new ShellError("[[: " + e.getMessage(), 1);
    }
  }

  /** Matches and fills {@code BASH_REMATCH}: the whole match, then each group ("" for one that took no part). */
  private boolean regex(String subject, Expander.Marked regex) {
    Pattern pattern = Regex.compile(regex.text(), regex.quoted());
    if (pattern == null) {
      throw new BadRegex();
    }
    Matcher m = pattern.matcher(subject);
    TreeMap<Long, String> groups = new TreeMap<>();
    boolean found = m.find();
    if (found) {
      // POSIX wants the longest match at the leftmost start; Java stops at the first alternative that fits
      for (int end = subject.length(); end > m.end(); end--) {
        Matcher longer = pattern.matcher(subject).region(m.start(), end)
            .useAnchoringBounds(false).useTransparentBounds(true);
        if (longer.matches()) {
          m = longer;
          break;
        }
      }
      for (int g = 0; g <= m.groupCount(); g++) {
        groups.put((long) g, m.group(g) == null ? "" : m.group(g));
      }
    }
    st.setArray("BASH_REMATCH", groups);
    return found;
  }

  /** regcomp refused the pattern. */
  private static final class BadRegex extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRegex() {
      super(null, null, false, false);
    }
  }
}
