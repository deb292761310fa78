package dev.layerlab.overlay;

import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;

/**
 * rename(2) through the mount: the VFS's checks, then ovl_rename's copy-ups, a whiteout (or the
 * one exchanged) at the old name, and a redirect or an opaque mark at the new one.
 */
final class Rename {
  private final Vfs base;
  private final Lookup lookup;
  private final LayerSearch search;
  private final CopyUp copyUp;
  private final Namespace namespace;
  private final Changes changes;
  private final OverlayOptions options;
  private final OverlayListener listener;

  Rename(Vfs base, Lookup lookup, LayerSearch search, CopyUp copyUp, Namespace namespace,
      Changes changes, OverlayOptions options, OverlayListener listener) {
    this.base = base;
    this.lookup = lookup;
    this.search = search;
    this.copyUp = copyUp;
    this.namespace = namespace;
    this.changes = changes;
    this.options = options;
    this.listener = listener;
  }

  /** rename(2): the VFS's checks in the order the kernel makes them, then ovl_rename. */
  void rename(String from, String to) {
    Lookup.Found a = lookup.walk(from, false);
    Lookup.Found b = lookup.walk(to, false); // both parents are looked up before the name itself
    if (a.isRoot() || b.isRoot()) {
      throw new VfsException(Errno.EBUSY, a.isRoot() ? from : to);
    }
    changes.writable(from); // then write access to the mount, then the names
    Entry old = a.need(from);
    Entry target = b.node();
    if (target != null && (target.path.equals(old.path) || sameInode(old, target))) {
      return; // rename(2) of two names of one inode does nothing
    }
    if (target != null && old.path.startsWith(target.path + "/")) {
      throw new VfsException(Errno.ENOTEMPTY, to); // onto its own ancestor: checked first
    }
    if (old.isDir()) {
      String d = b.dir().path;
      if (d.equals(old.path) || d.startsWith(old.path + "/")) {
        throw new VfsException(Errno.EINVAL, to); // into its own subtree: checked first
      }
      if (target != null && !target.isDir()) {
        throw new VfsException(Errno.ENOTDIR, to);
      }
    } else if (target != null && target.isDir()) {
      throw new VfsException(Errno.EISDIR, to);
    }
    // a target with lower parts is checked as merged (whiteouts do not count); an upper-only
    // one is left to the upper fs, where a stray whiteout makes it ENOTEMPTY
    boolean mergedFull = old.isDir() && target != null && target.hasLower()
        && !MergedDir.isEmpty(lookup.listing(target));
    boolean upperFull = old.isDir() && target != null && !target.hasLower()
        && !base.readDir(target.real()).isEmpty();
    changes.run(() -> ovlRename(old, b.dir(), b.name(), target, mergedFull, upperFull),
        Changes.touched(b.dir(), b.name(), Changes.touched(old, null, new ArrayList<>())));
  }

  /**
   * Whether two names are one inode of the mount: upper hard links are; lower hard links are
   * only with index=on, where the kernel keys their inode by the lower one.
   */
  private boolean sameInode(Entry a, Entry b) {
    if (a.isDir() || b.isDir() || !(options.index() || (a.upper != null && b.upper != null))) {
      return false;
    }
    return base.lstat(a.real()).ino() == base.lstat(b.real()).ino();
  }

  /**
   * ovl_rename; {@code target} may be null (a new name). A non-empty target fails with
   * ENOTEMPTY: one with lower parts before anything happens, an upper-only one (the upper fs
   * finds it) only after the copy-ups and the redirect, which stay, as in the kernel.
   */
  private void ovlRename(Entry old, Entry newDir, String newName, Entry target, boolean targetNotEmpty,
      boolean upperTargetNotEmpty) {
    if (old.isDir() && old.hasLower() && !options.redirectDir()) {
      listener.on(new OverlayEvent.CrossDeviceRename(old.path, VPaths.child(newDir.path, newName)));
      throw new VfsException(Errno.EXDEV, old.path);
    }
    if (targetNotEmpty) {
      // ovl_rename looks at the target's emptiness only after it has ruled out EXDEV
      throw new VfsException(Errno.ENOTEMPTY, VPaths.child(newDir.path, newName));
    }
    boolean lowerPositive = search.lowerPositive(old.parent, old.name); // a redirect does not count
    boolean samedir = old.parent == newDir || old.parent.path.equals(newDir.path);
    String src = copyUp.copyUp(old, false);
    String parentUpper = copyUp.copyUp(newDir, false);
    String dest = VPaths.child(parentUpper, newName);
    String newPath = VPaths.child(newDir.path, newName);
    if (upperTargetNotEmpty) {
      if (old.isDir() && old.hasLower()) {
        namespace.setRedirect(old, src, newPath, samedir);
      } else if (old.isDir() && newDir.hasLower() && !Xattrs.isY(base, src, Xattrs.OPAQUE)) {
        base.setxattr(src, Xattrs.OPAQUE, Xattrs.Y);
      }
      throw new VfsException(Errno.ENOTEMPTY, newPath);
    }
    String oldWhiteout = null;
    if (target != null && target.isDir() && base.exists(dest)) {
      namespace.clearWhiteouts(dest);
    } else if (target == null && search.isWhiteout(dest)) {
      if (lowerPositive) {
        // RENAME_EXCHANGE: the whiteout already there moves to the old name
        oldWhiteout = copyUp.tempName();
        base.rename(dest, oldWhiteout);
      } else if (old.isDir()) {
        base.unlink(dest); // exchanged, then the whiteout is cleaned up
      }
    }
    boolean metacopy = !old.isDir() && Xattrs.get(base, src, Xattrs.METACOPY) != null;
    String index = target == null ? null : namespace.indexBeforeUnlink(target);
    long nlink = index == null ? -1 : copyUp.indexedNlink(index);
    base.rename(src, dest);
    if (nlink > 0) {
      copyUp.setIndexedNlink(index, nlink - 1);
    }
    if (oldWhiteout != null) {
      base.rename(oldWhiteout, src);
      listener.on(new OverlayEvent.WhiteoutCreated(old.path));
    } else if (lowerPositive) {
      base.mknod(src, FileType.CHAR_DEVICE, 0, 0, 0);
      listener.on(new OverlayEvent.WhiteoutCreated(old.path));
    }
    if ((old.isDir() && old.hasLower()) || metacopy) {
      namespace.setRedirect(old, dest, newPath, samedir);
    } else if (old.isDir() && newDir.hasLower() && !Xattrs.isY(base, dest, Xattrs.OPAQUE)) {
      // an upper-only dir moved into a merged dir must not merge with what lies below there
      base.setxattr(dest, Xattrs.OPAQUE, Xattrs.Y);
      listener.on(new OverlayEvent.OpaqueDirCreated(newPath));
    }
    if (Xattrs.get(base, dest, Xattrs.ORIGIN) != null) {
      copyUp.markImpure(newDir, parentUpper);
    }
  }
}
