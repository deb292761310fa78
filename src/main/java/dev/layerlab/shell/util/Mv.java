package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.List;

/** {@code mv [-fvnT] SOURCE... DEST}: rename(2), or copy and delete across filesystems (EXDEV). */
final class Mv implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "fvniT", "force=f", "verbose=v", "no-clobber=n", "no-target-directory=T");
    if (a == null) {
      return 1;
    }
    List<String> ops = a.operands();
    if (ops.size() < 2) {
      ctx.error((ops.isEmpty() ? "missing file operand" : "missing destination file operand after " + Input.quote(ops.get(0)))
          + "\nTry 'mv --help' for more information.");
      return 1;
    }
    String dest = ops.get(ops.size() - 1);
    List<String> sources = ops.subList(0, ops.size() - 1);
    boolean destIsDir = Cp.isDir(ctx, ctx.path(dest)) && !a.has("T");
    if (sources.size() > 1 && !destIsDir) {
      ctx.error("target " + Input.quote(dest) + " is not a directory");
      return 1;
    }
    int status = 0;
    for (String src : sources) {
      String from = ctx.path(src);
      String to = destIsDir ? VPaths.child(ctx.path(dest), VPaths.name(from)) : ctx.path(dest);
      String shownTo = destIsDir ? VPaths.child(dest, VPaths.name(from)) : dest;
      Stat st;
      try {
        st = ctx.vfs().lstat(from);
      } catch (VfsException e) {
        ctx.error("cannot stat " + Input.quote(src) + ": " + e.reason());
        status = 1;
        continue;
      }
      String destProblem = destinationProblem(ctx, to);
      if (destProblem != null) {
        ctx.error("cannot stat " + Input.quote(shownTo) + ": " + destProblem);
        status = 1;
        continue;
      }
      if (st.isDirectory() && ctx.vfs().exists(to) && !ctx.vfs().lstat(to).isDirectory()) {
        ctx.error("cannot overwrite non-directory " + Input.quote(shownTo) + " with directory " + Input.quote(src));
        status = 1;
        continue;
      }
      if (st.isDirectory() && Trees.isWithin(from, to) && !VPaths.normalize(from).equals(VPaths.normalize(to))) {
        ctx.error("cannot move " + Input.quote(src) + " to a subdirectory of itself, " + Input.quote(shownTo));
        status = 1;
        continue;
      }
      try {
        Stat target = ctx.vfs().lstat(to);
        if (target.ino() == st.ino() && target.dev() == st.dev()) {
          ctx.error(Input.quote(src) + " and " + Input.quote(shownTo) + " are the same file");
          status = 1;
          continue;
        }
      } catch (VfsException e) {
        // no destination yet
      }
      if (a.has("n") && ctx.vfs().exists(to)) {
        continue;
      }
      try {
        try {
          ctx.vfs().rename(from, to);
        } catch (VfsException e) {
          if (e.errno() != Errno.EXDEV) {
            throw e;
          }
          // what GNU mv does when rename(2) says EXDEV, e.g. renaming a lower directory on overlayfs
          if (ctx.vfs().exists(to) && !ctx.vfs().lstat(to).isDirectory()) {
            ctx.vfs().unlink(to);
          }
          Trees.copy(ctx.vfs(), from, to, Trees.Preserve.ALL, true);
          Trees.remove(ctx.vfs(), from);
        }
        if (a.has("v")) {
          ctx.out().print("renamed " + Input.quote(src) + " -> " + Input.quote(shownTo) + "\n");
        }
      } catch (VfsException e) {
        String reason = e.reason();
        if (e.errno() == Errno.EISDIR || (e.errno() == Errno.ENOTDIR && !st.isDirectory())) {
          ctx.error("cannot overwrite directory " + Input.quote(shownTo) + " with non-directory");
        } else if (e.errno() == Errno.ENOTDIR) {
          ctx.error("cannot overwrite non-directory " + Input.quote(shownTo) + " with directory " + Input.quote(src));
        } else {
          ctx.error("cannot move " + Input.quote(src) + " to " + Input.quote(shownTo) + ": " + reason);
        }
        status = 1;
      }
    }
    return status;
  }

  /** Why the destination cannot even be looked up (ENOTDIR, ELOOP...), or null when it can (or is just absent). */
  static String destinationProblem(ProgramContext ctx, String to) {
    try {
      ctx.vfs().lstat(to);
      return null;
    } catch (VfsException e) {
      return e.errno() == Errno.ENOENT ? null : e.reason();
    }
  }
}
