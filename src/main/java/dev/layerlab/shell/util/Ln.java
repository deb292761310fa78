package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.List;

/** {@code ln [-sfnTv] TARGET [LINK_NAME]} and {@code ln TARGET... DIRECTORY}. */
final class Ln implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "sfnTvr", "symbolic=s", "force=f", "no-dereference=n", "no-target-directory=T",
        "verbose=v");
    if (a == null) {
      return 1;
    }
    List<String> ops = a.operands();
    if (ops.isEmpty()) {
      ctx.error("missing file operand\nTry 'ln --help' for more information.");
      return 1;
    }
    boolean symbolic = a.has("s");
    String dest = ops.size() == 1 ? "." : ops.get(ops.size() - 1);
    List<String> targets = ops.size() == 1 ? ops : ops.subList(0, ops.size() - 1);
    boolean destIsDir = !a.has("T") && isDirectory(ctx, dest, a.has("n"));
    if (targets.size() > 1 && !destIsDir) {
      ctx.error("target " + Input.quote(dest) + " is not a directory");
      return 1;
    }
    int status = 0;
    for (String target : targets) {
      String base = VPaths.name("/" + target);
      String shown = destIsDir ? (dest.equals(".") ? base : VPaths.child(dest, base)) : dest;
      String path = ctx.path(shown);
      String kind = symbolic ? "symbolic link" : "hard link";
      if (!symbolic) {
        try {
          if (ctx.vfs().lstat(ctx.path(target)).isDirectory()) {
            ctx.error(target + ": hard link not allowed for directory");
            status = 1;
            continue;
          }
        } catch (VfsException e) {
          ctx.error("failed to access " + Input.quote(target) + ": " + e.reason());
          status = 1;
          continue;
        }
      }
      boolean exists = ctx.vfs().exists(path);
      if (exists && !a.has("f")) {
        ctx.error("failed to create " + kind + " " + Input.quote(shown) + ": File exists");
        status = 1;
        continue;
      }
      try {
        if (exists && !ctx.vfs().lstat(path).isDirectory()) {
          ctx.vfs().unlink(path);
        }
        if (symbolic) {
          ctx.vfs().symlink(target, path);
        } else {
          ctx.vfs().link(ctx.path(target), path);
        }
        if (a.has("v")) {
          ctx.out().print(Input.quote(shown) + (symbolic ? " -> " : " => ") + Input.quote(target) + "\n");
        }
      } catch (VfsException e) {
        ctx.error("failed to create " + kind + " " + Input.quote(shown) + (symbolic ? "" : " => " + Input.quote(target))
            + ": " + e.reason());
        status = 1;
      }
    }
    return status;
  }

  private static boolean isDirectory(ProgramContext ctx, String dest, boolean noDeref) {
    try {
      Stat st = noDeref ? ctx.vfs().lstat(ctx.path(dest)) : ctx.vfs().stat(ctx.path(dest));
      return st.isDirectory();
    } catch (VfsException e) {
      return false;
    }
  }
}
