package dev.layerlab.shell.util;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.util.List;

/** Copying one node or a whole tree inside a filesystem, as cp does it. */
final class Trees {
  private Trees() {}

  /** What cp keeps of the source. */
  record Preserve(boolean mode, boolean owner, boolean times, boolean xattrs, boolean links) {
    static final Preserve NONE = new Preserve(false, false, false, false, false);
    static final Preserve ALL = new Preserve(true, true, true, true, true);
  }

  /** The step of a copy that failed, each of which cp reports in its own words. */
  enum Step { STAT, OPEN, READ_DIRECTORY, CREATE }

  /** Hears of each file a copy could not copy; the copy goes on with the rest. */
  @FunctionalInterface
  interface Failures {
    /** {@code source} is null when the source's stat itself failed. */
    void failed(Step step, String from, String to, Stat source, VfsException e);

    /** Stops at the first failure, throwing it. */
    Failures THROW = (step, from, to, source, e) -> {
      throw e;
    };
  }

  /**
   * Copies {@code from} (not following a final symlink when {@code noDeref}) to the new name
   * {@code to}, recursing into directories; stops at the first failure.
   */
  static void copy(Vfs vfs, String from, String to, Preserve p, boolean noDeref) {
    copy(vfs, from, to, p, noDeref, Failures.THROW);
  }

  /** Copies as {@link #copy(Vfs, String, String, Preserve, boolean)}, telling {@code failures} what it skips. */
  static void copy(Vfs vfs, String from, String to, Preserve p, boolean noDeref, Failures failures) {
    new Copy(vfs, p, VPaths.normalize(to), failures).copy(from, to, noDeref);
  }

  /** One copy; {@code avoid} is its own top directory: cp never descends into what it just made. */
  private record Copy(Vfs vfs, Preserve p, String avoid, Failures failures) {
    void copy(String from, String to, boolean noDeref) {
      Stat st;
      try {
        st = noDeref ? vfs.lstat(from) : vfs.stat(from);
      } catch (VfsException e) {
        failures.failed(Step.STAT, from, to, null, e);
        return;
      }
      try {
        if (!copyNode(from, to, st)) {
          return;
        }
      } catch (VfsException e) {
        failures.failed(Step.CREATE, from, to, st, e);
        return;
      }
      preserve(from, to, st);
    }

    /** False when the source could not be read, so nothing was made. */
    private boolean copyNode(String from, String to, Stat st) {
      switch (st.type()) {
        case DIRECTORY -> {
          // the umask takes group and other write; mkdir(2) keeps the sticky bit but not setuid or setgid
          int mode = st.mode() & 01755;
          boolean made = !vfs.exists(to);
          if (made) {
            // made writable and searchable for its owner while it fills, as cp does, then given its mode
            vfs.mkdir(to, mode | 0700);
          }
          List<DirEntry> entries;
          try {
            entries = vfs.readDir(from);
          } catch (VfsException e) {
            failures.failed(Step.READ_DIRECTORY, from, to, st, e);
            entries = List.of();
          }
          for (DirEntry e : entries) {
            String child = VPaths.child(from, e.name());
            if (!VPaths.normalize(child).equals(avoid)) {
              copy(child, VPaths.child(to, e.name()), true);
            }
          }
          if (made && (mode | 0700) != mode) {
            vfs.chmod(to, mode);
          }
        }
        case SYMLINK -> {
          replaceNonDirectory(vfs, to);
          vfs.symlink(vfs.readlink(from), to);
        }
        case REGULAR -> {
          byte[] data;
          try {
            data = vfs.read(from);
          } catch (VfsException e) {
            failures.failed(Step.OPEN, from, to, st, e);
            return false;
          }
          if (vfs.exists(to)) {
            vfs.write(to, data, Vfs.WriteMode.TRUNCATE, st.mode() & 0777);
          } else {
            vfs.write(to, data, Vfs.WriteMode.CREATE_NEW, p.mode() ? st.mode() & 0777 : st.mode() & 0755);
          }
        }
        default -> {
          replaceNonDirectory(vfs, to);
          vfs.mknod(to, st.type(), st.mode() & 0777, st.rdevMajor(), st.rdevMinor());
        }
      }
      return true;
    }

    private void preserve(String from, String to, Stat st) {
      if (p.owner()) {
        try {
          vfs.chown(to, st.uid(), st.gid(), false);
        } catch (VfsException e) {
          if (e.errno() != Errno.EPERM) {
            throw e;
          }
          // a user may not give a file away: cp keeps quiet about that and keeps the group if it may
          try {
            vfs.chown(to, -1, st.gid(), false);
          } catch (VfsException ignored) {
            // the copy stays in the user's own group
          }
        }
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
