package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** GNU {@code find [-L] [PATH...] [EXPRESSION]}. */
final class Find implements Program {
  private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss.nnnnnnnnn0 yyyy", Locale.ENGLISH);

  @Override
  public int run(ProgramContext ctx) {
    List<String> args = ctx.operands();
    int i = 0;
    boolean follow = false;
    while (i < args.size() && args.get(i).matches("-[HLP]")) {
      follow = args.get(i).equals("-L");
      i++;
    }
    List<String> paths = new ArrayList<>();
    while (i < args.size() && !isExpressionStart(args.get(i))) {
      paths.add(args.get(i++));
    }
    if (paths.isEmpty()) {
      paths.add(".");
    }
    FindParser parser = new FindParser(args.subList(i, args.size()));
    FindExpr expr;
    try {
      expr = parser.parse();
    } catch (FindParser.Error e) {
      ctx.error(e.getMessage());
      return 1;
    }
    for (String w : parser.warnings) {
      ctx.error(w);
    }
    if (expr == null) {
      expr = new FindExpr.Print(null, false);
    } else if (!expr.hasAction()) {
      expr = new FindExpr.And(List.of(expr, new FindExpr.Print(null, false)));
    }
    Walk walk = new Walk(ctx, parser, expr, follow);
    for (String p : paths) {
      walk.start(p);
    }
    ctx.out().flush();
    return walk.status;
  }

  private static boolean isExpressionStart(String a) {
    return (a.startsWith("-") && a.length() > 1) || a.equals("(") || a.equals("!");
  }

  /** One traversal, printing as it goes. */
  private static final class Walk {
    private final ProgramContext ctx;
    private final FindParser options;
    private final FindExpr expr;
    private final boolean follow;
    private final Accounts accounts;
    int status;

    Walk(ProgramContext ctx, FindParser options, FindExpr expr, boolean follow) {
      this.ctx = ctx;
      this.options = options;
      this.expr = expr;
      this.follow = follow;
      this.accounts = Accounts.of(ctx.vfs());
    }

    void start(String shown) {
      String path = ctx.path(shown);
      Stat st;
      try {
        st = follow ? ctx.vfs().stat(path) : ctx.vfs().lstat(path);
      } catch (VfsException e) {
        ctx.error(Input.quote(shown) + ": " + e.reason());
        status = 1;
        return;
      }
      Node top = new Node(shown, path, st.type());
      top.stat = st;
      visit(top, shown, 0, st.dev());
    }

    private void report(String shown, VfsException e) {
      ctx.error(Input.quote(shown) + ": " + e.reason());
      status = 1;
    }

    /**
     * One file as fts hands it to find: readdir's d_type is enough for names and -type, so a file
     * in a directory find may read but not search is still found; its stat is taken only when a
     * test needs it. A directory is always stat'd, as fts must to descend.
     */
    private final class Node {
      final String shown;
      final String path;
      FileType type;
      Stat stat;
      boolean failed;

      Node(String shown, String path, FileType type) {
        this.shown = shown;
        this.path = path;
        this.type = type;
      }

      Stat stat() {
        if (stat == null && !failed) {
          try {
            stat = follow ? ctx.vfs().stat(path) : ctx.vfs().lstat(path);
            type = stat.type();
          } catch (VfsException e) {
            failed = true;
            type = null;
            report(shown, e);
          }
        }
        return stat;
      }
    }

    private void visit(Node node, String start, int depth, long dev) {
      String shown = node.shown;
      String path = node.path;
      Stat st = node.stat;
      if (!options.depthFirst) {
        check(node, start, depth);
      }
      if (st != null && st.isDirectory() && depth < options.maxDepth && !(options.xdev && st.dev() != dev)) {
        List<DirEntry> entries;
        try {
          entries = ctx.vfs().readDir(path);
        } catch (VfsException e) {
          ctx.error(Input.quote(shown) + ": " + e.reason());
          status = 1;
          entries = List.of();
        }
        for (DirEntry d : entries) {
          String childShown = shown.endsWith("/") ? shown + d.name() : shown + "/" + d.name();
          Node child = new Node(childShown, VPaths.child(path, d.name()), d.type());
          boolean lazy = d.type() != null && d.type() != FileType.DIRECTORY && !(follow && d.type() == FileType.SYMLINK);
          Stat cst = lazy ? null : child.stat();
          if (cst != null && options.xdev && cst.dev() != dev) {
            check(child, start, depth + 1);
            continue;
          }
          visit(child, start, depth + 1, dev);
        }
      }
      if (options.depthFirst) {
        check(node, start, depth);
      }
    }

    private void check(Node node, String start, int depth) {
      if (depth < options.minDepth) {
        return;
      }
      String shown = node.shown;
      String path = node.path;
      expr.eval(new FindExpr.Visit() {
        public String path() {
          return shown;
        }

        public String name() {
          return depth == 0 ? VPaths.name("/" + shown.replaceAll("/+$", "")).isEmpty() ? shown : VPaths.name("/" + shown)
              : VPaths.name(path);
        }

        public Stat stat() {
          return node.stat();
        }

        public FileType type() {
          return node.type;
        }

        public void print(String text) {
          Text.print(ctx.out(), text);
        }

        public String printf(String format) {
          boolean needsStat = format.replaceAll("%%|%[-0-9]*[pPfhdy]", "").contains("%");
          Stat st = needsStat ? node.stat() : node.stat;
          return needsStat && st == null ? null : format(format, shown, path, start, st, depth, node.type);
        }

        public int exec(String commandLine) {
          ctx.out().flush();
          return ctx.scripts().run(commandLine, "find", List.of(), ctx);
        }
      });
    }

    private String format(String f, String shown, String path, String start, Stat st, int depth, FileType type) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < f.length(); i++) {
        char c = f.charAt(i);
        if (c == '\\' && i + 1 < f.length()) {
          char n = f.charAt(++i);
          out.append(switch (n) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case '0' -> "\0";
            case '\\' -> "\\";
            default -> "\\" + n;
          });
          continue;
        }
        if (c != '%' || i + 1 >= f.length()) {
          out.append(c);
          continue;
        }
        int j = i + 1;
        while (j < f.length() && (Character.isDigit(f.charAt(j)) || f.charAt(j) == '-')) {
          j++;
        }
        String width = f.substring(i + 1, j);
        char d = j < f.length() ? f.charAt(j) : '%';
        String v = switch (d) {
          case 'p' -> shown;
          case 'P' -> shown.equals(start) ? "" : shown.substring(start.endsWith("/") ? start.length() : start.length() + 1);
          case 'f' -> depth == 0 ? shown : VPaths.name(path);
          case 'h' -> shown.contains("/") ? shown.substring(0, shown.lastIndexOf('/')) : ".";
          case 'y' -> String.valueOf(type == null ? 'U' : type.findChar());
          case 'Y' -> String.valueOf(targetType(path, st));
          case 'm' -> Integer.toOctalString(st.mode() & 07777);
          case 'M' -> Modes.string(st);
          case 's' -> Long.toString(st.size());
          case 'l' -> st.isSymlink() ? ctx.vfs().readlink(path) : "";
          case 'u' -> accounts.user(st.uid());
          case 'g' -> accounts.group(st.gid());
          case 'U' -> Integer.toString(st.uid());
          case 'G' -> Integer.toString(st.gid());
          case 'i' -> Long.toString(st.ino());
          case 'n' -> Long.toString(st.nlink());
          case 'd' -> Integer.toString(depth);
          case 'k' -> Long.toString(Modes.blocks(st) / 2);
          case 'b' -> Long.toString(Modes.blocks(st));
          case 't' -> CTIME.format(st.mtime().atZone(ctx.machine().zone()));
          case 'E' -> st.isDirectory() && ctx.vfs().readDir(path).isEmpty() ? "1" : "0";
          case '%' -> "%";
          default -> "%" + d;
        };
        out.append(width.isEmpty() ? v : String.format("%" + width + "s", v));
        i = j;
      }
      return out.toString();
    }

    private char targetType(String path, Stat st) {
      if (!st.isSymlink()) {
        return st.type().findChar();
      }
      try {
        return ctx.vfs().stat(path).type().findChar();
      } catch (VfsException e) {
        return 'N';
      }
    }
  }
}
