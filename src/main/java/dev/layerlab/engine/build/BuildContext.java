package dev.layerlab.engine.build;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The build context as the client sends it: every file under the context directory except what
 * {@code .dockerignore} leaves out, read once (later changes on the host do not reach the build).
 */
final class BuildContext {
  /** One file of the context; {@code data} for regular files, {@code target} for symlinks. */
  record Entry(String path, Stat stat, byte[] data, String target) {
    boolean isDir() {
      return stat.isDirectory();
    }
  }

  private final Map<String, Entry> entries = new TreeMap<>();

  /** No context at all: the Dockerfile came on standard input. */
  BuildContext() {}

  /** Reads {@code dir} of {@code vfs}; {@code dockerfile} is the context-relative Dockerfile name, always sent. */
  BuildContext(Vfs vfs, String dir, String dockerfile) {
    DockerIgnore ignore = new DockerIgnore(vfs.exists(VPaths.child(dir, ".dockerignore"))
        ? new String(vfs.read(VPaths.child(dir, ".dockerignore")), StandardCharsets.UTF_8) : "");
    walk(vfs, dir, "", ignore, dockerfile);
  }

  private void walk(Vfs vfs, String abs, String rel, DockerIgnore ignore, String dockerfile) {
    List<DirEntry> list = new ArrayList<>(vfs.readDir(abs));
    list.sort(java.util.Comparator.comparing(DirEntry::name));
    for (DirEntry d : list) {
      if (d.name().equals(".") || d.name().equals("..")) {
        continue;
      }
      String r = rel.isEmpty() ? d.name() : rel + "/" + d.name();
      String a = VPaths.child(abs, d.name());
      boolean always = r.equals(dockerfile) || r.equals(".dockerignore");
      Stat st = vfs.lstat(a);
      if (ignore.excluded(r) && !always) {
        continue;
      }
      if (st.isDirectory()) {
        entries.put(r, new Entry(r, st, null, null));
        walk(vfs, a, r, ignore, dockerfile);
      } else if (st.isSymlink()) {
        entries.put(r, new Entry(r, st, null, vfs.readlink(a)));
      } else if (st.isRegular()) {
        entries.put(r, new Entry(r, st, vfs.read(a), null));
      }
    }
  }

  Map<String, Entry> entries() {
    return entries;
  }

  Entry get(String rel) {
    return entries.get(rel);
  }

  /** The tar stream's size: a 512-byte header per entry, data padded to 512, two zero blocks at the end. */
  long tarSize() {
    long size = 1024;
    for (Entry e : entries.values()) {
      size += 512;
      String name = e.isDir() ? e.path() + "/" : e.path();
      if (name.length() > 100) {
        size += 512 + pad(name.length() + 32);
      }
      if (e.data() != null) {
        size += pad(e.data().length);
      }
    }
    return size;
  }

  private static long pad(long n) {
    return (n + 511) / 512 * 512;
  }

  /** {@code units.HumanSizeWithPrecision(n, 4)}: decimal units, four significant digits. */
  static String humanSize(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    java.math.BigDecimal d = new java.math.BigDecimal(v).round(new java.math.MathContext(4));
    return d.stripTrailingZeros().toPlainString() + units[u];
  }

}
