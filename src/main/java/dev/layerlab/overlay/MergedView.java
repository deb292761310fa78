package dev.layerlab.overlay;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What stat(2) and readdir(3) show through the mount, from the entries {@link Lookup} finds. */
final class MergedView {
  private final Vfs base;
  private final Lookup lookup;
  private final CopyUp copyUp;
  private final long dev;

  MergedView(Vfs base, Lookup lookup, CopyUp copyUp, long dev) {
    this.base = base;
    this.lookup = lookup;
    this.copyUp = copyUp;
    this.dev = dev;
  }

  /** What stat(2) shows through the mount: the real object's attributes, the overlay's st_dev. */
  Stat stat(Entry e) {
    Stat s = base.lstat(e.real());
    long ino = s.ino();
    long nlink = e.isMerged() ? 1 : s.nlink();
    if ((e.upper != null || e.index != null) && !e.isRoot()) {
      long origin = FileHandle.inode(Xattrs.get(base, e.real(), Xattrs.ORIGIN));
      if (origin > 0) {
        ino = origin; // a copied-up object keeps the lower object's number
      } else if (e.isDir() && e.hasLower()) {
        ino = base.lstat(e.lowers[0]).ino();
      }
      if (!e.isDir()) {
        long indexed = copyUp == null ? -1 : copyUp.indexedNlink(e.real());
        nlink = indexed >= 0 ? indexed : nlink;
      }
    }
    return new Stat(s.type(), s.mode(), s.uid(), s.gid(), s.size(), nlink, ino, dev,
        s.rdevMajor(), s.rdevMinor(), s.atime(), s.mtime(), s.ctime());
  }

  /** Where a regular file's bytes are: below, for a metacopy file not yet written. */
  String dataPath(Entry e) {
    if (e.upper != null && e.hasLower() && e.type == FileType.REGULAR
        && Xattrs.get(base, e.upper, Xattrs.METACOPY) != null) {
      return e.lowers[0];
    }
    return e.real();
  }

  /** Whether an entry of an upper dir shows another inode number than its own (an origin elsewhere). */
  private boolean needsImpure(String upperDir, List<DirEntry> entries) {
    for (DirEntry d : entries) {
      long origin = FileHandle.inode(Xattrs.get(base, VPaths.child(upperDir, d.name()), Xattrs.ORIGIN));
      if (origin > 0 && origin != d.ino()) {
        return true;
      }
    }
    return false;
  }

  /** The merged listing of a directory, sorted bytewise; d_ino follows origin in impure dirs. */
  List<DirEntry> readDir(Entry dir) {
    if (!dir.isMerged() && Xattrs.get(base, dir.real(), Xattrs.ORIGIN) == null) {
      // a directory of one layer with no origin is read straight from that layer, as the
      // kernel does: a stray whiteout in it is listed (and then fails to stat)
      List<DirEntry> raw = base.readDir(dir.real());
      if (dir.upper != null && Xattrs.isY(base, dir.upper, Xattrs.IMPURE) && !needsImpure(dir.upper, raw)) {
        base.removexattr(dir.upper, Xattrs.IMPURE); // the kernel drops a flag nothing needs any more
      }
      return raw;
    }
    boolean impure = dir.upper != null && Xattrs.isY(base, dir.upper, Xattrs.IMPURE);
    List<DirEntry> out = new ArrayList<>();
    for (Map.Entry<String, Entry.Child> me : lookup.listing(dir).entrySet()) {
      Entry.Child c = me.getValue();
      if (c.type != null) {
        long ino = c.ino;
        if (impure && c.layer == OverlayEvent.UPPER) {
          long origin = FileHandle.inode(Xattrs.get(base, VPaths.child(dir.upper, me.getKey()), Xattrs.ORIGIN));
          ino = origin > 0 ? origin : ino;
        }
        out.add(new DirEntry(me.getKey(), c.type, ino));
      }
    }
    out.sort((a, b) -> VPaths.compareBytewise(a.name(), b.name()));
    return out;
  }
}
