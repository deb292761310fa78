package dev.layerlab.engine;

import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;

/**
 * The {@code <mount-id>-init} layer: the mount points every container needs, made through the
 * overlay so that a file or symlink of the image at one of these paths is whited out and
 * replaced, exactly as the daemon's setupInitLayer does.
 */
final class InitLayer {
  private static final String[][] PATHS = {
      {"/dev/pts", "dir"},
      {"/dev/shm", "dir"},
      {"/proc", "dir"},
      {"/sys", "dir"},
      {"/.dockerenv", "file"},
      {"/etc/resolv.conf", "file"},
      {"/etc/hosts", "file"},
      {"/etc/hostname", "file"},
      {"/dev/console", "file"},
      {"/etc/mtab", "/proc/mounts"},
  };

  private InitLayer() {}

  /** Populates the init layer through {@code merged}, its overlay mount. */
  static void populate(Vfs merged) {
    for (String[] p : PATHS) {
      String path = p[0];
      String prev = "";
      for (String name : VPaths.names(path)) {
        prev = prev + "/" + name;
        try {
          merged.unlink(prev); // directories survive (EISDIR); files and symlinks go
        } catch (VfsException e) {
          if (e.errno() != Errno.EISDIR && e.errno() != Errno.ENOENT && e.errno() != Errno.ENOTDIR
              && e.errno() != Errno.EPERM) {
            throw e;
          }
        }
      }
      if (exists(merged, path)) {
        continue;
      }
      HostFiles.mkdirs(merged, VPaths.parent(path), 0755);
      switch (p[1]) {
        case "dir" -> HostFiles.mkdirs(merged, path, 0755);
        case "file" -> merged.write(path, new byte[0], Vfs.WriteMode.CREATE_NEW, 0755);
        default -> merged.symlink(p[1], path);
      }
    }
  }

  /** os.Stat: follows symlinks, so a dangling link counts as missing. */
  private static boolean exists(Vfs vfs, String path) {
    try {
      vfs.stat(path);
      return true;
    } catch (VfsException e) {
      return false;
    }
  }
}
