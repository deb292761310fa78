package dev.layerlab.overlay;

import dev.layerlab.vfs.FileType;
import java.util.HashMap;
import java.util.Map;

/**
 * One name as the mount sees it, the kernel's overlay dentry: the upper object if there is
 * one, and the lower objects that make it up (for a directory, every lower directory merged
 * into it, top-first; for a non-directory, the lower object it shows).
 */
final class Entry {
  /** A name that is not there (absent, or hidden by a whiteout). */
  static final Entry NEGATIVE = new Entry(null, "", "", null, null, new int[0], new String[0], null);

  final Entry parent;
  final String name;
  /** The merged path. */
  final String path;
  final FileType type;
  /** The upper object's path in the base filesystem, or null. */
  final String upper;
  /** Lower layers holding the object, top-first (indices into the mount's lower dirs). */
  final int[] layers;
  /** The objects' paths in the base filesystem, matching {@link #layers}. */
  final String[] lowers;
  /** For a directory: the path its children have inside each lower layer (differs after a redirect). */
  final String lowerPath;
  /** With index=on, the index entry a lower hard link was copied up to: it shows that inode. */
  String index;

  /** The merged listing, built on the first readdir. */
  Map<String, Child> listing;
  /** Children looked up so far, including negative ones. */
  Map<String, Entry> children;

  Entry(Entry parent, String name, String path, FileType type, String upper, int[] layers,
      String[] lowers, String lowerPath) {
    this.parent = parent == null ? this : parent;
    this.name = name;
    this.path = path;
    this.type = type;
    this.upper = upper;
    this.layers = layers;
    this.lowers = lowers;
    this.lowerPath = lowerPath;
  }

  boolean isNegative() {
    return type == null;
  }

  boolean isDir() {
    return type == FileType.DIRECTORY;
  }

  boolean isRoot() {
    return parent == this;
  }

  /** The object the mount shows: the upper one if any, else the topmost lower one. */
  String real() {
    return upper != null ? upper : index != null ? index : lowers[0];
  }

  /** The layer {@link #real()} lives in. */
  int layer() {
    return upper != null ? OverlayEvent.UPPER : layers[0];
  }

  /** Some lower layer has it ("merge or lower" in the kernel). */
  boolean hasLower() {
    return layers.length > 0;
  }

  /** A directory made of more than one layer: its link count reads 1. */
  boolean isMerged() {
    return isDir() && (upper != null ? layers.length > 0 : layers.length > 1);
  }

  Entry cached(String name) {
    return children == null ? null : children.get(name);
  }

  void cache(String name, Entry e) {
    if (children == null) {
      children = new HashMap<>();
    }
    children.put(name, e);
  }

  /** One name of a merged listing: the layer it comes from and what it is there. */
  static final class Child {
    final int layer;
    /** Null when a whiteout hides the name. */
    final FileType type;
    final long ino;
    /** Lower layers below {@link #layer} where the name is also a directory, before anything stops the merge. */
    int[] dirLayers = new int[0];
    int dirCount;
    boolean open;

    Child(int layer, FileType type, long ino) {
      this.layer = layer;
      this.type = type;
      this.ino = ino;
      this.open = type == FileType.DIRECTORY;
    }

    void addDirLayer(int layer) {
      if (dirCount == dirLayers.length) {
        dirLayers = java.util.Arrays.copyOf(dirLayers, Math.max(4, dirCount * 2));
      }
      dirLayers[dirCount++] = layer;
    }
  }
}
