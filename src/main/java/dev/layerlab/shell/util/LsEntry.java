package dev.layerlab.shell.util;

import dev.layerlab.vfs.Stat;

/**
 * One name ls shows: its display name, its lstat, and for a symlink the target text and the
 * target's stat (null when the link dangles).
 */
record LsEntry(String name, String path, Stat stat, String linkTarget, Stat targetStat) {

  boolean isDirectory() {
    return stat.isDirectory();
  }
}
