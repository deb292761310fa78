package dev.layerlab.image;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * JSON as Go's encoding/json writes it, because image IDs and digests are hashes of these exact
 * bytes: keys in the order given, no spaces (or {@code MarshalIndent}'s layout), and HTML-safe
 * escapes ({@code &} as {@code \u0026}, {@code <} and {@code >} likewise) that Docker's
 * configs carry in every {@code &&} of a RUN line.
 *
 * <p>Values are {@code Map} (written in iteration order), {@code List}, {@code String},
 * {@code Number}, {@code Boolean} or null.
 */
public final class GoJson {
  private GoJson() {}

  static byte[] compact(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value, null, "", false);
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Like Go's {@code json.MarshalIndent(v, "", indent)}. */
  static byte[] indented(Object value, String indent) {
    StringBuilder b = new StringBuilder();
    write(b, value, indent, "", false);
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The same JSON for display ({@code docker inspect}, {@code {{json .}}}), compact when
   * {@code indent} is null; any other value (a digest, say) is written as its string form.
   */
  public static String text(Object value, String indent) {
    StringBuilder b = new StringBuilder();
    write(b, value, indent, "", true);
    return b.toString();
  }

  /** Go's time.RFC3339Nano: fractional seconds without trailing zeros, {@code Z} for UTC. */
  static String time(Instant t) {
    String base = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC).format(t);
    if (t.getNano() == 0) {
      return base + "Z";
    }
    String frac = String.format("%09d", t.getNano()).replaceAll("0+$", "");
    return base + "." + frac + "Z";
  }

  private static void write(StringBuilder b, Object v, String indent, String prefix, boolean lenient) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      string(b, s);
    } else if (v instanceof Boolean || v instanceof Number) {
      b.append(v);
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        b.append("{}");
        return;
      }
      b.append('{');
      String inner = indent == null ? "" : prefix + indent;
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        newline(b, indent, inner);
        string(b, e.getKey().toString());
        b.append(indent == null ? ":" : ": ");
        write(b, e.getValue(), indent, inner, lenient);
      }
      newline(b, indent, prefix);
      b.append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        b.append("[]");
        return;
      }
      b.append('[');
      String inner = indent == null ? "" : prefix + indent;
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        newline(b, indent, inner);
        write(b, l.get(i), indent, inner, lenient);
      }
      newline(b, indent, prefix);
      b.append(']');
    } else {
      if (!lenient) {
        throw new IllegalArgumentException("not a JSON value: " + v.getClass());
      }
      string(b, v.toString());
    }
  }

  private static void newline(StringBuilder b, String indent, String prefix) {
    if (indent != null) {
      b.append('\n').append(prefix);
    }
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            b.append("\\u00").append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            if (c >= 0x2000) {
              b.setLength(b.length() - 4);
              b.append(String.format("%04x", (int) c));
            }
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
