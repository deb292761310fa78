package dev.layerlab.engine;

import dev.layerlab.image.VfsLayers;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker diff}: the overlay2 driver's native diff. It walks only the container's upper
 * dir and asks the layers below (the init layer first) what each name was before: whiteouts are
 * {@code D}, names new to the stack {@code A}, others {@code C} when their attributes changed; a
 * directory is also {@code C} whenever something inside it is listed.
 */
final class ContainerDiff {
  /** One line of {@code docker diff}: kind is A, C or D. */
  record Change(char kind, String path) {
    @Override
    public String toString() {
      return kind + " " + path;
    }
  }

  private final Vfs vfs;
  private final String upper;
  private final List<String> lowers;

  ContainerDiff(Vfs vfs, String upper, List<String> lowersTopFirst) {
    this.vfs = vfs;
    this.upper = upper;
    this.lowers = lowersTopFirst;
  }

  List<Change> changes() {
    List<Change> out = new ArrayList<>();
    walk("", out);
    return out;
  }

  /** Lists the changes below {@code rel}; returns whether it listed any. */
  private boolean walk(String rel, List<Change> out) {
    boolean any = false;
    for (DirEntry d : vfs.readDir(rel.isEmpty() ? upper : upper + rel)) {
      String path = rel + "/" + d.name();
      Stat now = vfs.lstat(upper + path);
      Stat before = lower(path);
      if (now.isWhiteout()) {
        if (before != null) {
          out.add(new Change('D', path));
          any = true;
        }
        continue;
      }
      if (before == null) {
        out.add(new Change('A', path));
        any = true;
        if (now.isDirectory()) {
          walkAdded(path, out);
        }
        continue;
      }
      if (now.isDirectory() && before.isDirectory()) {
        int at = out.size();
        boolean changedSelf = now.mode() != before.mode() || now.uid() != before.uid() || now.gid() != before.gid();
        boolean inner = walk(path, out);
        if (changedSelf || inner) {
          out.add(at, new Change('C', path));
          any = true;
        }
        continue;
      }
      if (changed(now, before)) {
        out.add(new Change('C', path));
        any = true;
      }
      if (now.isDirectory()) {
        walkAdded(path, out); // a directory replacing a file: everything in it is new
      }
    }
    return any;
  }

  private void walkAdded(String rel, List<Change> out) {
    for (DirEntry d : vfs.readDir(upper + rel)) {
      String path = rel + "/" + d.name();
      Stat st = vfs.lstat(upper + path);
      if (st.isWhiteout()) {
        continue;
      }
      out.add(new Change('A', path));
      if (st.isDirectory()) {
        walkAdded(path, out);
      }
    }
  }

  private static boolean changed(Stat a, Stat b) {
    if (a.type() != b.type() || a.mode() != b.mode() || a.uid() != b.uid() || a.gid() != b.gid()
        || a.rdevMajor() != b.rdevMajor() || a.rdevMinor() != b.rdevMinor() || a.size() != b.size()) {
      return true;
    }
    if (a.mtime().getEpochSecond() != b.mtime().getEpochSecond()) {
      return true;
    }
    // same second: equal when either side has no nanoseconds (tar-extracted files have none)
    return a.mtime().getNano() != b.mtime().getNano() && a.mtime().getNano() != 0 && b.mtime().getNano() != 0;
  }

  /** What the layers below say {@code path} was, or null when it did not exist there. */
  private Stat lower(String path) {
    List<String> names = VPaths.names(path);
    List<String> dirs = new ArrayList<>(lowers);
    String rel = "";
    for (int i = 0; i < names.size(); i++) {
      rel = rel + "/" + names.get(i);
      boolean last = i == names.size() - 1;
      List<String> next = new ArrayList<>();
      for (String layer : dirs) {
        Stat st = lstat(layer + rel);
        if (st == null) {
          continue;
        }
        if (st.isWhiteout()) {
          break;
        }
        if (last) {
          return st;
        }
        if (!st.isDirectory()) {
          return null;
        }
        next.add(layer);
        if (vfs.listxattr(layer + rel).contains(VfsLayers.OPAQUE_XATTR)) {
          break;
        }
      }
      if (next.isEmpty()) {
        return null;
      }
      dirs = next;
    }
    return null;
  }

  private Stat lstat(String path) {
    try {
      return vfs.lstat(path);
    } catch (VfsException e) {
      if (e.errno() == Errno.ENOENT || e.errno() == Errno.ENOTDIR) {
        return null;
      }
      throw e;
    }
  }
}
