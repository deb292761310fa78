package dev.layerlab.image;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The layer a build step leaves behind, as overlay2 sees it: the files the step wrote, whiteouts
 * for what it deleted, and the directories above them copied up with their metadata (the
 * directory that changed gets the step's time as its mtime).
 */
final class RunDiff {
  private final LayerTree base;
  private final long at;
  private final Map<String, LayerEntry> entries = new LinkedHashMap<>();

  RunDiff(LayerTree base, long at) {
    this.base = base;
    this.at = at;
  }

  RunDiff write(String path, int mode, Content content) {
    String p = TreeWriter.rel(path);
    copyUpParents(p);
    LayerEntry old = base.get(p).orElse(null);
    LayerEntry e = LayerEntry.file(p, mode, at, content);
    if (old != null) {
      e = e.withOwner(old.uid(), old.gid());
    }
    entries.put(p, e);
    if (old == null) {
      touchParent(p);
    }
    return this;
  }

  RunDiff mkdir(String path, int mode) {
    String p = TreeWriter.rel(path);
    copyUpParents(p);
    entries.put(p, LayerEntry.dir(p, mode, at));
    touchParent(p);
    return this;
  }

  RunDiff delete(String path) {
    String p = TreeWriter.rel(path);
    copyUpParents(p);
    LayerEntry w = LayerEntry.whiteout(p, at);
    entries.put(w.path(), w);
    touchParent(p);
    return this;
  }

  /** Every direct child of {@code dir} in the base, deleted (what {@code rm -rf dir/*} leaves). */
  RunDiff deleteChildren(String dir) {
    String d = TreeWriter.rel(dir);
    for (LayerEntry e : base.entries()) {
      if (e.parent().equals(d)) {
        delete(e.path());
      }
    }
    return this;
  }

  LayerTree build() {
    return LayerTree.of(entries.values());
  }

  /** Copies up the ancestors of {@code p} with their own metadata, then touches the direct parent. */
  private void copyUpParents(String p) {
    int slash = p.lastIndexOf('/');
    if (slash < 0) {
      return;
    }
    String parent = p.substring(0, slash);
    copyUpParents(parent);
    LayerEntry existing = entries.get(parent);
    LayerEntry dir = existing != null ? existing : base.get(parent).orElse(LayerEntry.dir(parent, 0755, at));
    entries.put(parent, new LayerEntry(parent, dir.type(), dir.mode(), dir.uid(), dir.gid(), dir.mtime(), null, null,
        0, 0, dir.xattrs()));
  }

  private void touchParent(String p) {
    int slash = p.lastIndexOf('/');
    if (slash > 0) {
      LayerEntry dir = entries.get(p.substring(0, slash));
      entries.put(dir.path(), new LayerEntry(dir.path(), dir.type(), dir.mode(), dir.uid(), dir.gid(), at, null, null,
          0, 0, dir.xattrs()));
    }
  }
}
