package dev.layerlab.overlay;

import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
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
  private final OverlayOptions options;
  private final OverlayListener listener;
  private long seq;

  CopyUp(Vfs base, String upperRoot, String workDir, OverlayOptions options, OverlayListener listener) {
    this.base = base;
    this.upperRoot = upperRoot;
    this.tmpDir = Lookup.child(workDir, "work");
    this.options = options;
    this.listener = listener;
  }

  /** A fresh name in the work dir, like the kernel's {@code #1f}. */
  String tempName() {
    return Lookup.child(tmpDir, "#" + Long.toHexString(seq++));
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
    boolean origin = s.isDirectory() || s.nlink() == 1 || options.index();
    boolean metaOnly = !data && options.metacopy() && s.isRegular() && origin;
    String tmp = tempName();
    long bytes = 0;
    switch (s.type()) {
      case DIRECTORY -> base.mkdir(tmp, s.mode());
      case REGULAR -> {
        base.write(tmp, NO_DATA, WriteMode.CREATE_NEW, s.mode());
        if (metaOnly) {
          base.truncate(tmp, s.size()); // same size, no data: it stays below until the first write
        } else {
          base.copyContent(src, tmp);
          bytes = s.size();
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
    markImpure(e.parent, parentUpper); // every copy-up, origin or not (a broken hard link too)
    Stat ps = base.lstat(parentUpper);
    base.rename(tmp, dest);
    base.utimes(parentUpper, ps.atime(), ps.mtime(), false);
    listener.on(new OverlayEvent.CopiedUp(e.path, e.layers[0], bytes, metaOnly, origin));
    return dest;
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
