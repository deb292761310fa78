package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.List;

/** {@code tree [-a] [-d] [-L LEVEL] [DIR...]}, drawn with ASCII lines as in the C locale. */
final class Tree implements Program {
  @Override
  public int run(ProgramContext ctx) {
    List<String> dirs = new ArrayList<>();
    boolean all = false;
    boolean onlyDirs = false;
    int level = Integer.MAX_VALUE;
    List<String> ops = ctx.operands();
    for (int i = 0; i < ops.size(); i++) {
      switch (ops.get(i)) {
        case "-a" -> all = true;
        case "-d" -> onlyDirs = true;
        case "-L" -> {
          if (i + 1 >= ops.size() || !ops.get(i + 1).matches("[1-9][0-9]*")) {
            ctx.error("Invalid level, must be greater than 0.");
            return 1;
          }
          level = Integer.parseInt(ops.get(++i));
        }
        default -> dirs.add(ops.get(i));
      }
    }
    if (dirs.isEmpty()) {
      dirs.add(".");
    }
    Draw d = new Draw(ctx, all, onlyDirs, level);
    for (String dir : dirs) {
      d.root(dir);
    }
    d.out.append('\n').append(d.dirs).append(d.dirs == 1 ? " directory" : " directories");
    if (!onlyDirs) {
      d.out.append(", ").append(d.files).append(d.files == 1 ? " file" : " files");
    }
    d.out.append('\n');
    Text.print(ctx.out(), d.out.toString());
    return d.failed ? 2 : 0;
  }

  /** The drawing of one tree run. */
  private static final class Draw {
    final ProgramContext ctx;
    final boolean all;
    final boolean onlyDirs;
    final int level;
    final StringBuilder out = new StringBuilder();
    int dirs;
    int files;
    boolean failed;

    Draw(ProgramContext ctx, boolean all, boolean onlyDirs, int level) {
      this.ctx = ctx;
      this.all = all;
      this.onlyDirs = onlyDirs;
      this.level = level;
    }

    void root(String dir) {
      String path = ctx.path(dir);
      try {
        if (!ctx.vfs().stat(path).isDirectory()) {
          out.append(dir).append("  [error opening dir]\n");
          failed = true;
          return;
        }
      } catch (VfsException e) {
        out.append(dir).append("  [error opening dir]\n");
        failed = true;
        return;
      }
      out.append(dir).append('\n');
      // tree 2.1 counts the directory it starts from, but only when it lists something in it
      if (children(path, "", 1) > 0) {
        dirs++;
      }
    }

    private int children(String path, String indent, int depth) {
      List<DirEntry> entries = new ArrayList<>();
      for (DirEntry e : ctx.vfs().readDir(path)) {
        if (all || !e.name().startsWith(".")) {
          String child = VPaths.child(path, e.name());
          if (!onlyDirs || isDir(child)) {
            entries.add(e);
          }
        }
      }
      for (int i = 0; i < entries.size(); i++) {
        DirEntry e = entries.get(i);
        boolean last = i == entries.size() - 1;
        String child = VPaths.child(path, e.name());
        Stat st = ctx.vfs().lstat(child);
        out.append(indent).append(last ? "`-- " : "|-- ").append(e.name().replace(" ", "\\ "));
        if (st.isSymlink()) {
          out.append(" -> ").append(ctx.vfs().readlink(child));
          if (isDir(child)) {
            dirs++;
          } else {
            files++;
          }
          out.append('\n');
          continue;
        }
        out.append('\n');
        if (st.isDirectory()) {
          dirs++;
          if (depth < level) {
            children(child, indent + (last ? "    " : "|   "), depth + 1);
          }
        } else {
          files++;
        }
      }
      return entries.size();
    }

    private boolean isDir(String path) {
      try {
        return ctx.vfs().stat(path).isDirectory();
      } catch (VfsException e) {
        return false;
      }
    }
  }
}
