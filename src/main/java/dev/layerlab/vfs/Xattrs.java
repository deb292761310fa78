package dev.layerlab.vfs;

import java.util.LinkedHashMap;

/** Extended attributes on an inode, with the rules Linux applies to their names. */
final class Xattrs {
  private Xattrs() {}

  /** Namespaces Linux knows; anything else is EOPNOTSUPP. */
  static void checkXattrName(String name, String path) {
    if (!(name.startsWith("user.") || name.startsWith("trusted.") || name.startsWith("security.")
        || name.startsWith("system.")) || name.indexOf('.') == name.length() - 1) {
      throw new VfsException(Errno.EOPNOTSUPP, path);
    }
  }

  /** user.* lives only on regular files and directories (symlinks and devices: ENODATA / EPERM). */
  static boolean userXattrForbidden(Inode node, String name) {
    return name.startsWith("user.") && node.type != FileType.REGULAR && !node.isDir();
  }

  static byte[] get(Inode node, String name, String path) {
    checkXattrName(name, path);
    byte[] v = node.xattrs == null ? null : node.xattrs.get(name);
    if (v == null || userXattrForbidden(node, name)) {
      throw new VfsException(Errno.ENODATA, path);
    }
    return v.clone();
  }

  static void set(Inode node, String name, byte[] value, String path) {
    checkXattrName(name, path);
    if (userXattrForbidden(node, name)) {
      throw new VfsException(Errno.EPERM, path);
    }
    if (node.xattrs == null) {
      node.xattrs = new LinkedHashMap<>(4);
    }
    node.xattrs.put(name, value.clone());
  }

  static void remove(Inode node, String name, String path) {
    checkXattrName(name, path);
    if (node.xattrs == null || !node.xattrs.containsKey(name)) {
      throw new VfsException(Errno.ENODATA, path);
    }
    node.xattrs.remove(name);
  }
}
