package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;

/** {@code truncate [-c] -s [+-]SIZE[KMG] FILE...}. */
final class Truncate implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "cs:o", "no-create=c", "size=s");
    if (a == null) {
      return 1;
    }
    if (!a.has("s")) {
      ctx.error("you must specify either '--size' or '--reference'\nTry 'truncate --help' for more information.");
      return 1;
    }
    if (a.operands().isEmpty()) {
      ctx.error("missing file operand\nTry 'truncate --help' for more information.");
      return 1;
    }
    String spec = a.value("s");
    char rel = spec.isEmpty() ? ' ' : spec.charAt(0);
    String num = "+-".indexOf(rel) >= 0 ? spec.substring(1) : spec;
    long size;
    try {
      size = parseSize(num);
    } catch (NumberFormatException e) {
      ctx.error("Invalid number: " + Input.quote(spec));
      return 1;
    }
    int status = 0;
    for (String f : a.operands()) {
      String path = ctx.path(f);
      try {
        if (!ctx.vfs().exists(path)) {
          if (a.has("c")) {
            continue;
          }
          ctx.vfs().write(path, new byte[0], Vfs.WriteMode.APPEND, 0644);
        }
        long current = ctx.vfs().stat(path).size();
        long target = rel == '+' ? current + size : rel == '-' ? Math.max(0, current - size) : size;
        ctx.vfs().truncate(path, target);
      } catch (VfsException e) {
        ctx.error("cannot open " + Input.quote(f) + " for writing: " + e.reason());
        status = 1;
      }
    }
    return status;
  }

  static long parseSize(String s) {
    String units = "KMGTPE";
    if (s.isEmpty()) {
      throw new NumberFormatException(s);
    }
    char last = Character.toUpperCase(s.charAt(s.length() - 1));
    int u = units.indexOf(last);
    if (u >= 0) {
      long v = Long.parseLong(s.substring(0, s.length() - 1));
      return v << (10 * (u + 1));
    }
    return Long.parseLong(s);
  }
}
