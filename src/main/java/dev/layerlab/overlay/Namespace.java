package dev.layerlab.overlay;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Changes to names through the mount: create (over a whiteout: opaque for a directory),
 * remove (a whiteout when a lower layer still has the name), rename and link, each after the
 * copy-ups it needs. Callers have checked every errno that does not depend on the layers.
 */
final class Namespace {
  private final Vfs base;
  private final Lookup lookup;
  private final CopyUp copyUp;
  private final OverlayOptions options;
  private final OverlayListener listener;

  Namespace(Vfs base, Lookup lookup, CopyUp copyUp, OverlayOptions options, OverlayListener listener) {
    this.base = base;
    this.lookup = lookup;
    this.copyUp = copyUp;
    this.options = options;
    this.listener = listener;
  }

  /**
   * Creates {@code name} in {@code dir} with {@code make} (given the path to create). Over an
   * upper whiteout the object is built in the work dir and replaces it; a directory made there
   * is opaque, so the lower one it replaces stays hidden.
   */
  String create(Entry dir, String name, boolean isDir, Consumer<String> make) {
    String parentUpper = copyUp.copyUp(dir, false);
    String dest = Lookup.child(parentUpper, name);
    String merged = Lookup.child(dir.path, name);
    if (lookup.isWhiteout(dest)) {
      String tmp = copyUp.tempName();
      make.accept(tmp);
      inheritSetgid(parentUpper, tmp, isDir); // made in the work dir, owned as if made in place
      if (isDir) {
        base.setxattr(tmp, Xattrs.OPAQUE, Xattrs.Y);
        base.unlink(dest);
      }
      base.rename(tmp, dest);
      if (isDir) {
        listener.on(new OverlayEvent.OpaqueDirCreated(merged));
      }
    } else {
      make.accept(dest);
      if (isDir && !options.allowOfflineChanges() && dir.hasLower()) {
        // with redirects or an index in use the kernel marks every new dir in a merged dir
        base.setxattr(dest, Xattrs.OPAQUE, Xattrs.Y);
        listener.on(new OverlayEvent.OpaqueDirCreated(merged));
      }
    }
    return dest;
  }

  /** What inode_init_owner gives a new object in a setgid directory: its group, and setgid for a dir. */
  private void inheritSetgid(String parentUpper, String path, boolean isDir) {
    dev.layerlab.vfs.Stat p = base.lstat(parentUpper);
    if ((p.mode() & 02000) != 0) {
      base.chown(path, -1, p.gid(), false);
      if (isDir) {
        base.chmod(path, base.lstat(path).mode() | 02000);
      }
    }
  }

  /** unlink/rmdir: a plain removal for upper-only objects, else a whiteout in its place. */
  /**
   * With index=on, a name of a lower hard link that is about to go (unlinked or renamed over):
   * the inode gets its index entry first, so that its other names keep a true link count.
   * Returns the index entry, or null when there is nothing to count.
   */
  private String indexBeforeUnlink(Entry e) {
    if (e.isDir()) {
      return null;
    }
    if (e.upper != null) {
      return copyUp.indexOfUpper(e.upper);
    }
    String index = copyUp.indexFor(e);
    if (index != null) {
      if (copyUp.ensureIndex(e)) {
        listener.on(new OverlayEvent.CopiedUp(e.path, e.layers[0], base.lstat(index).size(), false, true));
      }
      copyUp.markImpure(e.parent, copyUp.copyUp(e.parent, false)); // linked up, then gone
    }
    return index;
  }

  void remove(Entry e) {
    boolean lowerPositive = lookup.lowerPositive(e.parent, e.name); // by name, as ovl_lower_positive
    String index = indexBeforeUnlink(e);
    long nlink = index == null ? -1 : copyUp.indexedNlink(index);
    String parentUpper = copyUp.copyUp(e.parent, false);
    String dest = Lookup.child(parentUpper, e.name);
    boolean inUpper = base.exists(dest);
    if (inUpper && e.isDir()) {
      clearWhiteouts(dest);
    }
    if (inUpper) {
      if (e.isDir()) {
        base.rmdir(dest);
      } else {
        base.unlink(dest);
      }
    }
    if (lowerPositive) {
      String tmp = copyUp.tempName();
      base.mknod(tmp, FileType.CHAR_DEVICE, 0, 0, 0);
      base.rename(tmp, dest);
      listener.on(new OverlayEvent.WhiteoutCreated(e.path));
    } else {
      listener.on(new OverlayEvent.UpperRemoved(e.path));
    }
    if (nlink > 0) {
      copyUp.setIndexedNlink(index, nlink - 1);
    }
  }

  /** An empty merged dir may still hold whiteouts in its upper part: they go with it. */
  private void clearWhiteouts(String upperDir) {
    for (DirEntry d : base.readDir(upperDir)) {
      String p = Lookup.child(upperDir, d.name());
      if (d.type() == FileType.CHAR_DEVICE && lookup.isWhiteout(p)) {
        base.unlink(p);
      }
    }
  }

  /**
   * rename(2) through the mount; {@code target} may be null (a new name). A non-empty target
   * fails with ENOTEMPTY: one with lower parts before anything happens, an upper-only one (the
   * upper fs finds it) only after the copy-ups and the redirect, which stay, as in the kernel.
   */
  void rename(Entry old, Entry newDir, String newName, Entry target, boolean targetNotEmpty,
      boolean upperTargetNotEmpty) {
    if (old.isDir() && old.hasLower() && !options.redirectDir()) {
      listener.on(new OverlayEvent.CrossDeviceRename(old.path, Lookup.child(newDir.path, newName)));
      throw new VfsException(Errno.EXDEV, old.path);
    }
    if (targetNotEmpty) {
      // ovl_rename looks at the target's emptiness only after it has ruled out EXDEV
      throw new VfsException(Errno.ENOTEMPTY, Lookup.child(newDir.path, newName));
    }
    boolean lowerPositive = lookup.lowerPositive(old.parent, old.name); // a redirect does not count
    boolean samedir = old.parent == newDir || old.parent.path.equals(newDir.path);
    String src = copyUp.copyUp(old, false);
    String parentUpper = copyUp.copyUp(newDir, false);
    String dest = Lookup.child(parentUpper, newName);
    String newPath = Lookup.child(newDir.path, newName);
    if (upperTargetNotEmpty) {
      if (old.isDir() && old.hasLower()) {
        setRedirect(old, src, newPath, samedir);
      } else if (old.isDir() && newDir.hasLower() && !Xattrs.isY(base, src, Xattrs.OPAQUE)) {
        base.setxattr(src, Xattrs.OPAQUE, Xattrs.Y);
      }
      throw new VfsException(Errno.ENOTEMPTY, newPath);
    }
    String oldWhiteout = null;
    if (target != null && target.isDir() && base.exists(dest)) {
      clearWhiteouts(dest);
    } else if (target == null && lookup.isWhiteout(dest)) {
      if (lowerPositive) {
        // RENAME_EXCHANGE: the whiteout already there moves to the old name
        oldWhiteout = copyUp.tempName();
        base.rename(dest, oldWhiteout);
      } else if (old.isDir()) {
        base.unlink(dest); // exchanged, then the whiteout is cleaned up
      }
    }
    boolean metacopy = !old.isDir() && Xattrs.get(base, src, Xattrs.METACOPY) != null;
    String index = target == null ? null : indexBeforeUnlink(target);
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
      setRedirect(old, dest, newPath, samedir);
    } else if (old.isDir() && newDir.hasLower() && !Xattrs.isY(base, dest, Xattrs.OPAQUE)) {
      // an upper-only dir moved into a merged dir must not merge with what lies below there
      base.setxattr(dest, Xattrs.OPAQUE, Xattrs.Y);
      listener.on(new OverlayEvent.OpaqueDirCreated(newPath));
    }
    if (Xattrs.get(base, dest, Xattrs.ORIGIN) != null) {
      copyUp.markImpure(newDir, parentUpper);
    }
  }

  /** ovl_set_redirect: the old name when the parent stays, else the whole old path in the lower layers. */
  private void setRedirect(Entry old, String dest, String newPath, boolean samedir) {
    String existing = Xattrs.text(Xattrs.get(base, dest, Xattrs.REDIRECT));
    if (existing != null && (samedir || existing.startsWith("/"))) {
      return;
    }
    String lowerPath = old.lowerPath != null ? old.lowerPath : Lookup.child(old.parent.lowerPath, old.name);
    // relative when it stays in its parent, except for a file without origin (a lower hard
    // link), which the kernel can only find again by its whole path
    boolean relative = samedir && (old.isDir() || Xattrs.get(base, dest, Xattrs.ORIGIN) != null);
    String redirect = relative ? lowerPath.substring(lowerPath.lastIndexOf('/') + 1) : lowerPath;
    base.setxattr(dest, Xattrs.REDIRECT, redirect.getBytes(StandardCharsets.UTF_8));
    listener.on(new OverlayEvent.RedirectSet(newPath, redirect));
  }

  /** link(2): the source comes up first, then the new name links to it inside the upper dir. */
  void link(Entry e, Entry newDir, String newName) {
    String src = copyUp.copyUp(e, false);
    if (Xattrs.get(base, src, Xattrs.METACOPY) != null) {
      // the new name must find the lower data too: ovl_set_link_redirect
      setRedirect(e, src, Lookup.child(newDir.path, newName), false);
    }
    String parentUpper = copyUp.copyUp(newDir, false);
    String dest = Lookup.child(parentUpper, newName);
    if (lookup.isWhiteout(dest)) {
      base.unlink(dest);
    }
    long nlink = copyUp.indexedNlink(src);
    base.link(src, dest);
    if (nlink > 0) {
      copyUp.setIndexedNlink(src, nlink + 1);
    }
    if (Xattrs.get(base, src, Xattrs.ORIGIN) != null) {
      copyUp.markImpure(newDir, parentUpper);
    }
  }
}
