package dev.layerlab.shell.docker;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;

/** The docker CLI's formatting primitives (go-units sizes and durations, ellipsis, Go quoting). */
final class Format {
  private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

  private Format() {}

  /** units.HumanSizeWithPrecision: decimal units, Go's {@code %.Ng}: {@code 84.1MB}, {@code 7B}. */
  static String size(double bytes, int precision) {
    int i = 0;
    while (bytes >= 1000 && i < UNITS.length - 1) {
      bytes /= 1000;
      i++;
    }
    return goG(bytes, precision) + UNITS[i];
  }

  /** The image/ps/history size: 3 significant digits. */
  static String size(long bytes) {
    return size(bytes, 3);
  }

  /** Go's {@code %.Pg}: shortest of fixed or exponent form, trailing zeros dropped. */
  static String goG(double v, int precision) {
    if (v == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(precision, RoundingMode.HALF_EVEN));
    int exp = d.precision() - d.scale() - 1;
    if (exp < -4 || exp >= precision) {
      BigDecimal mant = d.movePointLeft(exp).stripTrailingZeros();
      String m = mant.scale() <= 0 ? mant.toBigInteger().toString() : mant.toPlainString();
      return m + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }
    BigDecimal s = d.stripTrailingZeros();
    return s.scale() <= 0 ? s.toBigInteger().toString() : s.toPlainString();
  }

  /** units.HumanDuration. */
  static String duration(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = seconds / 60;
    if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 46) {
      return minutes + " minutes";
    }
    long hours = (long) (seconds / 3600.0 + 0.5);
    if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    } else if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    } else if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return seconds / 3600 / 24 / 365 + " years";
  }

  /** Cuts to {@code width} columns, the last being {@code …}, as the CLI's Ellipsis does. */
  static String ellipsis(String s, int width) {
    if (s.codePointCount(0, s.length()) <= width) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, width - 1)) + "…";
  }

  /** Go's strconv.Quote for printable text. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** The 12-hex short form of an ID, with any {@code sha256:} dropped. */
  static String shortId(String id) {
    String hex = id.startsWith("sha256:") ? id.substring(7) : id;
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }
}
