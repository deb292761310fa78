package dev.layerlab.shell.util;

import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;

/** Permission bits as ls and stat show them, and the block counts they report. */
final class Modes {
  private Modes() {}

  /** {@code drwxr-xr-x}, with s/S, t/T for setuid, setgid and sticky. */
  static String string(FileType type, int mode) {
    StringBuilder sb = new StringBuilder(10);
    sb.append(type.lsChar());
    sb.append(triplet(mode >> 6, (mode & 04000) != 0, 's'));
    sb.append(triplet(mode >> 3, (mode & 02000) != 0, 's'));
    sb.append(triplet(mode, (mode & 01000) != 0, 't'));
    return sb.toString();
  }

  static String string(Stat st) {
    return string(st.type(), st.mode());
  }

  private static String triplet(int bits, boolean special, char letter) {
    char x = (bits & 1) != 0 ? (special ? letter : 'x') : (special ? Character.toUpperCase(letter) : '-');
    return "" + ((bits & 4) != 0 ? 'r' : '-') + ((bits & 2) != 0 ? 'w' : '-') + x;
  }

  /** st_blocks in 512-byte units, as ext4 allocates: whole 4 KiB blocks; symlinks and devices take none. */
  static long blocks(Stat st) {
    return switch (st.type()) {
      case REGULAR, DIRECTORY -> ((st.size() + 4095) / 4096) * 8;
      default -> 0;
    };
  }

  /** GNU's human-readable size ({@code -h}): powers of 1024, rounded up, one decimal below 10. */
  static String human(long size) {
    if (size < 1024) {
      return Long.toString(size);
    }
    String units = "KMGTPE";
    double v = size;
    int u = -1;
    while (v >= 1024 && u < units.length() - 1) {
      v /= 1024;
      u++;
    }
    if (v < 10) {
      double t = Math.ceil(v * 10) / 10;
      if (t < 10) {
        return String.format("%.1f%c", t, units.charAt(u));
      }
      return "10" + units.charAt(u);
    }
    double t = Math.ceil(v);
    if (t >= 1024 && u < units.length() - 1) {
      return "1.0" + units.charAt(u + 1);
    }
    return (long) t + "" + units.charAt(u);
  }
}
