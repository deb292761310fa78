package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** GNU {@code ls}: -l -a -A -d -i -n -R -h -1 -F -C -t -S -r, columns on a terminal, colours. */
final class Ls implements Program {

  /** The options that shape the output. */
  record Options(boolean all, boolean almostAll, boolean directory, boolean inode, boolean longFormat,
      boolean numeric, boolean recursive, boolean human, boolean columns, boolean classify, boolean blocks,
      boolean dereference, boolean quote, int width,
      Comparator<LsEntry> order, boolean needsStat) {}

  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "aAdilnRh1FCtSrUcusw:L", "dereference=L", "all=a", "size=s", "width=w", "almost-all=A", "directory=d", "inode=i",
        "numeric-uid-gid=n", "recursive=R", "human-readable=h", "classify=F", "color:", "colour:", "reverse=r",
        "layer:");
    if (a == null) {
      return 2;
    }
    dev.layerlab.vfs.Vfs accounts = ctx.vfs(); // user and group names come from the machine's own /etc
    if (a.value("layer") != null) {
      ProgramContext inLayer = inLayer(ctx, a.value("layer"));
      if (inLayer == null) {
        return 2;
      }
      ctx = inLayer;
    }
    boolean longFormat = a.has("l") || a.has("n");
    String colorArg = a.value("color") != null ? a.value("color") : a.value("colour");
    boolean colour = colorArg != null && (colorArg.equals("always") || colorArg.equals("yes")
        || ((colorArg.equals("auto") || colorArg.isEmpty()) && ctx.tty() && ctx.colour()));
    if (colorArg == null) {
      colour = ctx.tty() && ctx.colour();
    }
    boolean columns = a.has("C") || (ctx.tty() && !a.has("1") && !longFormat);
    Comparator<LsEntry> order = Comparator.comparing(LsEntry::name);
    if (a.has("t")) {
      order = Comparator.comparing((LsEntry e) -> e.stat().mtime()).reversed().thenComparing(LsEntry::name);
    } else if (a.has("S")) {
      order = Comparator.comparingLong((LsEntry e) -> e.stat().size()).reversed().thenComparing(LsEntry::name);
    }
    if (a.has("r")) {
      order = order.reversed();
    }
    Options o = new Options(a.has("a"), a.has("A"), a.has("d"), a.has("i"), longFormat, a.has("n"), a.has("R"),
        a.has("h"), columns, a.has("F"), a.has("s"), a.has("L"), ctx.tty(), width(a, ctx), order,
        longFormat || a.has("s") || a.has("t") || a.has("S") || a.has("L") || a.has("i") || colour);
    return new Listing(ctx, o, new LsLayout(o, Accounts.of(accounts), new LsStyle(colour, o.classify()),
        ctx.machine().clock().instant(), ctx.machine().zone())).run(a.operands());
  }

  /**
   * {@code --layer N}: the same listing inside image layer N alone (0 is the bottom), as the
   * layer's {@code diff} directory holds it on the host, whiteouts and all. layerlab's own option.
   */
  private static ProgramContext inLayer(ProgramContext ctx, String number) {
    List<dev.layerlab.vfs.Vfs> layers = ctx.machine().imageLayers();
    if (layers.isEmpty()) {
      ctx.error("--layer: this machine has no image layers; use it inside a container");
      return null;
    }
    int n = number.matches("[0-9]{1,4}") ? Integer.parseInt(number) : -1;
    if (n < 0 || n >= layers.size()) {
      ctx.error("invalid layer number '" + number + "': the image has layers 0 to " + (layers.size() - 1));
      return null;
    }
    return ctx.withMachine(new LayerMachine(ctx.machine(), layers.get(n)));
  }

  private static int width(Args a, ProgramContext ctx) {
    if (a.value("w") != null && a.value("w").matches("[0-9]+")) {
      return Integer.parseInt(a.value("w"));
    }
    String columns = ctx.env().get("COLUMNS");
    if (!ctx.tty() && columns != null && columns.matches("[0-9]+")) {
      return Integer.parseInt(columns);
    }
    return ctx.tty() && ctx.width() > 0 ? ctx.width() : 80;
  }

  /** One run of ls: what it printed so far and its exit status. */
  private static final class Listing {
    private final ProgramContext ctx;
    private final Options o;
    private final LsLayout layout;
    private final StringBuilder out = new StringBuilder();
    private int status;
    private boolean printed;

    Listing(ProgramContext ctx, Options o, LsLayout layout) {
      this.ctx = ctx;
      this.o = o;
      this.layout = layout;
    }

    int run(List<String> operands) {
      boolean implicit = operands.isEmpty();
      List<String> names = implicit ? List.of(".") : operands;
      boolean follow = o.dereference() || !(o.directory() || o.longFormat() || o.classify());
      List<LsEntry> files = new ArrayList<>();
      List<LsEntry> dirs = new ArrayList<>();
      for (String name : names) {
        LsEntry e = entry(name, ctx.path(name), true);
        if (e == null) {
          continue;
        }
        boolean isDir = e.isDirectory() || (follow && e.targetStat() != null && e.targetStat().isDirectory());
        if (isDir && !o.directory()) {
          dirs.add(e);
        } else {
          files.add(e);
        }
      }
      files.sort(o.order());
      dirs.sort(o.order());
      if (!files.isEmpty()) {
        List<LsEntry> all = new ArrayList<>(files);
        all.addAll(dirs);
        layout.print(files, o.longFormat() ? all : files, out);
        printed = true;
      }
      boolean headers = !files.isEmpty() || dirs.size() > 1 || o.recursive() || status != 0;
      for (LsEntry dir : dirs) {
        listDirectory(dir.name(), dir.path(), headers, true);
      }
      Text.print(ctx.out(), out.toString());
      return status;
    }

    private void listDirectory(String shown, String path, boolean header, boolean commandLine) {
      List<LsEntry> entries = new ArrayList<>();
      List<DirEntry> names;
      try {
        names = ctx.vfs().readDir(path);
      } catch (VfsException e) {
        flushError("cannot open directory '" + shown + "': " + e.reason());
        status = commandLine ? 2 : Math.max(status, 1);
        return;
      }
      if (printed) {
        out.append('\n');
      }
      if (header) {
        out.append(shown).append(":\n");
      }
      printed = true;
      if (o.all()) {
        entries.add(child(shown, path, new DirEntry(".", FileType.DIRECTORY, 0)));
        entries.add(child(shown, path, new DirEntry("..", FileType.DIRECTORY, 0)));
      }
      for (DirEntry d : names) {
        if (d.name().startsWith(".") && !o.all() && !o.almostAll()) {
          continue;
        }
        LsEntry e = child(shown, path, d);
        if (e != null) {
          entries.add(e);
        }
      }
      entries.sort(o.order());
      if (o.longFormat() || o.blocks()) {
        out.append("total ").append(layout.total(entries)).append('\n');
      }
      layout.print(entries, out);
      if (o.recursive()) {
        for (LsEntry e : entries) {
          if (e.isDirectory() && !e.name().equals(".") && !e.name().equals("..")) {
            String child = shown.endsWith("/") ? shown + e.name() : shown + "/" + e.name();
            listDirectory(child, e.path(), true, false);
          }
        }
      }
    }

    private LsEntry entry(String name, String path, boolean commandLine) {
      Stat st;
      try {
        st = ctx.vfs().lstat(path);
        if (o.dereference() && st.isSymlink()) {
          try {
            st = ctx.vfs().stat(path);
          } catch (VfsException e) {
            // a dangling link stays a link, as GNU ls -L shows it (with an error)
          }
        }
      } catch (VfsException e) {
        flushError("cannot access '" + name + "': " + e.reason());
        status = commandLine ? 2 : Math.max(status, 1);
        return null;
      }
      String target = null;
      Stat targetStat = null;
      if (st.isSymlink()) {
        try {
          target = ctx.vfs().readlink(path);
          targetStat = ctx.vfs().stat(path);
        } catch (VfsException e) {
          targetStat = null;
        }
      }
      return new LsEntry(name, path, st, target, targetStat, true);
    }

    /**
     * A name in a listed directory. GNU ls stats it only when the format needs more than readdir's
     * d_type, so the names in a directory it may read but not search still show.
     */
    private LsEntry child(String shownDir, String dir, DirEntry d) {
      String path = d.name().equals(".") ? dir : VPaths.child(dir, d.name());
      // looking "." up in a directory needs search permission on it, as looking up ".." does
      String probe = d.name().equals(".") ? VPaths.child(dir, "..") : path;
      boolean needsStat = o.needsStat() || d.type() == null || (o.classify() && d.type() == FileType.REGULAR);
      try {
        ctx.vfs().lstat(probe);
        return entry(d.name(), path, false);
      } catch (VfsException e) {
        if (!needsStat) {
          return LsEntry.fromReaddir(path, d, true);
        }
        String shown = shownDir.endsWith("/") ? shownDir + d.name() : shownDir + "/" + d.name();
        flushError("cannot access " + Input.quote(shown) + ": " + e.reason());
        status = Math.max(status, 1);
        return LsEntry.fromReaddir(path, d, false);
      }
    }

    private void flushError(String message) {
      Text.print(ctx.out(), out.toString());
      out.setLength(0);
      ctx.error(message);
    }
  }
}
