package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.List;

/** {@code chmod [-R] [-v] MODE FILE...}. */
final class Chmod implements Program {
  @Override
  public int run(ProgramContext ctx) {
    List<String> args = new ArrayList<>(ctx.operands());
    String mode = null;
    // a mode such as -w or -x looks like an option: take the first operand that parses as one
    List<String> options = new ArrayList<>();
    for (String arg : args) {
      if (mode == null && arg.startsWith("-") && arg.matches("-[rwxXst]+")) {
        mode = arg;
      } else {
        options.add(arg);
      }
    }
    Args a;
    try {
      a = Args.parse(options, "Rvcf", "recursive=R", "verbose=v", "changes=c", "silent=f", "quiet=f");
    } catch (Args.UsageError e) {
      ctx.error(e.getMessage());
      ctx.err().print("Try 'chmod --help' for more information.\n");
      return 1;
    }
    List<String> ops = new ArrayList<>(a.operands());
    if (mode == null) {
      if (ops.isEmpty()) {
        ctx.error("missing operand\nTry 'chmod --help' for more information.");
        return 1;
      }
      mode = ops.remove(0);
    }
    if (ops.isEmpty()) {
      ctx.error("missing operand after " + Input.quote(mode) + "\nTry 'chmod --help' for more information.");
      return 1;
    }
    if (ModeSpec.apply(mode, 0, false) == null) {
      ctx.error("invalid mode: " + Input.quote(mode) + "\nTry 'chmod --help' for more information.");
      return 1;
    }
    int status = 0;
    for (String f : ops) {
      status |= change(ctx, f, ctx.path(f), mode, a.has("R"), true);
    }
    return status;
  }

  private static int change(ProgramContext ctx, String shown, String path, String mode, boolean recursive, boolean top) {
    Stat st;
    try {
      st = top ? ctx.vfs().stat(path) : ctx.vfs().lstat(path);
    } catch (VfsException e) {
      if (top && e.errno() == dev.layerlab.vfs.Errno.ENOENT && ctx.vfs().exists(path)) {
        ctx.error("cannot operate on dangling symlink " + Input.quote(shown));
      } else {
        ctx.error("cannot access " + Input.quote(shown) + ": " + e.reason());
      }
      return 1;
    }
    if (st.isSymlink()) {
      return 0;
    }
    int status = 0;
    try {
      ctx.vfs().chmod(path, ModeSpec.apply(mode, st.mode(), st.isDirectory()));
    } catch (VfsException e) {
      ctx.error("changing permissions of " + Input.quote(shown) + ": " + e.reason());
      status = 1;
    }
    if (recursive && st.isDirectory()) {
      for (DirEntry d : ctx.vfs().readDir(path)) {
        status |= change(ctx, VPaths.child(shown, d.name()), VPaths.child(path, d.name()), mode, true, false);
      }
    }
    return status;
  }
}
