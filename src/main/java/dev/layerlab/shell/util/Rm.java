package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;

/** {@code rm [-rRfdv] FILE...}. */
final class Rm implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "rRfdvi", "recursive=r", "force=f", "dir=d", "verbose=v", "no-preserve-root");
    if (a == null) {
      return 1;
    }
    boolean force = a.has("f");
    boolean recursive = a.has("r") || a.has("R");
    if (a.operands().isEmpty()) {
      if (force) {
        return 0;
      }
      ctx.error("missing operand\nTry 'rm --help' for more information.");
      return 1;
    }
    int status = 0;
    for (String f : a.operands()) {
      String name = VPaths.name("/" + f);
      if (name.equals(".") || name.equals("..") || f.equals(".") || f.equals("..") || f.endsWith("/.") || f.endsWith("/..")) {
        ctx.error("refusing to remove '.' or '..' directory: skipping " + Input.quote(f));
        status = 1;
        continue;
      }
      String path = ctx.path(f);
      if (recursive && VPaths.normalize(path).equals("/") && !a.has("no-preserve-root")) {
        ctx.error("it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe");
        status = 1;
        continue;
      }
      Stat st;
      try {
        st = ctx.vfs().lstat(path);
      } catch (VfsException e) {
        boolean missing = e.errno() == dev.layerlab.vfs.Errno.ENOENT || e.errno() == dev.layerlab.vfs.Errno.ENOTDIR;
        if (!force || !missing) {
          ctx.error("cannot remove " + Input.quote(f) + ": " + e.reason());
          status = 1;
        }
        continue;
      }
      if (st.isDirectory() && !recursive && !a.has("d")) {
        ctx.error("cannot remove " + Input.quote(f) + ": Is a directory");
        status = 1;
        continue;
      }
      status |= remove(ctx, f, path, st, a.has("v"));
    }
    return status;
  }

  private static int remove(ProgramContext ctx, String shown, String path, Stat st, boolean verbose) {
    int status = 0;
    try {
      if (st.isDirectory()) {
        for (DirEntry d : ctx.vfs().readDir(path)) {
          String child = VPaths.child(path, d.name());
          status |= remove(ctx, VPaths.child(shown, d.name()), child, ctx.vfs().lstat(child), verbose);
        }
        if (status != 0) {
          return status; // GNU rm leaves a directory it could not empty without a second complaint
        }
        ctx.vfs().rmdir(path);
        if (verbose) {
          ctx.out().print("removed directory " + Input.quote(shown) + "\n");
        }
      } else {
        ctx.vfs().unlink(path);
        if (verbose) {
          ctx.out().print("removed " + Input.quote(shown) + "\n");
        }
      }
    } catch (VfsException e) {
      ctx.error("cannot remove " + Input.quote(shown) + ": " + e.reason());
      return 1;
    }
    return status;
  }
}
