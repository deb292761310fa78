package dev.layerlab.vfs;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One inode of a {@link JimfsVfs}: everything stat(2) reports plus the directory entries,
 * symlink target or content handle. Jimfs holds the bytes; the inode holds what Jimfs cannot
 * (12 mode bits, numeric owners, ctime, device numbers, xattrs in every namespace).
 */
final class Inode {
  final long ino;
  final FileType type;
  int mode;
  int uid;
  int gid;
  Instant atime;
  Instant mtime;
  Instant ctime;
  /** Names that point at this non-directory inode. */
  int links;
  /** Subdirectories of this directory (each adds one to its link count through "..").*/
  int subdirs;
  /** The directory holding this directory ("..": itself for the root). */
  Inode parent;
  /** Entries of a directory, by name. */
  final Map<String, Inode> entries;
  /** The target of a symlink, verbatim. */
  String target;
  /** Where a regular file's bytes live in Jimfs; null while the file is empty and never written. */
  Blobs.Blob blob;
  long size;
  int major;
  int minor;
  /** Extended attributes in the order they were first set; null until the first one. */
  LinkedHashMap<String, byte[]> xattrs;

  Inode(long ino, FileType type, int mode, Instant now) {
    this.ino = ino;
    this.type = type;
    this.mode = mode & 07777;
    this.atime = now;
    this.mtime = now;
    this.ctime = now;
    this.entries = type == FileType.DIRECTORY ? new HashMap<>() : null;
  }

  boolean isDir() {
    return type == FileType.DIRECTORY;
  }

  long nlink() {
    return isDir() ? 2L + subdirs : links;
  }

  long statSize() {
    switch (type) {
      case REGULAR:
        return size;
      case DIRECTORY:
        return 4096; // what ext4 reports for a directory of one block
      case SYMLINK:
        return target.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      default:
        return 0;
    }
  }

  Stat stat(long dev) {
    return new Stat(type, mode, uid, gid, statSize(), nlink(), ino, dev, major, minor, atime, mtime, ctime);
  }

  /** The kernel's relatime rule: a read updates atime only when it is older than the last change or a day old. */
  void touchAtime(Instant now) {
    if (!atime.isAfter(mtime) || !atime.isAfter(ctime) || atime.plusSeconds(86400).compareTo(now) <= 0) {
      atime = now;
    }
  }

  /**
   * inode_init_owner: in a setgid directory a new inode takes the directory's group, and a new
   * directory the setgid bit too.
   */
  static Inode initOwner(Inode dir, Inode node) {
    if ((dir.mode & 02000) != 0) {
      node.gid = dir.gid;
      if (node.isDir()) {
        node.mode |= 02000;
      }
    }
    return node;
  }

  /** Device 0:0 (a whiteout) and sockets cannot be opened: the kernel says ENXIO. */
  static void checkOpenable(Inode node, String path) {
    if (node.type == FileType.SOCKET
        || (node.type.isDevice() && node.major == 0 && node.minor == 0)) {
      throw new VfsException(Errno.ENXIO, path);
    }
  }
}
