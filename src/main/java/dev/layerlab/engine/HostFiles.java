package dev.layerlab.engine;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import java.nio.charset.StandardCharsets;

/** Small file helpers the daemon uses on the host's disk (mkdir -p, write a text file, rm -rf). */
final class HostFiles {
  private HostFiles() {}

  /** mkdir -p with {@code mode} for every directory it creates. */
  static void mkdirs(Vfs vfs, String path, int mode) {
    String cur = "";
    for (String name : VPaths.names(path)) {
      cur = cur + "/" + name;
      if (!vfs.exists(cur)) {
        vfs.mkdir(cur, mode);
      }
    }
  }

  /** Writes a whole text file (no newline added), creating it with {@code mode}. */
  static void write(Vfs vfs, String path, String text, int mode) {
    write(vfs, path, text.getBytes(StandardCharsets.UTF_8), mode);
  }

  static void write(Vfs vfs, String path, byte[] data, int mode) {
    boolean existed = vfs.exists(path);
    vfs.write(path, data, Vfs.WriteMode.TRUNCATE, mode);
    if (!existed) {
      vfs.chmod(path, mode);
    }
  }

  static String read(Vfs vfs, String path) {
    return new String(vfs.read(path), StandardCharsets.UTF_8);
  }

  /** rm -rf: removes {@code path} and everything below it; nothing when it does not exist. */
  static void removeAll(Vfs vfs, String path) {
    if (!vfs.exists(path)) {
      return;
    }
    Stat st = vfs.lstat(path);
    if (st.isDirectory()) {
      for (DirEntry d : vfs.readDir(path)) {
        removeAll(vfs, VPaths.child(path, d.name()));
      }
      vfs.rmdir(path);
    } else {
      vfs.unlink(path);
    }
  }
}
