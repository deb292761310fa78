package dev.layerlab.shell.util;

import dev.layerlab.shell.lang.Glob;
import dev.layerlab.vfs.Stat;
import java.util.List;
import java.util.Locale;

/** find's expression tree: tests, actions and the operators joining them. */
sealed interface FindExpr {

  /** What a test or action sees of one file. */
  interface Visit {
    String path();

    String name();

    /** The file's stat, or null when it cannot be had (find has said why). */
    Stat stat();

    /** What a {@code -type} test sees (the target's type with -L), or null when unknown. */
    dev.layerlab.vfs.FileType type();

    void print(String text);

    /** The text {@code -printf} prints, or null when it needs a stat that cannot be had. */
    String printf(String format);

    /** Runs a command line (already quoted) in a child shell; returns its exit status. */
    int exec(String commandLine);
  }

  boolean eval(Visit v);

  /** True when the expression holds an action, so find must not add -print. */
  boolean hasAction();

  record Name(Glob glob, boolean ignoreCase, boolean wholePath) implements FindExpr {
    public boolean eval(Visit v) {
      String s = wholePath ? v.path() : v.name();
      return glob.matches(ignoreCase ? s.toLowerCase(Locale.ROOT) : s);
    }

    public boolean hasAction() {
      return false;
    }
  }

  record Type(char letter) implements FindExpr {
    public boolean eval(Visit v) {
      dev.layerlab.vfs.FileType type = v.type();
      return type != null && type.findChar() == letter;
    }

    public boolean hasAction() {
      return false;
    }
  }

  record Empty() implements FindExpr {
    public boolean eval(Visit v) {
      Stat st = v.stat();
      return st != null && (st.isRegular() ? st.size() == 0 : st.isDirectory() && "1".equals(v.printf("%E")));
    }

    public boolean hasAction() {
      return false;
    }
  }

  record Perm(int mode, char how) implements FindExpr {
    public boolean eval(Visit v) {
      Stat st = v.stat();
      if (st == null) {
        return false;
      }
      int m = st.mode() & 07777;
      return switch (how) {
        case '-' -> (m & mode) == mode;
        case '/' -> mode == 0 || (m & mode) != 0;
        default -> m == mode;
      };
    }

    public boolean hasAction() {
      return false;
    }
  }

  record Constant(boolean value) implements FindExpr {
    public boolean eval(Visit v) {
      return value;
    }

    public boolean hasAction() {
      return false;
    }
  }

  record Print(String format, boolean nul) implements FindExpr {
    public boolean eval(Visit v) {
      String text = format == null ? v.path() + (nul ? "\0" : "\n") : v.printf(format);
      if (text == null) {
        return false;
      }
      v.print(text);
      return true;
    }

    public boolean hasAction() {
      return true;
    }
  }

  /** {@code -exec COMMAND ;}: true when the command exits 0; {@code {}} stands for the path. */
  record Exec(java.util.List<String> command) implements FindExpr {
    public boolean eval(Visit v) {
      StringBuilder line = new StringBuilder();
      for (String word : command) {
        line.append(dev.layerlab.shell.lang.Quoting.shell(word.replace("{}", v.path()))).append(' ');
      }
      return v.exec(line.toString()) == 0;
    }

    public boolean hasAction() {
      return true;
    }
  }

  record Not(FindExpr inner) implements FindExpr {
    public boolean eval(Visit v) {
      return !inner.eval(v);
    }

    public boolean hasAction() {
      return inner.hasAction();
    }
  }

  record And(List<FindExpr> items) implements FindExpr {
    public boolean eval(Visit v) {
      for (FindExpr e : items) {
        if (!e.eval(v)) {
          return false;
        }
      }
      return true;
    }

    public boolean hasAction() {
      return items.stream().anyMatch(FindExpr::hasAction);
    }
  }

  record Or(List<FindExpr> items) implements FindExpr {
    public boolean eval(Visit v) {
      for (FindExpr e : items) {
        if (e.eval(v)) {
          return true;
        }
      }
      return false;
    }

    public boolean hasAction() {
      return items.stream().anyMatch(FindExpr::hasAction);
    }
  }
}
