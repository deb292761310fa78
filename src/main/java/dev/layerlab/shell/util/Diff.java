package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/** GNU {@code diff [-u] [-r] [-q] FILE1 FILE2}. */
final class Diff implements Program {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.nnnnnnnnn Z");

  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "urqNU:", "unified=u", "recursive=r", "brief=q", "new-file=N");
    if (a == null) {
      return 2;
    }
    if (a.operands().size() != 2) {
      ctx.error(a.operands().size() < 2 ? "missing operand after " + Input.quote(a.operands().isEmpty() ? "diff"
          : a.operands().get(a.operands().size() - 1)) : "extra operand " + Input.quote(a.operands().get(2)));
      ctx.err().print("diff: Try 'diff --help' for more information.\n");
      return 2;
    }
    Run r = new Run(ctx, a);
    String left = a.operands().get(0);
    String right = a.operands().get(1);
    try {
      Stat ls = ctx.vfs().stat(ctx.path(left));
      Stat rs = ctx.vfs().stat(ctx.path(right));
      if (ls.isDirectory() && !rs.isDirectory()) {
        right = right;
        left = VPaths.child(left, Names.base(right));
      } else if (!ls.isDirectory() && rs.isDirectory()) {
        right = VPaths.child(right, Names.base(left));
      }
      r.compare(left, right, true);
    } catch (VfsException e) {
      ctx.error(e.path().equals(ctx.path(left)) ? left + ": " + e.reason() : right + ": " + e.reason());
      return 2;
    }
    Text.print(ctx.out(), r.out.toString());
    return r.status;
  }

  /** One comparison run. */
  private static final class Run {
    final ProgramContext ctx;
    final Args a;
    final StringBuilder out = new StringBuilder();
    int status;

    Run(ProgramContext ctx, Args a) {
      this.ctx = ctx;
      this.a = a;
    }

    void compare(String left, String right, boolean top) {
      Stat ls = ctx.vfs().stat(ctx.path(left));
      Stat rs = ctx.vfs().stat(ctx.path(right));
      if (ls.isDirectory() && rs.isDirectory()) {
        TreeSet<String> names = new TreeSet<>();
        List<String> ln = list(left);
        List<String> rn = list(right);
        names.addAll(ln);
        names.addAll(rn);
        for (String n : names) {
          String l = VPaths.child(left, n);
          String rr = VPaths.child(right, n);
          if (!ln.contains(n)) {
            out.append("Only in ").append(right).append(": ").append(n).append('\n');
            status = Math.max(status, 1);
          } else if (!rn.contains(n)) {
            out.append("Only in ").append(left).append(": ").append(n).append('\n');
            status = Math.max(status, 1);
          } else if (isDir(l) && isDir(rr)) {
            if (a.has("r")) {
              compare(l, rr, false);
            } else {
              out.append("Common subdirectories: ").append(l).append(" and ").append(rr).append('\n');
            }
          } else if (isDir(l) != isDir(rr)) {
            out.append("File ").append(isDir(l) ? l : rr).append(" is a directory while file ")
                .append(isDir(l) ? rr : l).append(" is a regular file\n");
            status = Math.max(status, 1);
          } else {
            files(l, rr, true);
          }
        }
        return;
      }
      files(left, right, !top);
    }

    private void files(String left, String right, boolean header) {
      byte[] x = ctx.vfs().read(ctx.path(left));
      byte[] y = ctx.vfs().read(ctx.path(right));
      if (Arrays.equals(x, y)) {
        return;
      }
      status = Math.max(status, 1);
      if (a.has("q")) {
        out.append("Files ").append(left).append(" and ").append(right).append(" differ\n");
        return;
      }
      if (header) {
        out.append("diff ").append(a.has("u") ? "-u " : "").append(a.has("r") ? "-r " : "").append(left).append(' ')
            .append(right).append('\n');
      }
      List<String> xl = Lines.of(x);
      List<String> yl = Lines.of(y);
      boolean xnl = x.length == 0 || x[x.length - 1] == '\n';
      boolean ynl = y.length == 0 || y[y.length - 1] == '\n';
      if (a.has("u")) {
        out.append("--- ").append(left).append('\t').append(time(left)).append('\n');
        out.append("+++ ").append(right).append('\t').append(time(right)).append('\n');
        out.append(LineDiff.unified(xl, yl, xnl, ynl));
      } else {
        out.append(LineDiff.normal(xl, yl, xnl, ynl));
      }
    }

    private String time(String f) {
      return TIME.format(ctx.vfs().stat(ctx.path(f)).mtime().atZone(ctx.machine().zone()));
    }

    private List<String> list(String dir) {
      List<String> names = new ArrayList<>();
      for (DirEntry e : ctx.vfs().readDir(ctx.path(dir))) {
        names.add(e.name());
      }
      return names;
    }

    private boolean isDir(String f) {
      try {
        return ctx.vfs().stat(ctx.path(f)).isDirectory();
      } catch (VfsException e) {
        return false;
      }
    }
  }
}
