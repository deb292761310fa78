package dev.layerlab.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the bundled configuration-file texts ({@code @@ PATH MODE} blocks) and merges a release's
 * blocks over the common ones: {@code PATH+} appends lines, {@code PATH=} replaces the lines whose
 * first {@code :}-field it names and appends them, {@code PATH link TARGET} is a symlink.
 */
final class EtcFiles {
  record Item(String path, int mode, String text, String linkTarget) {}

  private EtcFiles() {}

  static Map<String, Item> merged(String... resources) {
    Map<String, Item> out = new LinkedHashMap<>();
    for (String resource : resources) {
      for (Block b : blocks(Resources.text(resource))) {
        String path = b.path;
        if (path.endsWith("+")) {
          path = path.substring(0, path.length() - 1);
          Item old = out.get(path);
          out.put(path, new Item(path, b.mode, (old == null ? "" : old.text) + b.text, null));
        } else if (path.endsWith("=")) {
          path = path.substring(0, path.length() - 1);
          Item old = out.get(path);
          out.put(path, new Item(path, b.mode, replaceKeyed(old == null ? "" : old.text, b.text), null));
        } else {
          out.put(path, new Item(path, b.mode, b.text, b.link));
        }
      }
    }
    return out;
  }

  private static String replaceKeyed(String old, String add) {
    List<String> keys = new ArrayList<>();
    for (String line : add.split("\n")) {
      keys.add(line.split(":", 2)[0]);
    }
    StringBuilder b = new StringBuilder();
    for (String line : old.split("\n")) {
      if (!line.isEmpty() && !keys.contains(line.split(":", 2)[0])) {
        b.append(line).append('\n');
      }
    }
    return b.append(add).toString();
  }

  private record Block(String path, int mode, String link, String text) {}

  private static List<Block> blocks(String text) {
    List<Block> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    String[] head = null;
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      boolean last = i == lines.length - 1;
      if (line.startsWith("@@ ") || last) {
        if (last && !line.startsWith("@@ ") && !line.isEmpty()) {
          body.append(line).append('\n');
        }
        if (head != null) {
          out.add(block(head, body.toString()));
        }
        head = line.startsWith("@@ ") ? line.substring(3).split(" ") : null;
        body.setLength(0);
      } else if (head != null) {
        body.append(line).append('\n');
      }
    }
    if (head != null) {
      out.add(block(head, ""));
    }
    return out;
  }

  private static Block block(String[] head, String body) {
    if (head.length >= 3 && head[1].equals("link")) {
      return new Block(head[0], 0777, head[2], "");
    }
    return new Block(head[0], Integer.parseInt(head[1], 8), null, body);
  }
}
