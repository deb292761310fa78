package dev.layerlab.shell.util;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splitting bytes into lines the way line-oriented tools see them. */
final class Lines {
  private Lines() {}

  /** The lines with their newline removed; a last line without newline still counts. */
  static List<String> of(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        out.add(text.substring(start));
        break;
      }
      out.add(text.substring(start, nl));
      start = nl + 1;
    }
    return out;
  }
}
