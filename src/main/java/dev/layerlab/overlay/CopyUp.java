package dev.layerlab.overlay;

import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.Vfs.WriteMode;

/**
 * copy_up: brings a lower object into the upper dir before anything about it changes.
 *
 * <p>Ancestors first, each with its mode, owner, times and xattrs (no content); then the object
 * itself, built under a temporary name in {@code work/work} and renamed into place, so a
 * half-made copy is never visible. It carries {@code trusted.overlay.origin} naming the lower
 * object (unless that is a hard link, whose link the copy breaks), and its parent is marked
 * {@code impure}. The parent's times are put back afterwards, as the kernel does.
 */
final class CopyUp {
  private static final byte[] NO_DATA = new byte[0];

  private final Vfs base;
  private final String upperRoot;
  private final String tmpDir;
  private final String indexDir;
  private final OverlayOptions options;
  private final OverlayListener listener;
  private long seq;

  CopyUp(Vfs base, String upperRoot, String workDir, String indexDir, OverlayOptions options,
      OverlayListener listener) {
    this.base = base;
    this.upperRoot = upperRoot;
    this.tmpDir = VPaths.child(workDir, "work");
    this.indexDir = indexDir;
    this.options = options;
    this.listener = listener;
  }

  /** A fresh name in the work dir, like the kernel's {@code #1f}. */
  String tempName() {
    return VPaths.child(tmpDir, "#" + Long.toHexString(seq++));
  }

  /**
   * Makes sure {@code e} exists in the upper dir and returns its upper path.
   *
   * @param data whether the change needs the file's data (a write) or only its metadata (chmod,
   *     chown, utimes, xattrs), which with metacopy=on leaves the data below
   */
  String copyUp(Entry e, boolean data) {
    // the upper tree mirrors the merged names, so this is where it is or will be; an entry
    // looked up earlier in the same call may not know yet that it was copied up since
    String dest = upperPath(e.path);
    if (e.upper != null || base.exists(dest)) {
      if (data && e.type == FileType.REGULAR && e.hasLower()
          && Xattrs.get(base, dest, Xattrs.METACOPY) != null) {
        finishMetacopy(e, dest);
      }
      return dest;
    }
    String parentUpper = copyUp(e.parent, false);
    String src = e.lowers[0];
    Stat s = base.lstat(src);
    if (indexDir != null && !s.isDirectory() && s.nlink() > 1) {
      return linkUp(e, s, parentUpper, dest);
    }
    boolean origin = s.isDirectory() || s.nlink() == 1;
    boolean metaOnly = !data && options.metacopy() && s.isRegular(); // a hard link too: its data is found by name
    String tmp = build(src, s, origin, metaOnly);
    markImpure(e.parent, parentUpper); // every copy-up, origin or not (a broken hard link too)
    Stat ps = base.lstat(parentUpper);
    base.rename(tmp, dest);
    base.utimes(parentUpper, ps.atime(), ps.mtime(), false);
    long bytes = s.isRegular() && !metaOnly ? s.size() : 0;
    listener.on(new OverlayEvent.CopiedUp(e.path, e.layers[0], bytes, metaOnly, origin));
    return dest;
  }

  /** Makes the copy of {@code src} under a temporary name in the work dir, complete but for its name. */
  private String build(String src, Stat s, boolean origin, boolean metaOnly) {
    String tmp = tempName();
    switch (s.type()) {
      case DIRECTORY -> base.mkdir(tmp, s.mode());
      case REGULAR -> {
        base.write(tmp, NO_DATA, WriteMode.CREATE_NEW, s.mode());
        if (metaOnly) {
          base.truncate(tmp, s.size()); // same size, no data: it stays below until the first write
        } else {
          base.copyContent(src, tmp);
        }
      }
      case SYMLINK -> base.symlink(base.readlink(src), tmp);
      default -> base.mknod(tmp, s.type(), s.mode(), s.rdevMajor(), s.rdevMinor());
    }
    for (String name : base.listxattr(src)) {
      if (!name.startsWith(Xattrs.PREFIX)) {
        base.setxattr(tmp, name, base.getxattr(src, name));
      }
    }
    if (origin) {
      base.setxattr(tmp, Xattrs.ORIGIN, FileHandle.encode(s.ino()));
    }
    if (metaOnly) {
      base.setxattr(tmp, Xattrs.METACOPY, NO_DATA);
    }
    base.chown(tmp, s.uid(), s.gid(), false);
    if (s.type() != FileType.SYMLINK) {
      base.chmod(tmp, s.mode());
    }
    base.utimes(tmp, s.atime(), s.mtime(), false);
    return tmp;
  }

  /**
   * index=on and a lower hard link: the copy goes to {@code work/index/<handle>} once, and every
   * name of the lower inode that comes up links to it, so the link survives.
   */
  private String linkUp(Entry e, Stat s, String parentUpper, String dest) {
    boolean created = ensureIndex(e);
    String idx = indexPath(s.ino());
    long nlink = indexedNlink(idx);
    markImpure(e.parent, parentUpper);
    Stat ps = base.lstat(parentUpper);
    base.link(idx, dest);
    base.utimes(parentUpper, ps.atime(), ps.mtime(), false);
    setIndexedNlink(idx, nlink); // one more real link, the same count through the mount
    listener.on(new OverlayEvent.CopiedUp(e.path, e.layers[0], created && s.isRegular() ? s.size() : 0, false, true));
    return dest;
  }

  private String indexPath(long ino) {
    return VPaths.child(indexDir, FileHandle.indexName(ino));
  }

  /** Makes the index entry of a lower hard link (a full copy with origin) unless it exists; true if made. */
  boolean ensureIndex(Entry e) {
    Stat s = base.lstat(e.lowers[0]);
    String idx = indexPath(s.ino());
    if (base.exists(idx)) {
      return false;
    }
    String tmp = build(e.lowers[0], s, true, false);
    base.rename(tmp, idx);
    setIndexedNlink(idx, s.nlink());
    return true;
  }

  /** The index entry of a lower object, when index=on and it is a hard link; else null. */
  String indexFor(Entry e) {
    if (indexDir == null || e.isDir() || !e.hasLower()) {
      return null;
    }
    Stat s = base.lstat(e.lowers[0]);
    return s.nlink() > 1 ? indexPath(s.ino()) : null;
  }

  /** The index entry an upper object is linked to (it carries nlink and origin); else null. */
  String indexOfUpper(String upper) {
    if (indexDir == null || Xattrs.get(base, upper, Xattrs.NLINK) == null) {
      return null;
    }
    long ino = FileHandle.inode(Xattrs.get(base, upper, Xattrs.ORIGIN));
    return ino > 0 ? indexPath(ino) : null;
  }

  /**
   * The link count the mount shows for an indexed hard link: {@code trusted.overlay.nlink}
   * holds it relative to the real count ({@code U+0}); -1 when {@code path} carries none.
   */
  long indexedNlink(String path) {
    byte[] v = Xattrs.get(base, path, Xattrs.NLINK);
    if (v == null || v.length < 2 || v[0] != 'U') {
      return -1;
    }
    return base.lstat(path).nlink() + Long.parseLong(Xattrs.text(v).substring(1));
  }

  /** Records the link count the mount shows for an indexed inode, relative to its real count. */
  void setIndexedNlink(String path, long nlink) {
    String v = String.format("U%+d", nlink - base.lstat(path).nlink());
    base.setxattr(path, Xattrs.NLINK, v.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** The first data change of a metacopy file: the data comes up now and the marker goes. */
  private void finishMetacopy(Entry e, String upper) {
    Stat up = base.lstat(upper);
    base.copyContent(e.lowers[0], upper);
    base.utimes(upper, up.atime(), up.mtime(), false);
    base.removexattr(upper, Xattrs.METACOPY);
    Stat low = base.lstat(e.lowers[0]);
    listener.on(new OverlayEvent.CopiedUp(e.path, e.layers[0], low.size(), false, true));
  }

  /** Where a merged path lives in the upper dir. */
  String upperPath(String mergedPath) {
    return Lookup.join(upperRoot, mergedPath);
  }

  /** Marks an upper dir as holding entries with an origin or redirect (once). */
  void markImpure(Entry dir, String dirUpper) {
    if (!Xattrs.isY(base, dirUpper, Xattrs.IMPURE)) {
      base.setxattr(dirUpper, Xattrs.IMPURE, Xattrs.Y);
      listener.on(new OverlayEvent.ImpureMarked(dir.path));
    }
  }
}
