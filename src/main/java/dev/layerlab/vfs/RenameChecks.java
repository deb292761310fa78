package dev.layerlab.vfs;

/** The checks rename(2) makes before it changes anything, in the order the kernel makes them. */
final class RenameChecks {
  private RenameChecks() {}

  /**
   * Throws the errno rename(2) would return for moving {@code node} (found as {@code a}) to
   * {@code b}; false when both names are one inode, which rename(2) leaves alone.
   */
  static boolean check(Found a, Found b, Inode node, Inode root, String from, String to) {
    if (a.isRoot() || b.isRoot()) {
      throw new VfsException(Errno.EBUSY, a.isRoot() ? from : to);
    }
    if (b.node() == node) {
      return false; // two names of one inode
    }
    for (Inode d = a.dir(); b.node() != null && b.node().isDir(); d = d.parent) {
      if (d == b.node()) {
        throw new VfsException(Errno.ENOTEMPTY, to); // onto its own ancestor: checked first
      }
      if (d == root) {
        break;
      }
    }
    if (node.isDir()) {
      for (Inode d = b.dir(); ; d = d.parent) {
        if (d == node) {
          throw new VfsException(Errno.EINVAL, to); // into its own subtree: checked first
        }
        if (d == root) {
          break;
        }
      }
      if (b.node() != null && !b.node().isDir()) {
        throw new VfsException(Errno.ENOTDIR, to);
      }
      if (b.node() != null && !b.node().entries.isEmpty()) {
        throw new VfsException(Errno.ENOTEMPTY, to);
      }
    } else if (b.node() != null && b.node().isDir()) {
      throw new VfsException(Errno.EISDIR, to);
    }
    return true;
  }
}
