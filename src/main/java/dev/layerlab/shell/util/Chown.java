package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.List;

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
      status |= change(ctx, f, ctx.path(f), null, uid, gid, a.has("R"), !a.has("h"));
    }
    return status;
  }

  /**
   * Changes one file and, with -R, the tree below it as GNU's fts walk does: a directory after
   * its contents, a directory it cannot read not at all, and every failure reported without
   * stopping the walk. Only directories and operands are stat'd first ({@code type}, readdir's
   * d_type, is null for an operand): the other names go straight to chown(2).
   */
  private static int change(ProgramContext ctx, String shown, String path, FileType type, int uid, int gid,
      boolean recursive, boolean follow) {
    int status = 0;
    if (type == null || type == FileType.DIRECTORY) {
      Stat st;
      try {
        st = ctx.vfs().lstat(path);
      } catch (VfsException e) {
        ctx.error("cannot access " + Input.quote(shown) + ": " + e.reason());
        return 1;
      }
      if (recursive && st.isDirectory()) {
        List<DirEntry> entries;
        try {
          entries = ctx.vfs().readDir(path);
        } catch (VfsException e) {
          ctx.error("cannot read directory " + Input.quote(shown) + ": " + e.reason());
          return 1;
        }
        for (DirEntry d : entries) {
          status |= change(ctx, VPaths.child(shown, d.name()), VPaths.child(path, d.name()), d.type(), uid, gid,
              true, false);
        }
      }
    }
    try {
      ctx.vfs().chown(path, uid, gid, follow);
    } catch (VfsException e) {
      ctx.error((e.errno() == dev.layerlab.vfs.Errno.ENOENT ? "cannot access "
          : uid == -1 ? "changing group of " : "changing ownership of ")
          + Input.quote(shown) + ": " + e.reason());
      status = 1;
    }
    return status;
  }
}
