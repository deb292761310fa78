package dev.layerlab.overlay;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds names through the layers the way ovl_lookup does: upper first, then each lower
 * top-down; a whiteout ends the search, a non-directory is the answer, directories merge
 * until one is opaque.
 *
 * <p>What it found is kept as a tree of {@link Entry}s for as long as the base filesystem's
 * {@link Vfs#treeVersion()} stays put. Any change in any layer (through this mount or
 * straight into a lower dir) drops it, so a lower layer edited while mounted shows through
 * on the next lookup.
 */
final class Lookup {
  private static final int MAX_SYMLINKS = 40;

  private final Vfs base;
  private final String[] lowerRoots;
  private final String upperRoot;
  private final String indexDir;
  private Entry root;
  private long version;
  private boolean caching;

  /** @param indexDir {@code work/index} with index=on, else null */
  Lookup(Vfs base, String[] lowerRoots, String upperRoot, String indexDir) {
    this.base = base;
    this.lowerRoots = lowerRoots;
    this.upperRoot = upperRoot;
    this.indexDir = indexDir;
  }

  /** With index=on, a lower hard link already copied up through another name shows that copy. */
  private Entry indexed(Entry e) {
    if (indexDir != null && e.upper == null && !e.isDir() && !e.isNegative() && e.hasLower()) {
      Stat s = lstatOrNull(e.lowers[0]);
      if (s != null && s.nlink() > 1) {
        String p = child(indexDir, FileHandle.indexName(s.ino()));
        if (base.exists(p)) {
          e.index = p;
        }
      }
    }
    return e;
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
      Entry e = probe(dir, name);
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

  Entry root() {
    long v = base.treeVersion();
    if (root == null || v == -1 || v != version) {
      version = v;
      caching = v != -1;
      int[] layers = new int[lowerRoots.length];
      for (int i = 0; i < layers.length; i++) {
        layers[i] = i;
      }
      root = new Entry(null, "", "/", FileType.DIRECTORY, upperRoot, layers, lowerRoots.clone(), "/");
    }
    return root;
  }

  String lowerPath(int layer, String rel) {
    return join(lowerRoots[layer], rel);
  }

  static String join(String dir, String rel) {
    if (rel.equals("/")) {
      return dir;
    }
    return dir.equals("/") ? rel : dir + rel;
  }

  static String child(String dir, String name) {
    return dir.endsWith("/") ? dir + name : dir + "/" + name;
  }

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
      c = indexed(dir.listing != null ? fromListing(dir, name) : probe(dir, name));
      if (caching) {
        dir.cache(name, c);
      }
    }
    return c;
  }

  private Stat lstatOrNull(String path) {
    try {
      return base.lstatOrNull(path);
    } catch (VfsException e) {
      return null; // a symlink loop in a layer: nothing usable there
    }
  }

  private boolean isOpaque(String dir) {
    return Xattrs.isY(base, dir, Xattrs.OPAQUE);
  }

  /** ovl_lookup for one name: asks every layer in turn. */
  private Entry probe(Entry dir, String name) {
    String path = child(dir.path, name);
    String lp = child(dir.lowerPath, name);
    String up = null;
    FileType type = null;
    boolean stop = false;
    int[] below = dir.layers;
    if (dir.upper != null) {
      String candidate = child(dir.upper, name);
      Stat s = lstatOrNull(candidate);
      if (s != null) {
        if (s.isWhiteout()) {
          return Entry.NEGATIVE;
        }
        up = candidate;
        type = s.type();
        if (s.isDirectory()) {
          stop = isOpaque(up);
          String redirect = Xattrs.text(Xattrs.get(base, up, Xattrs.REDIRECT));
          if (redirect != null) {
            lp = redirect.startsWith("/") ? redirect : child(dir.lowerPath, redirect);
            if (redirect.startsWith("/")) {
              below = root.layers; // an absolute redirect is looked up from the lower roots
            }
          }
        } else if (!(s.isRegular() && Xattrs.get(base, up, Xattrs.METACOPY) != null)) {
          return new Entry(dir, name, path, type, up, new int[0], new String[0], null);
        } else {
          String redirect = Xattrs.text(Xattrs.get(base, up, Xattrs.REDIRECT));
          if (redirect != null) { // a metacopy file renamed or linked finds its data where it was
            lp = redirect.startsWith("/") ? redirect : child(dir.lowerPath, redirect);
            below = redirect.startsWith("/") ? root.layers : below;
          }
        }
      }
    }
    int[] layers = new int[stop ? 0 : below.length];
    String[] lowers = new String[layers.length];
    int n = 0;
    for (int i = 0; !stop && i < below.length; i++) {
      int layer = below[i];
      String candidate = lowerPath(layer, lp);
      Stat s = lstatOrNull(candidate);
      if (s == null) {
        continue;
      }
      if (s.isWhiteout()) {
        break;
      }
      if (type == null) {
        type = s.type();
      } else if (type != FileType.DIRECTORY || !s.isDirectory()) {
        if (type == FileType.REGULAR && s.isRegular() && n == 0) {
          layers[n] = layer; // the data of a metacopy upper file
          lowers[n++] = candidate;
        }
        break;
      }
      layers[n] = layer;
      lowers[n++] = candidate;
      if (!s.isDirectory() || isOpaque(candidate)) {
        break;
      }
    }
    if (type == null) {
      return Entry.NEGATIVE;
    }
    if (type == FileType.DIRECTORY && up != null && n > 0) {
      lazyOrigin(dir, up, lowers[0]);
    }
    return new Entry(dir, name, path, type, up, Arrays.copyOf(layers, n), Arrays.copyOf(lowers, n),
        type == FileType.DIRECTORY ? lp : null);
  }

  /**
   * An upper dir that merges with a lower one but carries no origin (made before the mount)
   * gets it now, on its first lookup, and its parent becomes impure: the kernel does the same.
   */
  private void lazyOrigin(Entry dir, String up, String lower) {
    if (Xattrs.get(base, up, Xattrs.ORIGIN) == null) {
      base.setxattr(up, Xattrs.ORIGIN, FileHandle.encode(base.lstat(lower).ino()));
      if (dir.upper != null && !Xattrs.isY(base, dir.upper, Xattrs.IMPURE)) {
        base.setxattr(dir.upper, Xattrs.IMPURE, Xattrs.Y);
      }
    }
  }

  /** The same answer as {@link #probe}, from a listing already read: only the layers that have the name. */
  private Entry fromListing(Entry dir, String name) {
    Entry.Child c = dir.listing.get(name);
    if (c == null || c.type == null) {
      return Entry.NEGATIVE;
    }
    String path = child(dir.path, name);
    String lp = child(dir.lowerPath, name);
    if (c.type != FileType.DIRECTORY) {
      if (c.layer == OverlayEvent.UPPER) {
        if (c.type == FileType.REGULAR) {
          return probe(dir, name); // it may be a metacopy needing its lower data
        }
        return new Entry(dir, name, path, c.type, child(dir.upper, name), new int[0], new String[0], null);
      }
      return new Entry(dir, name, path, c.type, null, new int[] {c.layer},
          new String[] {lowerPath(c.layer, lp)}, null);
    }
    String up = null;
    int[] layers = new int[c.dirCount + 1];
    String[] lowers = new String[layers.length];
    int n = 0;
    if (c.layer == OverlayEvent.UPPER) {
      up = child(dir.upper, name);
      if (isOpaque(up)) {
        return new Entry(dir, name, path, c.type, up, new int[0], new String[0], lp);
      }
      if (Xattrs.get(base, up, Xattrs.REDIRECT) != null) {
        return probe(dir, name);
      }
    } else {
      layers[n] = c.layer;
      lowers[n++] = lowerPath(c.layer, lp);
    }
    boolean stop = n > 0 && isOpaque(lowers[0]);
    for (int i = 0; !stop && i < c.dirCount; i++) {
      layers[n] = c.dirLayers[i];
      lowers[n] = lowerPath(c.dirLayers[i], lp);
      stop = isOpaque(lowers[n++]);
    }
    if (up != null && n > 0) {
      lazyOrigin(dir, up, lowers[0]);
    }
    return new Entry(dir, name, path, c.type, up, Arrays.copyOf(layers, n), Arrays.copyOf(lowers, n), lp);
  }

  /** The merged directory listing, the way ovl_iterate builds it: upper names, then each lower's new names. */
  Map<String, Entry.Child> listing(Entry dir) {
    if (dir.listing != null) {
      return dir.listing;
    }
    Map<String, Entry.Child> t = new HashMap<>();
    if (dir.upper != null) {
      readPart(t, dir.upper, OverlayEvent.UPPER);
    }
    for (int i = 0; i < dir.layers.length; i++) {
      readPart(t, dir.lowers[i], dir.layers[i]);
    }
    if (caching) {
      dir.listing = t;
    }
    return t;
  }

  private void readPart(Map<String, Entry.Child> t, String dir, int layer) {
    for (DirEntry d : base.readDir(dir)) {
      Entry.Child c = t.get(d.name());
      if (c == null) {
        boolean whiteout = d.type() == FileType.CHAR_DEVICE && isWhiteout(child(dir, d.name()));
        t.put(d.name(), new Entry.Child(layer, whiteout ? null : d.type(), d.ino()));
      } else if (c.open) {
        if (d.type() == FileType.DIRECTORY) {
          c.addDirLayer(layer);
        } else {
          c.open = false;
        }
      }
    }
  }

  boolean isWhiteout(String path) {
    Stat s = lstatOrNull(path);
    return s != null && s.isWhiteout();
  }

  /** ovl_lower_positive: does a lower layer under {@code dir} still show {@code name}? */
  boolean lowerPositive(Entry dir, String name) {
    if (dir.upper != null && isOpaque(dir.upper)) {
      return false;
    }
    String lp = child(dir.lowerPath, name);
    for (int layer : dir.layers) {
      Stat s = lstatOrNull(lowerPath(layer, lp));
      if (s != null) {
        return !s.isWhiteout();
      }
    }
    return false;
  }
}
