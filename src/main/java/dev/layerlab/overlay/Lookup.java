package dev.layerlab.overlay;

import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Walks merged paths the way the kernel's path walk does (symlinks followed, {@code ..} taken
 * in the merged tree), asking {@link LayerSearch} about each name it has not met yet.
 *
 * <p>What it found is kept as a tree of {@link Entry}s for as long as the base filesystem's
 * {@link Vfs#treeVersion()} stays put. Any change in any layer (through this mount or
 * straight into a lower dir) drops it, so a lower layer edited while mounted shows through
 * on the next lookup.
 */
final class Lookup {
  private static final int MAX_SYMLINKS = 40;

  private final Vfs base;
  private final LayerSearch search;
  private Entry root;
  private long version;
  private boolean caching;

  Lookup(Vfs base, LayerSearch search) {
    this.base = base;
    this.search = search;
  }

  /** Where a path led: its directory, its last name and the entry there (null when absent). */
  record Found(Entry dir, String name, Entry node, boolean slash) {
    Entry need(String path) {
      if (node == null) {
        throw new VfsException(Errno.ENOENT, path);
      }
      if (slash && !node.isDir()) {
        throw new VfsException(Errno.ENOTDIR, path);
      }
      return node;
    }

    boolean isRoot() {
      return name.isEmpty();
    }
  }

  /** Forgets everything looked up. */
  void invalidate() {
    root = null;
  }

  /**
   * After a change made through the mount: forgets what was looked up at these merged paths and
   * below them, and the listings of their directories, then takes the base's new tree version as
   * its own: nothing else moved, since every call runs alone.
   */
  void changed(List<String> paths) {
    if (root != null) {
      for (String path : paths) {
        forget(path);
      }
    }
    version = base.treeVersion();
  }

  private void forget(String path) {
    List<String> names = VPaths.names(path);
    Entry dir = root;
    for (int i = 0; i < names.size() - 1 && dir != null; i++) {
      dir = dir.cached(names.get(i));
    }
    if (dir == null || dir.isNegative() || names.isEmpty()) {
      return; // nothing cached there (the root itself stays what it is)
    }
    String name = names.get(names.size() - 1);
    if (dir.children != null) {
      dir.children.remove(name);
    }
    if (dir.listing != null) {
      // look the one name up again rather than reading every layer's directory anew; if dir
      // itself came up in this change, it is forgotten too and this goes with it
      Entry e = search.probe(dir, name);
      if (e.isNegative()) {
        dir.listing.remove(name);
      } else {
        Entry.Child c = new Entry.Child(e.layer(), e.type, base.lstat(e.real()).ino());
        for (int i = e.upper != null ? 0 : 1; e.isDir() && i < e.layers.length; i++) {
          c.addDirLayer(e.layers[i]);
        }
        dir.listing.put(name, c);
        dir.cache(name, e);
      }
    }
  }

  /** The root entry, made anew when the base filesystem moved since the last call. */
  Entry root() {
    long v = base.treeVersion();
    if (root == null || v == -1 || v != version) {
      version = v;
      caching = v != -1;
      root = search.root();
    }
    return root;
  }

  /** A path of the merged tree inside a layer's root dir. */
  static String join(String dir, String rel) {
    if (rel.equals("/")) {
      return dir;
    }
    return dir.equals("/") ? rel : dir + rel;
  }

  /** Where {@code path} leads, following symlinks on the way (and a final one when {@code followFinal}). */
  Found walk(String path, boolean followFinal) {
    Deque<String> todo = new ArrayDeque<>(VPaths.names(path));
    boolean slash = path.endsWith("/") && !todo.isEmpty();
    Entry top = root();
    Entry cur = top;
    int symlinks = 0;
    while (!todo.isEmpty()) {
      String name = todo.pollFirst();
      if (!cur.isDir()) {
        throw new VfsException(Errno.ENOTDIR, path);
      }
      if (name.equals("..")) {
        cur = cur.parent;
        continue;
      }
      Entry next = child(cur, name);
      boolean last = todo.isEmpty();
      if (next.isNegative()) {
        if (last) {
          return new Found(cur, name, null, slash);
        }
        throw new VfsException(Errno.ENOENT, path);
      }
      if (next.type == FileType.SYMLINK && (!last || followFinal || slash)) {
        if (++symlinks > MAX_SYMLINKS) {
          throw new VfsException(Errno.ELOOP, path);
        }
        String target = base.readlink(next.real());
        List<String> names = VPaths.names(target);
        for (int i = names.size() - 1; i >= 0; i--) {
          todo.addFirst(names.get(i));
        }
        if (target.startsWith("/")) {
          cur = top;
        }
        if (todo.isEmpty()) {
          return new Found(cur.parent, "", cur, false);
        }
        continue;
      }
      if (last) {
        return new Found(cur, name, next, slash);
      }
      cur = next;
    }
    return new Found(cur.parent, "", cur, false);
  }

  /** The entry for {@code name} in directory {@code dir}; {@link Entry#NEGATIVE} when there is none. */
  Entry child(Entry dir, String name) {
    Entry c = dir.cached(name);
    if (c == null) {
      c = search.indexed(dir.listing != null ? search.fromListing(dir, name) : search.probe(dir, name));
      if (caching) {
        dir.cache(name, c);
      }
    }
    return c;
  }

  /** The merged listing of a directory ({@link MergedDir}), read once while the tree stays put. */
  Map<String, Entry.Child> listing(Entry dir) {
    if (dir.listing != null) {
      return dir.listing;
    }
    Map<String, Entry.Child> t = MergedDir.read(base, dir);
    if (caching) {
      dir.listing = t;
    }
    return t;
  }
}
