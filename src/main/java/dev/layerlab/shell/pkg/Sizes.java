package dev.layerlab.shell.pkg;

import java.util.List;
import java.util.Locale;

/** How apt writes sizes, durations and package lists. */
final class Sizes {
  private Sizes() {}

  /**
   * apt's size format (SI units, no thousands separator in the C locale): below 10000 of a unit
   * the whole number, below 100 of a larger unit one decimal: {@code 987 B}, {@code 15.1 kB},
   * {@code 1153 kB}, {@code 11.3 MB}.
   */
  static String apt(double bytes) {
    String[] units = {"", "k", "M", "G", "T"};
    double v = bytes;
    for (int i = 0; i < units.length; i++) {
      if (v < 100 && i != 0) {
        return String.format(Locale.ROOT, "%.1f %sB", v, units[i]);
      }
      if (v < 10000) {
        return String.format(Locale.ROOT, "%.0f %sB", v, units[i]);
      }
      v /= 1000.0;
    }
    return String.format(Locale.ROOT, "%.0f PB", v);
  }

  /** Parses a size as apt printed it ({@code 11.3 MB}, {@code 1367 B}). */
  static long parse(String s) {
    String[] p = s.trim().split(" ");
    if (p.length != 2) {
      return 0;
    }
    double v = Double.parseDouble(p[0]);
    return Math.round(switch (p[1]) {
      case "kB" -> v * 1e3;
      case "MB" -> v * 1e6;
      case "GB" -> v * 1e9;
      default -> v;
    });
  }

  /** A simulated transfer of {@code bytes} at a steady few MB/s: {@code Fetched 6765 kB in 2s (3382 kB/s)}. */
  static String fetched(long bytes) {
    long seconds = Math.max(1, (bytes + 3_999_999) / 4_000_000);
    return "Fetched " + apt(bytes) + " in " + seconds + "s (" + apt((double) bytes / seconds) + "/s)\n";
  }

  /** apt's indented word list, wrapped before the terminal's last column. */
  static String wrapped(List<String> words, int width) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder(" ");
    for (String w : words) {
      if (line.length() > 1 && line.length() + 1 + w.length() >= width) {
        out.append(line).append('\n');
        line = new StringBuilder(" ");
      }
      line.append(' ').append(w);
    }
    if (line.length() > 1) {
      out.append(line).append('\n');
    }
    return out.toString();
  }
}
