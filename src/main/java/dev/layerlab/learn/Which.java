package dev.layerlab.learn;

import dev.layerlab.learn.Lab.ContainerView;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code :which PATH}: which layer of a container a path comes from, found the way overlayfs
 * looks it up (upper dir first, then the lower dirs from the top; whiteouts end the search,
 * opaque directories stop it going further down, directories found in several layers merge).
 */
final class Which {
  private Which() {}

  /** One layer holding the name: its label ({@code rw}, {@code init} or a number) and the real path. */
  record Hit(String label, String realPath, Stat stat) {}

  /** The outcome: the layers that hold the name, top first, and the whiteout that ended the search, if any. */
  record Answer(List<Hit> hits, Hit whiteout) {}

  static Answer lookup(Vfs host, ContainerView c, String path) {
    List<String> roots = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    roots.add(c.upperDir());
    labels.add("rw");
    for (int i = 0; i < c.lowerDirs().size(); i++) {
      roots.add(c.lowerDirs().get(i));
      labels.add(UpperScan.layerLabel(c, i));
    }
    List<String> names = VPaths.names(VPaths.normalize(path));
    String prefix = "";
    List<Integer> active = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) {
      active.add(i);
    }
    List<Hit> hits = List.of();
    for (int n = 0; n < names.size(); n++) {
      prefix = prefix + "/" + names.get(n);
      List<Integer> next = new ArrayList<>();
      List<Hit> found = new ArrayList<>();
      for (int i : active) {
        Stat st;
        String real = roots.get(i) + prefix;
        try {
          st = host.lstat(real);
        } catch (VfsException e) {
          continue;
        }
        Hit hit = new Hit(labels.get(i), real, st);
        if (st.isWhiteout()) {
          return new Answer(found, hit);
        }
        if (!st.isDirectory()) {
          if (found.isEmpty()) {
            found.add(hit);
          }
          break;
        }
        found.add(hit);
        next.add(i);
        if (hasOpaque(host, real)) {
          break;
        }
      }
      if (found.isEmpty()) {
        return new Answer(List.of(), null);
      }
      if (n < names.size() - 1 && !found.get(0).stat().isDirectory()) {
        return new Answer(List.of(), null); // a file in the middle of the path: ENOTDIR
      }
      hits = found;
      active = next;
    }
    if (names.isEmpty()) {
      List<Hit> all = new ArrayList<>();
      for (int i = 0; i < roots.size(); i++) {
        all.add(new Hit(labels.get(i), roots.get(i), host.lstat(roots.get(i))));
      }
      return new Answer(all, null);
    }
    return new Answer(hits, null);
  }

  private static boolean hasOpaque(Vfs host, String path) {
    try {
      return host.listxattr(path).contains(UpperScan.OPAQUE);
    } catch (VfsException e) {
      return false;
    }
  }

  /** The answer in words. */
  static String render(String path, ContainerView c, Answer a, Words w) {
    StringBuilder sb = new StringBuilder();
    if (a.whiteout() != null && a.hits().isEmpty()) {
      sb.append(w.get("which.deleted", path, name(a.whiteout().label(), w), a.whiteout().realPath()));
    } else if (a.hits().isEmpty()) {
      sb.append(w.get("which.none", path, c.name()));
    } else if (a.hits().size() == 1 || !a.hits().get(0).stat().isDirectory()) {
      Hit h = a.hits().get(0);
      sb.append(w.get("which.one", path, name(h.label(), w), h.realPath()));
    } else {
      sb.append(w.get("which.merged", path)).append('\n');
      for (Hit h : a.hits()) {
        sb.append("  ").append(Width.pad(name(h.label(), w), 28)).append(h.realPath()).append('\n');
      }
      return sb.toString();
    }
    sb.append('\n');
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (c.running() && List.of("/etc/hostname", "/etc/hosts", "/etc/resolv.conf").contains(path)) {
      sb.append(w.get("which.bind", c.id(), name)).append('\n');
    }
    return sb.toString();
  }

  /** {@code the container layer (RW)}, {@code image layer 3 (RO)}. */
  static String name(String label, Words w) {
    return label.equals("rw") ? w.get("trace.layer.rw") : w.get("trace.layer.ro", Explain.layerName(label, w));
  }
}
