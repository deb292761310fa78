package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.List;

/** {@code mkdir [-p] [-m MODE] [-v] DIRECTORY...}. */
final class Mkdir implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "pm:v", "parents=p", "mode=m", "verbose=v");
    if (a == null) {
      return 1;
    }
    if (a.operands().isEmpty()) {
      ctx.error("missing operand\nTry 'mkdir --help' for more information.");
      return 1;
    }
    Integer mode = null;
    if (a.has("m")) {
      mode = ModeSpec.apply(a.value("m"), 0777, true);
      if (mode == null) {
        ctx.error("invalid mode " + Input.quote(a.value("m")));
        return 1;
      }
    }
    int status = 0;
    for (String d : a.operands()) {
      String path = ctx.path(d);
      try {
        if (a.has("p")) {
          List<String> names = VPaths.names(path);
          String cur = "";
          String shownPrefix = d.startsWith("/") ? "" : null;
          List<String> typed = VPaths.names(d);
          int offset = names.size() - typed.size();
          for (int i = 0; i < names.size() - 1; i++) {
            cur = cur + "/" + names.get(i);
            String shownCur = i < offset ? cur : String.join("/", typed.subList(0, i - offset + 1));
            if (shownPrefix != null) {
              shownCur = "/" + shownCur.replaceFirst("^/", "");
            }
            try {
              if (!ctx.vfs().exists(cur)) {
                ctx.vfs().mkdir(cur, 0755);
                verbose(ctx, a, shownCur);
              } else if (!isDirectory(ctx, cur)) {
                throw new VfsException(dev.layerlab.vfs.Errno.ENOTDIR, cur);
              }
            } catch (VfsException e) {
              ctx.error("cannot create directory " + Input.quote(shownCur) + ": " + e.reason());
              status = 1;
              cur = null;
              break;
            }
          }
          if (cur == null) {
            continue;
          }
          if (ctx.vfs().exists(path)) {
            try {
              if (ctx.vfs().stat(path).isDirectory()) {
                continue;
              }
            } catch (VfsException e) {
              // a dangling symlink makes mkdir(2) fail with EEXIST; a loop fails the stat after it
              ctx.error(e.errno() == dev.layerlab.vfs.Errno.ENOENT
                  ? "cannot create directory " + Input.quote(d) + ": File exists"
                  : "cannot stat " + Input.quote(d) + ": " + e.reason());
              status = 1;
              continue;
            }
          }
        }
        ctx.vfs().mkdir(path, 0755);
        if (mode != null) {
          ctx.vfs().chmod(path, mode);
        }
        verbose(ctx, a, d);
      } catch (VfsException e) {
        ctx.error("cannot create directory " + Input.quote(d) + ": " + e.reason());
        status = 1;
      }
    }
    return status;
  }

  private static void verbose(ProgramContext ctx, Args a, String d) {
    if (a.has("v")) {
      ctx.out().print("mkdir: created directory " + Input.quote(d) + "\n");
    }
  }

  /** Whether an existing name is a directory; a dangling symlink there makes mkdir(2) say EEXIST. */
  private static boolean isDirectory(ProgramContext ctx, String path) {
    try {
      return ctx.vfs().stat(path).isDirectory();
    } catch (VfsException e) {
      if (e.errno() == dev.layerlab.vfs.Errno.ENOENT) {
        throw new VfsException(dev.layerlab.vfs.Errno.EEXIST, path);
      }
      throw e;
    }
  }

  static boolean isExists(VfsException e) {
    return e.errno() == Errno.EEXIST;
  }
}
