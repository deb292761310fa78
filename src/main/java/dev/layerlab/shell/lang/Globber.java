package dev.layerlab.shell.lang;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** Pathname expansion of one field against a filesystem, as bash does it (sorted, hidden files need a dot). */
final class Globber {
  private final Vfs vfs;
  private final String cwd;

  Globber(Vfs vfs, String cwd) {
    this.vfs = vfs;
    this.cwd = cwd;
  }

  /** The matching paths, sorted; empty when nothing matches. */
  List<String> expand(String text, BitSet quoted) {
    if (vfs == null) {
      return List.of();
    }
    List<String> current = new ArrayList<>();
    int start = 0;
    String prefix = "";
    if (text.startsWith("/")) {
      while (start < text.length() && text.charAt(start) == '/') {
        start++;
      }
      prefix = text.substring(0, start);
    }
    current.add(prefix);
    while (start <= text.length()) {
      int slash = text.indexOf('/', start);
      int end = slash < 0 ? text.length() : slash;
      String component = text.substring(start, end);
      BitSet bits = quoted.get(start, end);
      boolean last = slash < 0;
      List<String> next = new ArrayList<>();
      Glob glob = Glob.of(component, bits);
      for (String base : current) {
        if (component.isEmpty()) {
          next.add(base);
        } else if (glob.hasMagic()) {
          for (String name : list(base)) {
            if (glob.matchesName(name)) {
              next.add(base + name + (last ? "" : "/"));
            }
          }
        } else if (exists(base + component)) {
          next.add(base + component + (last ? "" : "/"));
        }
      }
      current = next;
      if (last || current.isEmpty()) {
        break;
      }
      start = slash + 1;
      while (start < text.length() && text.charAt(start) == '/') {
        start++;
      }
    }
    current.sort(null);
    return current;
  }

  private List<String> list(String base) {
    String dir = base.isEmpty() ? cwd : VPaths.absolute(cwd, base);
    List<String> names = new ArrayList<>();
    try {
      for (DirEntry e : vfs.readDir(dir)) {
        names.add(e.name());
      }
    } catch (VfsException e) {
      return names;
    }
    return names;
  }

  private boolean exists(String path) {
    return vfs.exists(VPaths.absolute(cwd, path));
  }
}
