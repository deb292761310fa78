package dev.layerlab.vfs;

import java.time.Instant;

/**
 * What stat(2) returns for one inode.
 *
 * @param mode permission bits including setuid (04000), setgid (02000) and sticky (01000);
 *     never the file-type bits, which are in {@code type}
 * @param dev the device the inode lives on (an overlay mount has its own)
 * @param rdevMajor for device nodes, the major number (a whiteout is 0)
 * @param rdevMinor for device nodes, the minor number (a whiteout is 0)
 */
public record Stat(
    FileType type,
    int mode,
    int uid,
    int gid,
    long size,
    long nlink,
    long ino,
    long dev,
    int rdevMajor,
    int rdevMinor,
    Instant atime,
    Instant mtime,
    Instant ctime) {

  /** The whole st_mode: file-type bits or'ed with the permission bits. */
  public int stMode() {
    return type.formatBits() | (mode & 07777);
  }

  public boolean isDirectory() {
    return type == FileType.DIRECTORY;
  }

  public boolean isRegular() {
    return type == FileType.REGULAR;
  }

  public boolean isSymlink() {
    return type == FileType.SYMLINK;
  }

  /** True for the overlay whiteout: a character device numbered 0:0. */
  public boolean isWhiteout() {
    return type == FileType.CHAR_DEVICE && rdevMajor == 0 && rdevMinor == 0;
  }
}
