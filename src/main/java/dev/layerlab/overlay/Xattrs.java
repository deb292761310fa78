package dev.layerlab.overlay;

import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;

/** The overlay's private extended attributes and small helpers to read them from a layer. */
final class Xattrs {
  static final String PREFIX = "trusted.overlay.";
  static final String ORIGIN = PREFIX + "origin";
  static final String IMPURE = PREFIX + "impure";
  static final String OPAQUE = PREFIX + "opaque";
  static final String REDIRECT = PREFIX + "redirect";
  static final String METACOPY = PREFIX + "metacopy";
  static final String NLINK = PREFIX + "nlink";
  static final byte[] Y = {'y'};

  private Xattrs() {}

  /** The value, or null when absent (or the object is gone). */
  static byte[] get(Vfs vfs, String path, String name) {
    try {
      // listing first: most objects carry no xattr, and a miss is then no exception
      return vfs.listxattr(path).contains(name) ? vfs.getxattr(path, name) : null;
    } catch (VfsException e) {
      return null;
    }
  }

  static boolean isY(Vfs vfs, String path, String name) {
    byte[] v = get(vfs, path, name);
    return v != null && v.length == 1 && v[0] == 'y';
  }

  static String text(byte[] v) {
    return v == null ? null : new String(v, StandardCharsets.UTF_8);
  }
}
