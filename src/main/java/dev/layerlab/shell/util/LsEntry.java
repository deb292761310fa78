package dev.layerlab.shell.util;

import dev.layerlab.vfs.Stat;

/**
 * One name ls shows: its display name, its lstat, and for a symlink the target text and the
 * target's stat (null when the link dangles). When lstat failed ({@code known} is false), only
 * the type readdir reported and the inode number are in {@code stat}: ls prints {@code ?} for the rest.
 */
record LsEntry(String name, String path, Stat stat, String linkTarget, Stat targetStat, boolean known) {

  /** A name whose lstat failed, described by its readdir entry alone. */
  static LsEntry fromReaddir(String path, dev.layerlab.vfs.DirEntry d, boolean known) {
    java.time.Instant never = java.time.Instant.EPOCH;
    return new LsEntry(d.name(), path, new Stat(d.type(), 0, 0, 0, 0, 0, d.ino(), 0, 0, 0, never, never, never),
        null, null, known);
  }

  boolean isDirectory() {
    return stat.isDirectory();
  }
}
