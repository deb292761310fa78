package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.time.Instant;

/** {@code touch [-acmh] [-d DATE] [-t STAMP] FILE...}. */
final class Touch implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "acmhd:t:r:", "date=d", "no-create=c", "no-dereference=h", "reference=r");
    if (a == null) {
      return 1;
    }
    if (a.operands().isEmpty()) {
      ctx.error("missing file operand\nTry 'touch --help' for more information.");
      return 1;
    }
    Instant when = ctx.machine().clock().instant();
    if (a.has("d")) {
      when = Dates.parse(a.value("d"), ctx.machine().zone());
      if (when == null) {
        ctx.error("invalid date format " + Input.quote(a.value("d")));
        return 1;
      }
    } else if (a.has("t")) {
      when = Dates.parseStamp(a.value("t"), ctx.machine().zone());
      if (when == null) {
        ctx.error("invalid date format " + Input.quote(a.value("t")));
        return 1;
      }
    } else if (a.has("r")) {
      try {
        when = ctx.vfs().stat(ctx.path(a.value("r"))).mtime();
      } catch (VfsException e) {
        ctx.error("failed to get attributes of " + Input.quote(a.value("r")) + ": " + e.reason());
        return 1;
      }
    }
    boolean onlyA = a.has("a") && !a.has("m");
    boolean onlyM = a.has("m") && !a.has("a");
    int status = 0;
    for (String f : a.operands()) {
      String path = ctx.path(f);
      try {
        if (!a.has("h") && !followsToSomething(ctx, path)) {
          if (a.has("c")) {
            continue;
          }
          // like open(O_CREAT), this creates the target of a dangling symlink
          ctx.vfs().write(path, new byte[0], Vfs.WriteMode.APPEND, 0644);
        }
        ctx.vfs().utimes(path, onlyM ? null : when, onlyA ? null : when, !a.has("h"));
      } catch (VfsException e) {
        ctx.error("cannot touch " + Input.quote(f) + ": " + e.reason());
        status = 1;
      }
    }
    return status;
  }

  private static boolean followsToSomething(ProgramContext ctx, String path) {
    try {
      ctx.vfs().stat(path);
      return true;
    } catch (VfsException e) {
      if (e.errno() != dev.layerlab.vfs.Errno.ENOENT) {
        throw e;
      }
      return false;
    }
  }
}
