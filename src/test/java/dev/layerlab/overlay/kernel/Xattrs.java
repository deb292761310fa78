package dev.layerlab.overlay.kernel;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Extended attributes of real files, read with one {@code getfattr -R} per tree rather than a
 * process per file, and kept until anything changes.
 */
final class Xattrs {
  private final Map<String, Map<String, byte[]>> byPath = new HashMap<>();
  private final Set<String> wholeTrees = new HashSet<>();

  /** Forgets everything read: called on every change made to any real tree. */
  void invalidate() {
    byPath.clear();
    wholeTrees.clear();
  }

  /** The getfattr command line that lists every attribute under the given roots. */
  static String command(List<Path> roots) {
    StringBuilder sb = new StringBuilder("getfattr -R -P -h -d -m - -e hex --absolute-names --");
    for (Path r : roots) {
      sb.append(' ').append(Proc.q(r.toString()));
    }
    return sb.toString();
  }

  /** Takes the output of {@link #command} as the whole truth about those trees. */
  void load(String getfattrOutput, List<Path> roots) {
    parse(getfattrOutput);
    for (Path root : roots) {
      wholeTrees.add(root.toString());
    }
  }

  /** The attributes of one real path, name to value, in the order getfattr lists them. */
  Map<String, byte[]> of(Path path) {
    String p = path.toString();
    Map<String, byte[]> hit = byPath.get(p);
    if (hit != null) {
      return hit;
    }
    for (String root : wholeTrees) {
      if (p.equals(root) || p.startsWith(root + "/")) {
        return Map.of();
      }
    }
    Proc.Result r = Proc.run(List.of("getfattr", "-h", "-d", "-m", "-", "-e", "hex",
        "--absolute-names", "--", p));
    parse(r.out());
    return byPath.getOrDefault(p, Map.of());
  }

  private void parse(String out) {
    Map<String, byte[]> current = null;
    for (String line : out.split("\n")) {
      if (line.startsWith("# file: ")) {
        current = new LinkedHashMap<>();
        byPath.put(unescape(line.substring("# file: ".length())), current);
      } else if (current != null && !line.isEmpty()) {
        int eq = line.indexOf('=');
        String name = eq < 0 ? line : line.substring(0, eq);
        String value = eq < 0 ? "" : line.substring(eq + 1);
        current.put(unescape(name), value.startsWith("0x") ? hex(value.substring(2)) : new byte[0]);
      }
    }
  }

  /** Undoes getfattr's quoting of names: {@code \ooo} octal bytes and {@code \\}. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && isOctal(s, i + 1)) {
        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\\') {
        sb.append('\\');
        i++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isOctal(String s, int at) {
    if (at + 3 > s.length()) {
      return false;
    }
    for (int i = at; i < at + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }

  static byte[] hex(String h) {
    byte[] b = new byte[h.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }

  static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x & 0xff));
    }
    return sb.toString();
  }
}
