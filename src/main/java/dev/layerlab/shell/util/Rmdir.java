package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;

/** {@code rmdir [-p] DIRECTORY...}. */
final class Rmdir implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "pv", "parents=p", "verbose=v", "ignore-fail-on-non-empty");
    if (a == null) {
      return 1;
    }
    if (a.operands().isEmpty()) {
      ctx.error("missing operand\nTry 'rmdir --help' for more information.");
      return 1;
    }
    int status = 0;
    for (String d : a.operands()) {
      String shown = d;
      while (true) {
        try {
          ctx.vfs().rmdir(ctx.path(shown));
        } catch (VfsException e) {
          if (!(a.has("ignore-fail-on-non-empty") && e.errno() == dev.layerlab.vfs.Errno.ENOTEMPTY)) {
            ctx.error("failed to remove " + Input.quote(shown) + ": " + e.reason());
            status = 1;
          }
          break;
        }
        int slash = shown.replaceAll("/+$", "").lastIndexOf('/');
        if (!a.has("p") || slash <= 0) {
          break;
        }
        shown = shown.substring(0, slash);
      }
    }
    return status;
  }

  static String parent(String p) {
    return VPaths.parent(p);
  }
}
