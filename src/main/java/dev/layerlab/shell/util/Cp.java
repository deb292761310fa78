package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.List;

/** {@code cp [-rRapdPfv] SOURCE... DEST}. */
final class Cp implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "rRapdPfvLHnT", "recursive=R", "archive=a", "no-dereference=P", "force=f",
        "verbose=v", "preserve:", "no-clobber=n", "no-target-directory=T");
    if (a == null) {
      return 1;
    }
    List<String> ops = a.operands();
    if (ops.size() < 2) {
      ctx.error((ops.isEmpty() ? "missing file operand" : "missing destination file operand after " + Input.quote(ops.get(0)))
          + "\nTry 'cp --help' for more information.");
      return 1;
    }
    boolean archive = a.has("a");
    boolean recursive = archive || a.has("r") || a.has("R");
    boolean noDeref = archive || a.has("d") || a.has("P") || (recursive && !a.has("L"));
    boolean keep = archive || a.has("p") || a.has("preserve");
    Trees.Preserve preserve = new Trees.Preserve(keep, keep, keep, archive || "all".equals(a.value("preserve")), archive);
    String dest = ops.get(ops.size() - 1);
    List<String> sources = ops.subList(0, ops.size() - 1);
    boolean destIsDir = isDir(ctx, ctx.path(dest)) && !a.has("T");
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
        st = noDeref ? ctx.vfs().lstat(from) : ctx.vfs().stat(from);
      } catch (VfsException e) {
        ctx.error("cannot stat " + Input.quote(src) + ": " + e.reason());
        status = 1;
        continue;
      }
      if (st.isDirectory() && !recursive) {
        ctx.error("-r not specified; omitting directory " + Input.quote(src));
        status = 1;
        continue;
      }
      boolean intoItself = st.isDirectory() && Trees.isWithin(physical(ctx, from), physical(ctx, to));
      try {
        Stat target = noDeref ? ctx.vfs().lstat(to) : ctx.vfs().stat(to);
        if (target.ino() == st.ino() && target.dev() == st.dev()) {
          ctx.error(Input.quote(src) + " and " + Input.quote(shownTo) + " are the same file");
          status = 1;
          continue;
        }
        if (a.has("n")) {
          continue;
        }
        if (target.isDirectory() && !st.isDirectory()) {
          ctx.error("cannot overwrite directory " + Input.quote(shownTo) + " with non-directory");
          status = 1;
          continue;
        }
      } catch (VfsException e) {
        // the destination does not exist yet
      }
      String destProblem = destinationProblem(ctx, to);
      if (destProblem != null) {
        ctx.error(destProblem.equals("dangling") ? "not writing through dangling symlink " + Input.quote(shownTo)
            : "cannot stat " + Input.quote(shownTo) + ": " + destProblem);
        status = 1;
        continue;
      }
      if (st.isDirectory() && !Cp.isDir(ctx, to) && ctx.vfs().exists(to)) {
        ctx.error("cannot overwrite non-directory " + Input.quote(shownTo) + " with directory " + Input.quote(src));
        status = 1;
        continue;
      }
      boolean[] failed = {false};
      Trees.copy(ctx.vfs(), from, to, preserve, noDeref, (step, source, target, sourceStat, e) -> {
        ctx.error(failure(step, src + source.substring(from.length()), shownTo + target.substring(to.length()),
            sourceStat, e));
        failed[0] = true;
      });
      if (failed[0]) {
        status = 1;
        continue;
      }
      if (a.has("v")) {
        ctx.out().print(Input.quote(src) + " -> " + Input.quote(shownTo) + "\n");
      }
      if (intoItself) {
        // GNU copies the tree, skipping the copy it is making, then reports the loop
        ctx.error("cannot copy a directory, " + Input.quote(src) + ", into itself, " + Input.quote(shownTo));
        status = 1;
      }
    }
    return status;
  }

  /** What GNU cp says when one file of a copy fails; it goes on with the others. */
  private static String failure(Trees.Step step, String source, String target, Stat st, VfsException e) {
    return switch (step) {
      case STAT -> "cannot stat " + Input.quote(source) + ": " + e.reason();
      case OPEN -> "cannot open " + Input.quote(source) + " for reading: " + e.reason();
      case READ_DIRECTORY -> "cannot access " + Input.quote(source) + ": " + e.reason();
      case CREATE -> "cannot create " + (st.isDirectory() ? "directory" : st.isSymlink() ? "symbolic link"
          : st.isRegular() ? "regular file" : "special file") + " " + Input.quote(target) + ": " + e.reason();
    };
  }

  /** The path with symlinks in its directory part resolved, so that loops through links are seen. */
  private static String physical(ProgramContext ctx, String path) {
    try {
      return dev.layerlab.vfs.VPaths.child(Names.canonical(ctx, VPaths.parent(path), false), VPaths.name(path));
    } catch (VfsException e) {
      return path;
    }
  }

  /** cp follows the destination: why it cannot, "dangling" for a symlink to nothing, or null. */
  private static String destinationProblem(ProgramContext ctx, String to) {
    try {
      ctx.vfs().stat(to);
      return null;
    } catch (VfsException e) {
      if (e.errno() != dev.layerlab.vfs.Errno.ENOENT) {
        return e.reason();
      }
      return ctx.vfs().exists(to) ? "dangling" : null;
    }
  }

  static boolean isDir(ProgramContext ctx, String path) {
    try {
      return ctx.vfs().stat(path).isDirectory();
    } catch (VfsException e) {
      return false;
    }
  }
}
