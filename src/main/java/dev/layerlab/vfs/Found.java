package dev.layerlab.vfs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Where a path led in a {@link JimfsVfs}: its directory, its last name, and the inode there (null when absent). */
record Found(Inode dir, String name, Inode node, boolean slash) {
  private static final int MAX_SYMLINKS = 40;

  /** The inode, or ENOENT; ENOTDIR for a non-directory named with a trailing slash. */
  Inode need(String path) {
    if (node == null) {
      throw new VfsException(Errno.ENOENT, path);
    }
    if (slash && !node.isDir()) {
      throw new VfsException(Errno.ENOTDIR, path);
    }
    return node;
  }

  /** The path named the root (or a directory through "..", or a symlink to one): there is no last name. */
  boolean isRoot() {
    return name.isEmpty();
  }

  /** Resolves {@code path} from {@code root} as the kernel's path walk does: intermediate symlinks always followed. */
  static Found walk(Inode root, String path, boolean followFinal) {
    return walk(root, path, followFinal, false);
  }

  /** With {@code quiet}, a missing or non-directory ancestor gives null instead of ENOENT/ENOTDIR. */
  static Found walk(Inode root, String path, boolean followFinal, boolean quiet) {
    Deque<String> todo = new ArrayDeque<>(VPaths.names(path));
    boolean slash = path.endsWith("/") && !todo.isEmpty();
    Inode cur = root;
    int symlinks = 0;
    while (!todo.isEmpty()) {
      String name = todo.pollFirst();
      if (!cur.isDir()) {
        if (quiet) {
          return null;
        }
        throw new VfsException(Errno.ENOTDIR, path);
      }
      if (name.equals("..")) {
        cur = cur.parent;
        continue;
      }
      Inode child = cur.entries.get(name);
      boolean last = todo.isEmpty();
      if (child == null) {
        if (last) {
          return new Found(cur, name, null, slash);
        }
        if (quiet) {
          return null;
        }
        throw new VfsException(Errno.ENOENT, path);
      }
      if (child.type == FileType.SYMLINK && (!last || followFinal || slash)) {
        if (++symlinks > MAX_SYMLINKS) {
          throw new VfsException(Errno.ELOOP, path);
        }
        List<String> target = VPaths.names(child.target);
        for (int i = target.size() - 1; i >= 0; i--) {
          todo.addFirst(target.get(i));
        }
        if (child.target.startsWith("/")) {
          cur = root;
        }
        if (todo.isEmpty()) { // a link to "/" or to its own directory
          return new Found(cur.parent, "", cur, false);
        }
        continue;
      }
      if (last) {
        return new Found(cur, name, child, slash);
      }
      cur = child;
    }
    return new Found(cur.parent, "", cur, false);
  }
}
