package dev.layerlab.overlay;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Changes to names through the mount: create (over a whiteout: opaque for a directory),
 * remove (a whiteout when a lower layer still has the name) and link, each after the copy-ups
 * it needs, and the steps {@link Rename} shares with them. Callers have checked every errno
 * that does not depend on the layers.
 */
final class Namespace {
  private final Vfs base;
  private final LayerSearch search;
  private final CopyUp copyUp;
  private final OverlayOptions options;
  private final OverlayListener listener;

  Namespace(Vfs base, LayerSearch search, CopyUp copyUp, OverlayOptions options, OverlayListener listener) {
    this.base = base;
    this.search = search;
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
    String dest = VPaths.child(parentUpper, name);
    String merged = VPaths.child(dir.path, name);
    if (search.isWhiteout(dest)) {
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
    Stat p = base.lstat(parentUpper);
    if ((p.mode() & 02000) != 0) {
      base.chown(path, -1, p.gid(), false);
      if (isDir) {
        base.chmod(path, base.lstat(path).mode() | 02000);
      }
    }
  }

  /**
   * With index=on, a name of a lower hard link that is about to go (unlinked or renamed over):
   * the inode gets its index entry first, so that its other names keep a true link count.
   * Returns the index entry, or null when there is nothing to count.
   */
  String indexBeforeUnlink(Entry e) {
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

  /** unlink/rmdir: a plain removal for upper-only objects, else a whiteout in its place. */
  void remove(Entry e) {
    boolean lowerPositive = search.lowerPositive(e.parent, e.name); // by name, as ovl_lower_positive
    String index = indexBeforeUnlink(e);
    long nlink = index == null ? -1 : copyUp.indexedNlink(index);
    String parentUpper = copyUp.copyUp(e.parent, false);
    String dest = VPaths.child(parentUpper, e.name);
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
  void clearWhiteouts(String upperDir) {
    for (DirEntry d : base.readDir(upperDir)) {
      String p = VPaths.child(upperDir, d.name());
      if (d.type() == FileType.CHAR_DEVICE && search.isWhiteout(p)) {
        base.unlink(p);
      }
    }
  }

  /** ovl_set_redirect: the old name when the parent stays, else the whole old path in the lower layers. */
  void setRedirect(Entry old, String dest, String newPath, boolean samedir) {
    String existing = Xattrs.text(Xattrs.get(base, dest, Xattrs.REDIRECT));
    if (existing != null && (samedir || existing.startsWith("/"))) {
      return;
    }
    String lowerPath = old.lowerPath != null ? old.lowerPath : VPaths.child(old.parent.lowerPath, old.name);
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
      setRedirect(e, src, VPaths.child(newDir.path, newName), false);
    }
    String parentUpper = copyUp.copyUp(newDir, false);
    String dest = VPaths.child(parentUpper, newName);
    if (search.isWhiteout(dest)) {
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
