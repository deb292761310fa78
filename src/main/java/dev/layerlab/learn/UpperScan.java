package dev.layerlab.learn;

import dev.layerlab.learn.Lab.ContainerView;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a container's upper dir holds, read from the host's disk: files copied up (and from
 * which layer), files added, whiteouts and opaque directories. Reading the disk rather than
 * remembering events means the answer is right even for work done before layerlab was watching.
 */
final class UpperScan {
  static final String OPAQUE = "trusted.overlay.opaque";

  /** What one entry of the upper dir is. */
  enum Kind { COPIED_UP, ADDED, WHITEOUT, OPAQUE_DIR, DIR_COPIED_UP }

  /**
   * One entry.
   *
   * @param path the path inside the container
   * @param layer where the lower copy is ({@link #layerLabel}), null when nothing below has the path
   */
  record Change(Kind kind, String path, String layer, long bytes) {}

  private final Vfs host;
  private final ContainerView container;

  UpperScan(Vfs host, ContainerView container) {
    this.host = host;
    this.container = container;
  }

  /** Every entry, parents before children, siblings by name. */
  List<Change> changes() {
    List<Change> out = new ArrayList<>();
    if (host == null || container.upperDir() == null) {
      return out;
    }
    walk("", out);
    return out;
  }

  private void walk(String rel, List<Change> out) {
    List<DirEntry> entries;
    try {
      entries = host.readDir(container.upperDir() + rel);
    } catch (VfsException e) {
      return;
    }
    for (DirEntry e : entries) {
      String path = rel + "/" + e.name();
      Stat st = host.lstat(container.upperDir() + path);
      int lower = lowerHaving(path);
      String layer = lower < 0 ? null : layerLabel(container, lower);
      if (st.isWhiteout()) {
        out.add(new Change(Kind.WHITEOUT, path, layer, 0));
      } else if (st.isDirectory()) {
        boolean opaque = hasXattr(container.upperDir() + path, OPAQUE);
        if (opaque) {
          out.add(new Change(Kind.OPAQUE_DIR, path, layer, 0));
        } else if (lower >= 0) {
          out.add(new Change(Kind.DIR_COPIED_UP, path, layer, 0));
        } else {
          out.add(new Change(Kind.ADDED, path, null, 0));
        }
        walk(path, out);
      } else {
        out.add(new Change(lower >= 0 ? Kind.COPIED_UP : Kind.ADDED, path, layer, st.isRegular() ? st.size() : 0));
      }
    }
  }

  /** The index (top first) of the topmost lower dir that has {@code path} as a real object, or -1. */
  int lowerHaving(String path) {
    List<String> lowers = container.lowerDirs();
    for (int i = 0; i < lowers.size(); i++) {
      try {
        Stat st = host.lstat(lowers.get(i) + path);
        if (st.isWhiteout()) {
          return -1;
        }
        return i;
      } catch (VfsException e) {
        // not in this layer: look further down
      }
    }
    return -1;
  }

  private boolean hasXattr(String path, String name) {
    try {
      return host.listxattr(path).contains(name);
    } catch (VfsException e) {
      return false;
    }
  }

  /**
   * How lessons and diagrams name the lower dir at {@code index} (top first): {@code init} for a
   * container's init layer, else the image layer's number counted from the bottom (0).
   */
  static String layerLabel(ContainerView container, int index) {
    List<String> lowers = container.lowerDirs();
    boolean init = !lowers.isEmpty() && lowers.get(0).endsWith("-init/diff");
    if (init && index == 0) {
      return "init";
    }
    return Integer.toString(lowers.size() - 1 - index);
  }
}
