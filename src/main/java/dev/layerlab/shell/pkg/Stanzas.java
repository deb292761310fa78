package dev.layerlab.shell.pkg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Debian control-file paragraphs ({@code /var/lib/dpkg/status}, the bundled indexes): fields
 * {@code Name: value}, continuation lines starting with a space, paragraphs separated by a
 * blank line. A field's continuation lines are kept in its value after a newline.
 */
final class Stanzas {
  private Stanzas() {}

  static List<Map<String, String>> parse(String text) {
    List<Map<String, String>> out = new ArrayList<>();
    Map<String, String> current = new LinkedHashMap<>();
    String last = null;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("#")) {
        continue;
      }
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          out.add(current);
          current = new LinkedHashMap<>();
        }
        last = null;
      } else if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
        String prev = current.get(last);
        current.put(last, prev.isEmpty() ? "\n" + line : prev + "\n" + line);
      } else {
        int colon = line.indexOf(':');
        if (colon <= 0) {
          continue; // not a field: dpkg would refuse the file; we skip the line
        }
        last = line.substring(0, colon);
        current.put(last, line.substring(colon + 1).strip());
      }
    }
    if (!current.isEmpty()) {
      out.add(current);
    }
    return out;
  }

  static String format(Map<String, String> stanza) {
    StringBuilder b = new StringBuilder();
    stanza.forEach((k, v) -> {
      b.append(k).append(':');
      if (!v.isEmpty() && !v.startsWith("\n")) {
        b.append(' ');
      }
      b.append(v).append('\n');
    });
    return b.toString();
  }

  /** The lines of a multi-line field's value, without their leading space. */
  static List<String> lines(String value) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    for (String l : value.split("\n")) {
      if (!l.isBlank()) {
        out.add(l.strip());
      }
    }
    return out;
  }
}
