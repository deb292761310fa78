package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code du [-s] [-h] [-a] [-c] [FILE...]}: disk usage in 1 KiB blocks, hard links counted once. */
final class Du implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "shacxd:", "summarize=s", "human-readable=h", "all=a", "total=c",
        "max-depth=d");
    if (a == null) {
      return 1;
    }
    List<String> files = a.operands().isEmpty() ? List.of(".") : a.operands();
    Walk w = new Walk(ctx, a);
    long total = 0;
    for (String f : files) {
      total += w.usage(f, ctx.path(f), 0);
    }
    if (a.has("c")) {
      w.line(total, "total");
    }
    Text.print(ctx.out(), w.out.toString());
    return w.status;
  }

  /** One du traversal. */
  private static final class Walk {
    final ProgramContext ctx;
    final Args a;
    final Set<Long> seen = new HashSet<>();
    final StringBuilder out = new StringBuilder();
    final int maxDepth;
    int status;

    Walk(ProgramContext ctx, Args a) {
      this.ctx = ctx;
      this.a = a;
      this.maxDepth = a.has("s") ? 0 : a.has("d") ? Integer.parseInt(a.value("d")) : Integer.MAX_VALUE;
    }

    long usage(String shown, String path, int depth) {
      Stat st;
      try {
        st = ctx.vfs().lstat(path);
      } catch (VfsException e) {
        ctx.error("cannot access " + Input.quote(shown) + ": " + e.reason());
        status = 1;
        return 0;
      }
      if (st.nlink() > 1 && !st.isDirectory() && !seen.add(st.ino())) {
        return 0;
      }
      long blocks = Modes.blocks(st);
      if (st.isDirectory()) {
        List<DirEntry> entries;
        try {
          entries = ctx.vfs().readDir(path);
        } catch (VfsException e) {
          // a directory du may stat but not read still counts its own blocks
          ctx.error("cannot read directory " + Input.quote(shown) + ": " + e.reason());
          status = 1;
          entries = List.of();
        }
        for (DirEntry d : entries) {
          String child = shown.endsWith("/") ? shown + d.name() : shown + "/" + d.name();
          blocks += usage(child, VPaths.child(path, d.name()), depth + 1);
        }
        if (depth <= maxDepth) {
          line(blocks, shown);
        }
      } else if ((depth == 0 || a.has("a")) && depth <= maxDepth) {
        line(blocks, shown);
      }
      return blocks;
    }

    void line(long blocks, String name) {
      String size = a.has("h") ? (blocks == 0 ? "0" : Modes.human(blocks * 512)) : Long.toString((blocks + 1) / 2);
      out.append(size).append('\t').append(name).append('\n');
    }
  }
}
