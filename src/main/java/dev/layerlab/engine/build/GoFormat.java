package dev.layerlab.engine.build;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The few Go formatting verbs whose output ends up in image history: {@code %q}, {@code %v}, durations, RFC 3339. */
final class GoFormat {
  private GoFormat() {}

  /** {@code %q} of a string. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints().forEach(c -> b.append(escape(c, '"')));
    return b.append('"').toString();
  }

  /** {@code %q} of a []string: {@code ["a" "b"]}. */
  static String quote(List<String> list) {
    if (list == null) {
      return "[]";
    }
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < list.size(); i++) {
      b.append(i == 0 ? "" : " ").append(quote(list.get(i)));
    }
    return b.append(']').toString();
  }

  /** {@code %q} of an int: the rune in single quotes. */
  static String quoteRune(int c) {
    return "'" + escape(c, '\'') + "'";
  }

  private static String escape(int c, char q) {
    switch (c) {
      case 7: return "\\a";
      case 8: return "\\b";
      case 9: return "\\t";
      case 10: return "\\n";
      case 11: return "\\v";
      case 12: return "\\f";
      case 13: return "\\r";
      case '\\': return "\\\\";
      default:
        if (c == q) {
          return "\\" + q;
        }
        if (c < 0x20 || c == 0x7f) {
          return String.format("\\x%02x", c);
        }
        return new String(Character.toChars(c));
    }
  }

  /** {@code %v} of a []string: {@code [a b]}. */
  static String plain(List<String> list) {
    return "[" + String.join(" ", list) + "]";
  }

  /** time.Duration's String: {@code 30s}, {@code 1m30s}, {@code 0s}, {@code 1h0m0s}, {@code 500ms}. */
  static String duration(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    if (nanos < 1_000_000_000L) {
      if (nanos % 1_000_000 == 0) {
        return nanos / 1_000_000 + "ms";
      }
      return nanos / 1000.0 + "µs";
    }
    long h = nanos / 3_600_000_000_000L;
    long rest = nanos % 3_600_000_000_000L;
    long m = rest / 60_000_000_000L;
    long sn = rest % 60_000_000_000L;
    String sec = sn % 1_000_000_000L == 0 ? String.valueOf(sn / 1_000_000_000L)
        : new java.math.BigDecimal(sn).movePointLeft(9).stripTrailingZeros().toPlainString();
    if (h > 0) {
      return h + "h" + m + "m" + sec + "s";
    }
    return m > 0 ? m + "m" + sec + "s" : sec + "s";
  }

  /** time.ParseDuration for the units a HEALTHCHECK takes; -1 when it is not a duration. */
  static long parseDuration(String s) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)").matcher(s);
    long total = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        return -1;
      }
      end = m.end();
      double v = Double.parseDouble(m.group(1));
      long unit = switch (m.group(2)) {
        case "h" -> 3_600_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "s" -> 1_000_000_000L;
        case "ms" -> 1_000_000L;
        case "us", "µs" -> 1000L;
        default -> 1L;
      };
      total += (long) (v * unit);
    }
    return end == s.length() && end > 0 ? total : (s.equals("0") ? 0 : -1);
  }

  /** RFC 3339 with nanoseconds, trailing zeros dropped, as Go's time.RFC3339Nano. */
  static String rfc3339(Instant t) {
    String base = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(t);
    int nanos = t.getNano();
    if (nanos == 0) {
      return base + "Z";
    }
    String frac = String.format("%09d", nanos).replaceAll("0+$", "");
    return base + "." + frac + "Z";
  }
}
