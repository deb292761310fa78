package dev.layerlab.overlay;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.Vfs.WriteMode;

/**
 * One directory of the disk seen as a layer (a lower dir, the upper dir), edited directly the
 * way an image layer is unpacked: missing parent dirs appear with mode 0755.
 */
public record Layer(Vfs vfs, String root) {

  /** The disk path of {@code rel} ("etc/hosts" or "/etc/hosts") inside this layer. */
  public String path(String rel) {
    String r = VPaths.normalize("/" + rel);
    return r.equals("/") ? root : root + r;
  }

  private void parents(String rel) {
    String parent = VPaths.parent(VPaths.normalize("/" + rel));
    if (!parent.equals("/")) {
      mkdir(parent);
    }
  }

  public Layer mkdir(String rel) {
    return mkdir(rel, 0755);
  }

  public Layer mkdir(String rel, int mode) {
    parents(rel);
    if (!vfs.exists(path(rel))) {
      vfs.mkdir(path(rel), mode);
    }
    return this;
  }

  public Layer write(String rel, String content) {
    parents(rel);
    vfs.write(path(rel), content.getBytes(UTF_8), WriteMode.TRUNCATE, 0644);
    return this;
  }

  public Layer symlink(String target, String rel) {
    parents(rel);
    vfs.symlink(target, path(rel));
    return this;
  }

  public Layer link(String existing, String rel) {
    parents(rel);
    vfs.link(path(existing), path(rel));
    return this;
  }

  /** A whiteout as image tools unpack a {@code .wh.} file: char 0:0. */
  public Layer whiteout(String rel) {
    parents(rel);
    vfs.mknod(path(rel), FileType.CHAR_DEVICE, 0, 0, 0);
    return this;
  }

  /** A directory whose lower namesakes are hidden ({@code .wh..wh..opq} unpacked). */
  public Layer opaque(String rel) {
    mkdir(rel);
    vfs.setxattr(path(rel), Xattrs.OPAQUE, Xattrs.Y);
    return this;
  }

  public Stat lstat(String rel) {
    return vfs.lstat(path(rel));
  }
}
