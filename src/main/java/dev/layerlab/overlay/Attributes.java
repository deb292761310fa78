package dev.layerlab.overlay;

import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * chmod, chown, utimes and the xattr calls through the mount: the object comes up first (only
 * its metadata with metacopy=on) and the change goes to the upper copy; the overlay's own
 * xattrs stay out of sight.
 */
final class Attributes {
  /** Where a {@code trusted.overlay.*} name set through the mount is stored, as kernels since 6.7 do. */
  private static final String ESCAPED = Xattrs.PREFIX + "overlay.";

  private final Vfs base;
  private final Lookup lookup;
  private final CopyUp copyUp;
  private final Changes changes;

  Attributes(Vfs base, Lookup lookup, CopyUp copyUp, Changes changes) {
    this.base = base;
    this.lookup = lookup;
    this.copyUp = copyUp;
    this.changes = changes;
  }

  void chmod(String path, int mode) {
    changeMetadata(path, true, false, p -> base.chmod(p, mode));
  }

  void chown(String path, int uid, int gid, boolean follow) {
    changeMetadata(path, follow, false, p -> base.chown(p, uid, gid, false));
  }

  void utimes(String path, Instant atime, Instant mtime, boolean follow) {
    changeMetadata(path, follow, false, p -> base.utimes(p, atime, mtime, false));
  }

  /**
   * A metadata change: copy up (metadata only with metacopy=on), then apply it to the upper object.
   *
   * @param inodeOnly an xattr change: it goes to the inode's upper copy when it has one (an
   *     index entry), without bringing this name up, as ovl_xattr_set does
   */
  private void changeMetadata(String path, boolean follow, boolean inodeOnly, Consumer<String> change) {
    Entry e = lookup.walk(path, follow).need(path);
    changes.writable(path);
    if (inodeOnly && e.upper == null && e.index != null) {
      changes.run(() -> change.accept(e.index), e);
      return;
    }
    changes.run(() -> change.accept(copyUp.copyUp(e, false)), e);
  }

  /**
   * The overlay's own xattrs are invisible through the mount. A {@code trusted.overlay.*} name
   * set through it is stored escaped as {@code trusted.overlay.overlay.*}.
   */
  private static String realXattrName(String name) {
    return name.startsWith(Xattrs.PREFIX) ? ESCAPED + name.substring(Xattrs.PREFIX.length()) : name;
  }

  byte[] getxattr(String path, String name) {
    return base.getxattr(lookup.walk(path, false).need(path).real(), realXattrName(name));
  }

  void setxattr(String path, String name, byte[] value) {
    checkXattrChange(path, name);
    changeMetadata(path, false, true, p -> base.setxattr(p, realXattrName(name), value));
  }

  /** The VFS checks the kernel makes on the overlay inode itself, before anything is copied up. */
  private void checkXattrChange(String path, String name) {
    Entry e = lookup.walk(path, false).need(path);
    changes.writable(path); // path_setxattr/path_removexattr ask for write access before any xattr check
    if (!(name.startsWith("user.") || name.startsWith("trusted.") || name.startsWith("security.")
        || name.startsWith("system."))) {
      throw new VfsException(Errno.EOPNOTSUPP, path);
    }
    if (name.startsWith("user.") && e.type != FileType.REGULAR && !e.isDir()) {
      throw new VfsException(Errno.EPERM, path); // user.* only on files and directories
    }
  }

  List<String> listxattr(String path) {
    List<String> out = new ArrayList<>();
    for (String name : base.listxattr(lookup.walk(path, false).need(path).real())) {
      if (name.startsWith(ESCAPED)) {
        out.add(Xattrs.PREFIX + name.substring(ESCAPED.length()));
      } else if (!name.startsWith(Xattrs.PREFIX)) {
        out.add(name);
      }
    }
    return out;
  }

  void removexattr(String path, String name) {
    checkXattrChange(path, name);
    Entry e = lookup.walk(path, false).need(path);
    if (e.upper == null) {
      base.getxattr(e.real(), realXattrName(name)); // ENODATA before any copy-up
    }
    changeMetadata(path, false, true, p -> base.removexattr(p, realXattrName(name)));
  }
}
