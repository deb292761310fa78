package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;

/** {@code chown [-Rh] OWNER[:GROUP] FILE...} and {@code chgrp GROUP FILE...}. */
final class Chown implements Program {
  @Override
  public int run(ProgramContext ctx) {
    boolean chgrp = ctx.name().equals("chgrp");
    Args a = Args.parseOrReport(ctx, "Rhvcf", "recursive=R", "no-dereference=h", "verbose=v");
    if (a == null) {
      return 1;
    }
    if (a.operands().size() < 2) {
      ctx.error((a.operands().isEmpty() ? "missing operand" : "missing operand after " + Input.quote(a.operands().get(0)))
          + "\nTry '" + ctx.name() + " --help' for more information.");
      return 1;
    }
    String spec = a.operands().get(0);
    Accounts accounts = Accounts.of(ctx.vfs());
    int uid = -1;
    int gid = -1;
    String user = chgrp ? "" : spec;
    String group = chgrp ? spec : null;
    int colon = chgrp ? -1 : Math.max(spec.indexOf(':'), spec.indexOf('.'));
    if (colon >= 0) {
      user = spec.substring(0, colon);
      group = spec.substring(colon + 1);
    }
    if (!user.isEmpty()) {
      uid = accounts.uid(user);
      if (uid < 0) {
        ctx.error("invalid user: " + Input.quote(spec));
        return 1;
      }
    }
    if (group != null && !group.isEmpty()) {
      gid = accounts.gid(group);
      if (gid < 0) {
        ctx.error(chgrp ? "invalid group: " + Input.quote(spec) : "invalid group: " + Input.quote(spec));
        return 1;
      }
    }
    int status = 0;
    for (String f : a.operands().subList(1, a.operands().size())) {
      status |= change(ctx, f, ctx.path(f), uid, gid, a.has("R"), !a.has("h"));
    }
    return status;
  }

  private static int change(ProgramContext ctx, String shown, String path, int uid, int gid, boolean recursive,
      boolean follow) {
    try {
      ctx.vfs().chown(path, uid, gid, follow);
      Stat st = ctx.vfs().lstat(path);
      int status = 0;
      if (recursive && st.isDirectory()) {
        for (DirEntry d : ctx.vfs().readDir(path)) {
          status |= change(ctx, VPaths.child(shown, d.name()), VPaths.child(path, d.name()), uid, gid, true, false);
        }
      }
      return status;
    } catch (VfsException e) {
      ctx.error((e.errno() == dev.layerlab.vfs.Errno.ENOENT ? "cannot access "
          : uid == -1 ? "changing group of " : "changing ownership of ")
          + Input.quote(shown) + ": " + e.reason());
      return 1;
    }
  }
}
