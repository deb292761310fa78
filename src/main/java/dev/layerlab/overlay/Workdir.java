package dev.layerlab.overlay;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.Vfs;

/** What mounting does to the work dir (and, with index=on, to the upper root). */
final class Workdir {
  private Workdir() {}

  /**
   * Empties or creates {@code work/work} (mode 0000, the kernel's scratch area); with index=on
   * also {@code work/index} and the upper root's {@code origin} naming the top lower root.
   */
  static void prepare(Vfs base, String workDir, String upperDir, String topLower, OverlayOptions options) {
    String work = Lookup.child(workDir, "work");
    if (base.exists(work)) {
      removeTree(base, work);
    }
    base.mkdir(work, 0);
    if (options.index()) {
      String index = Lookup.child(workDir, "index");
      if (!base.exists(index)) {
        base.mkdir(index, 0);
      }
      if (Xattrs.get(base, upperDir, Xattrs.ORIGIN) == null) {
        base.setxattr(upperDir, Xattrs.ORIGIN, FileHandle.encode(base.stat(topLower).ino()));
      }
    }
  }

  private static void removeTree(Vfs base, String path) {
    Stat s = base.lstat(path);
    if (s.isDirectory()) {
      for (DirEntry d : base.readDir(path)) {
        removeTree(base, Lookup.child(path, d.name()));
      }
      base.rmdir(path);
    } else {
      base.unlink(path);
    }
  }
}
