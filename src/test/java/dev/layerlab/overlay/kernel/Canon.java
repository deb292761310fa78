package dev.layerlab.overlay.kernel;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical listing both sides are compared in: one line per entry, sorted bytewise,
 * {@code PATH TYPE MODE UID:GID [nlink=N] [size=N sha256=HEX | MAJ:MIN | ->TARGET] [XATTR...]}.
 *
 * <p>This is the shared canon-dump format with the owner column ({@code -o}), plus two
 * additions: {@code nlink=N} for a regular file with more than one name (hard links are a rule of
 * their own) and {@code user.*} xattrs next to {@code trusted.overlay.*} (copy_up must carry them).
 * Origin and upper file handles name the layer file they point at ({@code @L0:/etc/hosts}).
 * {@code trusted.overlay.uuid} is left out: only newer kernels write it (the 2018 host did not),
 * and whiteout link counts never appear, since they too differ between kernel versions.
 */
final class Canon {
  private Canon() {}

  /** Inode numbers of the real layer files, to say which file an origin handle names. */
  static final class Layers {
    private final List<Map.Entry<String, Vfs>> layers = new ArrayList<>();
    private Map<Long, String> byIno;

    /** Adds a layer; the first layer added wins for an inode (callers add top-first, then U). */
    void add(String name, Vfs layer) {
      layers.add(Map.entry(name, layer));
      byIno = null;
    }

    /** The layer file with this inode number, walked only when first asked. */
    String resolve(long ino) {
      if (byIno == null) {
        byIno = new HashMap<>();
        for (Map.Entry<String, Vfs> l : layers) {
          walk(l.getValue(), "/", (path, st) -> {
            if (st != null) {
              byIno.putIfAbsent(st.ino(), l.getKey() + ":" + path);
            }
          });
        }
      }
      return byIno.getOrDefault(ino, "ino:?");
    }
  }

  interface Visitor {
    /** One entry; {@code st} is null when readdir listed a name that lstat cannot find. */
    void visit(String path, Stat st);
  }

  /**
   * Visits every entry under {@code dir} (itself included), in bytewise order, never following
   * links. The kernel lists a lower whiteout in a dir that exists in one layer only, yet lstat of
   * that name fails: such a name is visited with a null stat, as canon-dump prints "? (stat failed)".
   */
  static void walk(Vfs fs, String dir, Visitor v) {
    Stat st = fs.lstat(dir);
    v.visit(dir, st);
    if (st.isDirectory()) {
      for (DirEntry e : fs.readDir(dir)) {
        String path = child(dir, e.name());
        Stat c;
        try {
          c = fs.lstat(path);
        } catch (VfsException x) {
          v.visit(path, null);
          continue;
        }
        if (c.isDirectory()) {
          walk(fs, path, v);
        } else {
          v.visit(path, c);
        }
      }
    }
  }

  static String child(String dir, String name) {
    return dir.equals("/") ? "/" + name : dir + "/" + name;
  }

  /** The whole listing of a tree, path to line. */
  static TreeMap<String, String> dump(Vfs fs, Layers layers) {
    TreeMap<String, String> out = new TreeMap<>(DiskVfs::compareBytes);
    walk(fs, "/", (path, st) -> out.put(path,
        st == null ? path.replace(" ", "\\040") + " ? (stat failed)" : line(fs, path, st, layers)));
    return out;
  }

  /** The line of one entry. */
  static String line(Vfs fs, String path, Stat st, Layers layers) {
    StringBuilder sb = new StringBuilder(path.replace(" ", "\\040"));
    sb.append(' ').append(st.type().findChar())
        .append(String.format(" %04o %d:%d", st.mode(), st.uid(), st.gid()));
    if (st.type() == FileType.REGULAR && st.nlink() != 1) {
      sb.append(" nlink=").append(st.nlink());
    }
    switch (st.type()) {
      case REGULAR -> {
        byte[] data = fs.read(path);
        sb.append(" size=").append(data.length).append(" sha256=").append(sha256(data));
      }
      case CHAR_DEVICE, BLOCK_DEVICE -> sb.append(' ').append(st.rdevMajor()).append(':').append(st.rdevMinor());
      case SYMLINK -> sb.append(" ->").append(fs.readlink(path));
      default -> { }
    }
    sb.append(xattrs(fs, path, layers));
    return sb.toString();
  }

  private static String xattrs(Vfs fs, String path, Layers layers) {
    TreeMap<String, String> shown = new TreeMap<>();
    for (String name : fs.listxattr(path)) {
      if (!(name.startsWith("trusted.overlay.") || name.startsWith("user."))
          || name.equals("trusted.overlay.uuid")) {
        continue;
      }
      byte[] v;
      try {
        v = fs.getxattr(path, name);
      } catch (VfsException e) {
        continue;
      }
      boolean handle = name.equals("trusted.overlay.origin") || name.equals("trusted.overlay.upper");
      shown.put(name, handle ? "@" + decodeHandle(v, layers) : value(v));
    }
    StringBuilder sb = new StringBuilder();
    shown.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    return sb.toString();
  }

  /** A value as text when every byte is printable non-space ASCII, else 0xHEX. */
  static String value(byte[] v) {
    for (byte b : v) {
      if (b < 0x21 || b > 0x7e) {
        return "0x" + Xattrs.hex(v);
      }
    }
    return new String(v, java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** struct ovl_fb: version, 0xfb, len, flags, type, uuid[16], fid; type 1/2 hold a le32 inode. */
  static String decodeHandle(byte[] fb, Layers layers) {
    if (fb.length < 5 || (fb[1] & 0xff) != 0xfb) {
      return "fh(?)";
    }
    int type = fb[4] & 0xff;
    if ((type == 1 || type == 2) && fb.length >= 25) {
      long ino = (fb[21] & 0xffL) | (fb[22] & 0xffL) << 8 | (fb[23] & 0xffL) << 16 | (fb[24] & 0xffL) << 24;
      return layers.resolve(ino);
    }
    return "fh(type=" + type + ")";
  }

  static String sha256(byte[] data) {
    try {
      return Xattrs.hex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Lines in one listing and not the other, and lines of one path that differ, readably. */
  static List<String> diff(Map<String, String> kernel, Map<String, String> ours) {
    List<String> out = new ArrayList<>();
    TreeMap<String, Boolean> paths = new TreeMap<>(DiskVfs::compareBytes);
    kernel.keySet().forEach(p -> paths.put(p, true));
    ours.keySet().forEach(p -> paths.put(p, true));
    for (String p : paths.keySet()) {
      String k = kernel.get(p);
      String o = ours.get(p);
      if (k == null) {
        out.add("  only in layerlab: " + o);
      } else if (o == null) {
        out.add("  only in kernel:   " + k);
      } else if (!k.equals(o)) {
        out.add("  kernel:   " + k);
        out.add("  layerlab: " + o);
      }
    }
    return out;
  }
}
