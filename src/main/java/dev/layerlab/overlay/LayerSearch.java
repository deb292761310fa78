package dev.layerlab.overlay;

import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.util.Arrays;

/**
 * ovl_lookup for one name: asks the upper dir, then each lower dir top-down, following
 * redirects, stopping at a whiteout, a non-directory or an opaque directory.
 */
final class LayerSearch {
  private final Vfs base;
  private final String[] lowerRoots;
  private final String upperRoot;
  private final String indexDir;
  /** Every lower layer, top-first: where an absolute redirect is looked up. */
  private final int[] allLayers;

  /** @param indexDir {@code work/index} with index=on, else null */
  LayerSearch(Vfs base, String[] lowerRoots, String upperRoot, String indexDir) {
    this.base = base;
    this.lowerRoots = lowerRoots;
    this.upperRoot = upperRoot;
    this.indexDir = indexDir;
    this.allLayers = new int[lowerRoots.length];
    for (int i = 0; i < allLayers.length; i++) {
      allLayers[i] = i;
    }
  }

  /** A fresh entry for the mount's root: the upper root over every lower root. */
  Entry root() {
    return new Entry(null, "", "/", FileType.DIRECTORY, upperRoot, allLayers.clone(), lowerRoots.clone(), "/");
  }

  String lowerPath(int layer, String rel) {
    return Lookup.join(lowerRoots[layer], rel);
  }

  /** With index=on, a lower hard link already copied up through another name shows that copy. */
  Entry indexed(Entry e) {
    if (indexDir != null && e.upper == null && !e.isDir() && !e.isNegative() && e.hasLower()) {
      Stat s = lstatOrNull(base, e.lowers[0]);
      if (s != null && s.nlink() > 1) {
        String p = VPaths.child(indexDir, FileHandle.indexName(s.ino()));
        if (base.exists(p)) {
          e.index = p;
        }
      }
    }
    return e;
  }

  /** lstat, or null when there is nothing usable there (absent, or a symlink loop in a layer). */
  static Stat lstatOrNull(Vfs base, String path) {
    try {
      return base.lstatOrNull(path);
    } catch (VfsException e) {
      return null;
    }
  }

  static boolean isWhiteout(Vfs base, String path) {
    Stat s = lstatOrNull(base, path);
    return s != null && s.isWhiteout();
  }

  boolean isWhiteout(String path) {
    return isWhiteout(base, path);
  }

  private boolean isOpaque(String dir) {
    return Xattrs.isY(base, dir, Xattrs.OPAQUE);
  }

  /** ovl_lookup for one name: asks every layer in turn. */
  Entry probe(Entry dir, String name) {
    String path = VPaths.child(dir.path, name);
    String lp = VPaths.child(dir.lowerPath, name);
    String up = null;
    FileType type = null;
    boolean stop = false;
    int[] below = dir.layers;
    if (dir.upper != null) {
      String candidate = VPaths.child(dir.upper, name);
      Stat s = lstatOrNull(base, candidate);
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
            lp = redirect.startsWith("/") ? redirect : VPaths.child(dir.lowerPath, redirect);
            if (redirect.startsWith("/")) {
              below = allLayers; // an absolute redirect is looked up from the lower roots
            }
          }
        } else if (!(s.isRegular() && Xattrs.get(base, up, Xattrs.METACOPY) != null)) {
          return new Entry(dir, name, path, type, up, new int[0], new String[0], null);
        } else {
          String redirect = Xattrs.text(Xattrs.get(base, up, Xattrs.REDIRECT));
          if (redirect != null) { // a metacopy file renamed or linked finds its data where it was
            lp = redirect.startsWith("/") ? redirect : VPaths.child(dir.lowerPath, redirect);
            below = redirect.startsWith("/") ? allLayers : below;
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
      Stat s = lstatOrNull(base, candidate);
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
  Entry fromListing(Entry dir, String name) {
    Entry.Child c = dir.listing.get(name);
    if (c == null || c.type == null) {
      return Entry.NEGATIVE;
    }
    String path = VPaths.child(dir.path, name);
    String lp = VPaths.child(dir.lowerPath, name);
    if (c.type != FileType.DIRECTORY) {
      if (c.layer == OverlayEvent.UPPER) {
        if (c.type == FileType.REGULAR) {
          return probe(dir, name); // it may be a metacopy needing its lower data
        }
        return new Entry(dir, name, path, c.type, VPaths.child(dir.upper, name), new int[0], new String[0], null);
      }
      return new Entry(dir, name, path, c.type, null, new int[] {c.layer},
          new String[] {lowerPath(c.layer, lp)}, null);
    }
    String up = null;
    int[] layers = new int[c.dirCount + 1];
    String[] lowers = new String[layers.length];
    int n = 0;
    if (c.layer == OverlayEvent.UPPER) {
      up = VPaths.child(dir.upper, name);
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

  /** ovl_lower_positive: does a lower layer under {@code dir} still show {@code name}? */
  boolean lowerPositive(Entry dir, String name) {
    if (dir.upper != null && isOpaque(dir.upper)) {
      return false;
    }
    String lp = VPaths.child(dir.lowerPath, name);
    for (int layer : dir.layers) {
      Stat s = lstatOrNull(base, lowerPath(layer, lp));
      if (s != null) {
        return !s.isWhiteout();
      }
    }
    return false;
  }
}
