package dev.layerlab.overlay;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.util.List;

/** What mounting checks and does to the work dir (and, with index=on, to the upper root). */
final class Workdir {
  private Workdir() {}

  /** The checks mount(2) makes on the directories; EINVAL for an impossible combination. */
  static void check(Vfs base, List<String> lowerDirs, String upperDir, String workDir) {
    if (lowerDirs.isEmpty() || (upperDir == null && lowerDirs.size() < 2)
        || (upperDir != null && workDir == null)) {
      throw new VfsException(Errno.EINVAL, "overlay"); // one lower needs an upper to mount
    }
    for (String dir : lowerDirs) {
      requireDir(base, dir);
    }
    if (upperDir != null) {
      requireDir(base, upperDir);
      requireDir(base, workDir);
      String u = VPaths.normalize(upperDir) + "/";
      String w = VPaths.normalize(workDir) + "/";
      if (u.startsWith(w) || w.startsWith(u)) {
        throw new VfsException(Errno.EINVAL, workDir); // "workdir and upperdir must be separate subtrees"
      }
    }
  }

  private static void requireDir(Vfs base, String dir) {
    if (!base.stat(dir).isDirectory()) {
      throw new VfsException(Errno.ENOTDIR, dir);
    }
  }

  /**
   * Empties or creates {@code work/work} (mode 0000, the kernel's scratch area); with index=on
   * also {@code work/index} and the upper root's {@code origin} naming the top lower root.
   */
  static void prepare(Vfs base, String workDir, String upperDir, String topLower, OverlayOptions options) {
    String work = VPaths.child(workDir, "work");
    if (base.exists(work)) {
      removeTree(base, work);
    }
    base.mkdir(work, 0);
    if (options.index()) {
      String index = VPaths.child(workDir, "index");
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
        removeTree(base, VPaths.child(path, d.name()));
      }
      base.rmdir(path);
    } else {
      base.unlink(path);
    }
  }
}
