package dev.layerlab.engine;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import java.util.HashSet;
import java.util.Set;


/** How Docker measures a layer directory (pkg/directory's Size). */
final class LayerFiles {
  private LayerFiles() {}

  /**
   * The size Docker records for a layer directory: every non-directory counted once per inode,
   * regular files by content, symlinks by target length, whiteouts and directories not at all.
   */
  static long size(Vfs vfs, String dir) {
    long[] total = {0};
    Set<Long> seen = new HashSet<>();
    sizeWalk(vfs, dir, total, seen);
    return total[0];
  }

  private static void sizeWalk(Vfs vfs, String dir, long[] total, Set<Long> seen) {
    for (DirEntry d : vfs.readDir(dir)) {
      String p = VPaths.child(dir, d.name());
      Stat st = vfs.lstat(p);
      if (st.isDirectory()) {
        sizeWalk(vfs, p, total, seen);
      } else if (st.size() > 0 && seen.add(st.ino())) {
        total[0] += st.size();
      }
    }
  }
}
