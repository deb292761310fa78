package dev.layerlab.learn;

import dev.layerlab.learn.Lab.ImageView;
import dev.layerlab.learn.Lab.LayerView;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code :compare IMAGE IMAGE}: two images side by side, as container-diff would put it: their
 * release, size, layers (and how many they share) and the installed packages whose versions
 * differ, read from each image's layers on the host.
 */
final class Compare {
  private static final int MAX_LINKS = 8;

  private Compare() {}

  static Reply compare(String args, Lab lab, Words w) {
    String[] a = args.strip().isEmpty() ? new String[0] : args.strip().split("\\s+");
    if (a.length != 2) {
      return Reply.error(w.get("compare.usage") + "\n");
    }
    ImageView x = lab.image(a[0]).orElse(null);
    ImageView y = lab.image(a[1]).orElse(null);
    if (x == null || y == null) {
      return Reply.error(w.get("compare.nosuch", x == null ? a[0] : a[1]) + "\n");
    }
    Vfs host = lab.host();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"", a[0], a[1]});
    rows.add(new String[] {w.get("compare.release"), release(host, x), release(host, y)});
    rows.add(new String[] {w.get("compare.size"), Sizes.human(x.size()), Sizes.human(y.size())});
    rows.add(new String[] {w.get("compare.layers"), Integer.toString(x.layers().size()),
        Integer.toString(y.layers().size())});
    Map<String, String> px = packages(host, x);
    Map<String, String> py = packages(host, y);
    rows.add(new String[] {w.get("compare.packages"), Integer.toString(px.size()), Integer.toString(py.size())});
    StringBuilder sb = new StringBuilder(table(rows));
    sb.append(w.get("compare.shared", shared(x, y))).append('\n');
    List<String[]> changed = new ArrayList<>();
    changed.add(new String[] {w.get("compare.package"), a[0], a[1]});
    Set<String> onlyX = new TreeSet<>();
    Set<String> onlyY = new TreeSet<>();
    Set<String> names = new TreeSet<>(px.keySet());
    names.addAll(py.keySet());
    for (String name : names) {
      String vx = px.get(name);
      String vy = py.get(name);
      if (vx == null) {
        onlyY.add(name);
      } else if (vy == null) {
        onlyX.add(name);
      } else if (!vx.equals(vy)) {
        changed.add(new String[] {name, vx, vy});
      }
    }
    if (changed.size() > 1) {
      sb.append('\n').append(w.get("compare.versions", changed.size() - 1)).append('\n').append(table(changed));
    }
    if (!onlyX.isEmpty()) {
      sb.append('\n').append(w.get("compare.only", a[0], onlyX.size())).append(' ').append(String.join(" ", onlyX))
          .append('\n');
    }
    if (!onlyY.isEmpty()) {
      sb.append('\n').append(w.get("compare.only", a[1], onlyY.size())).append(' ').append(String.join(" ", onlyY))
          .append('\n');
    }
    return Reply.ok(sb.toString());
  }

  private static long shared(ImageView x, ImageView y) {
    Set<String> chains = new TreeSet<>();
    for (LayerView l : x.layers()) {
      chains.add(l.chainId());
    }
    return y.layers().stream().filter(l -> chains.contains(l.chainId())).count();
  }

  private static String table(List<String[]> rows) {
    int c0 = rows.stream().mapToInt(r -> Width.of(r[0])).max().orElse(0) + 2;
    int c1 = rows.stream().mapToInt(r -> Width.of(r[1])).max().orElse(0) + 2;
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      sb.append("  ").append(Width.pad(r[0], c0)).append(Width.pad(r[1], c1)).append(r[2]).append('\n');
    }
    return sb.toString().replaceAll(" +\n", "\n");
  }

  private static String release(Vfs host, ImageView image) {
    String text = read(host, image, "/etc/os-release", 0);
    if (text == null) {
      return "?";
    }
    for (String line : text.split("\n")) {
      if (line.startsWith("PRETTY_NAME=")) {
        return line.substring(12).replace("\"", "");
      }
    }
    return "?";
  }

  /** Package name to version, from {@code /var/lib/dpkg/status} (empty for images without dpkg). */
  static Map<String, String> packages(Vfs host, ImageView image) {
    Map<String, String> out = new TreeMap<>();
    String status = read(host, image, "/var/lib/dpkg/status", 0);
    if (status == null) {
      return out;
    }
    for (String block : status.split("\n\n")) {
      String name = null;
      String version = null;
      for (String line : block.split("\n")) {
        if (line.startsWith("Package: ")) {
          name = line.substring(9).strip();
        } else if (line.startsWith("Version: ")) {
          version = line.substring(9).strip();
        }
      }
      if (name != null && version != null) {
        out.put(name, version);
      }
    }
    return out;
  }

  /** A file of the image, found in its topmost layer that has it; null when absent or whited out. */
  static String read(Vfs host, ImageView image, String path, int links) {
    if (host == null || links > MAX_LINKS) {
      return null;
    }
    for (int n = image.layers().size() - 1; n >= 0; n--) {
      String real = image.layers().get(n).diffDir() + path;
      Stat st;
      try {
        st = host.lstat(real);
      } catch (VfsException e) {
        continue;
      }
      if (st.isWhiteout()) {
        return null;
      }
      if (st.isSymlink()) {
        String target = host.readlink(real);
        String next = target.startsWith("/") ? target : VPaths.parent(path) + "/" + target;
        return read(host, image, VPaths.normalize(next), links + 1);
      }
      return st.isRegular() ? new String(host.read(real), StandardCharsets.UTF_8) : null;
    }
    return null;
  }
}
