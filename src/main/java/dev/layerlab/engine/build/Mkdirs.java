package dev.layerlab.engine.build;

import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;

/** {@code mkdir -p} as the daemon does it for WORKDIR and COPY destinations: root-owned, 0755. */
final class Mkdirs {
  private Mkdirs() {}

  static void mkdirs(Vfs fs, String dir) {
    mkdirs(fs, dir, 0, 0);
  }

  static void mkdirs(Vfs fs, String dir, int uid, int gid) {
    String cur = "";
    for (String name : VPaths.names(dir)) {
      cur = cur + "/" + name;
      Stat st = stat(fs, cur);
      if (st == null) {
        fs.mkdir(cur, 0755);
        fs.chown(cur, uid, gid, false);
      } else if (!st.isDirectory()) {
        throw new VfsException(dev.layerlab.vfs.Errno.ENOTDIR, cur);
      }
    }
  }

  static Stat stat(Vfs fs, String path) {
    try {
      return fs.stat(path);
    } catch (VfsException e) {
      return null;
    }
  }
}
