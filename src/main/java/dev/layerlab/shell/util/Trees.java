package dev.layerlab.shell.util;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;

/** Copying one node or a whole tree inside a filesystem, as cp does it. */
final class Trees {
  private Trees() {}

  /** What cp keeps of the source. */
  record Preserve(boolean mode, boolean owner, boolean times, boolean xattrs, boolean links) {
    static final Preserve NONE = new Preserve(false, false, false, false, false);
    static final Preserve ALL = new Preserve(true, true, true, true, true);
  }

  /**
   * Copies {@code from} (not following a final symlink when {@code noDeref}) to the new name
   * {@code to}, recursing into directories.
   */
  static void copy(Vfs vfs, String from, String to, Preserve p, boolean noDeref) {
    copy(vfs, from, to, p, noDeref, VPaths.normalize(to));
  }

  /** {@code avoid} is the copy's own top directory: cp never descends into what it just made. */
  private static void copy(Vfs vfs, String from, String to, Preserve p, boolean noDeref, String avoid) {
    Stat st = noDeref ? vfs.lstat(from) : vfs.stat(from);
    switch (st.type()) {
      case DIRECTORY -> {
        if (!vfs.exists(to)) {
          vfs.mkdir(to, st.mode() & 07755);
        }
        for (DirEntry e : vfs.readDir(from)) {
          String child = VPaths.child(from, e.name());
          if (!VPaths.normalize(child).equals(avoid)) {
            copy(vfs, child, VPaths.child(to, e.name()), p, true, avoid);
          }
        }
      }
      case SYMLINK -> {
        replaceNonDirectory(vfs, to);
        vfs.symlink(vfs.readlink(from), to);
      }
      case REGULAR -> {
        if (vfs.exists(to)) {
          vfs.write(to, vfs.read(from), Vfs.WriteMode.TRUNCATE, st.mode() & 0777);
        } else {
          vfs.write(to, vfs.read(from), Vfs.WriteMode.CREATE_NEW, p.mode() ? st.mode() & 0777 : st.mode() & 0755);
        }
      }
      default -> {
        replaceNonDirectory(vfs, to);
        vfs.mknod(to, st.type(), st.mode() & 0777, st.rdevMajor(), st.rdevMinor());
      }
    }
    if (p.owner()) {
      vfs.chown(to, st.uid(), st.gid(), false);
    }
    if (p.mode() && !st.isSymlink()) {
      vfs.chmod(to, st.mode());
    }
    if (p.xattrs()) {
      for (String name : vfs.listxattr(from)) {
        vfs.setxattr(to, name, vfs.getxattr(from, name));
      }
    }
    if (p.times()) {
      vfs.utimes(to, st.atime(), st.mtime(), false);
    }
  }

  /** cp cannot write a symlink or device into an existing file: it unlinks the file first. */
  private static void replaceNonDirectory(Vfs vfs, String to) {
    if (vfs.exists(to) && !vfs.lstat(to).isDirectory()) {
      vfs.unlink(to);
    }
  }

  /** Removes a tree bottom-up. */
  static void remove(Vfs vfs, String path) {
    Stat st = vfs.lstat(path);
    if (st.isDirectory()) {
      for (DirEntry e : vfs.readDir(path)) {
        remove(vfs, VPaths.child(path, e.name()));
      }
      vfs.rmdir(path);
    } else {
      vfs.unlink(path);
    }
  }

  /** True when {@code inner} is {@code outer} or lies below it (lexically). */
  static boolean isWithin(String outer, String inner) {
    String o = VPaths.normalize(outer);
    String i = VPaths.normalize(inner);
    return i.equals(o) || i.startsWith(o.endsWith("/") ? o : o + "/");
  }
}
