package dev.layerlab.shell.docker;

import java.util.List;
import java.util.Map;

/**
 * JSON as the docker CLI prints it with Go's encoding/json: maps in the order given, four-space
 * {@code MarshalIndent} for inspect (compact for {@code {{json}}}), HTML-safe escapes.
 */
final class JsonOut {
  private JsonOut() {}

  static String indented(Object v) {
    StringBuilder b = new StringBuilder();
    write(b, v, "    ", "");
    return b.toString();
  }

  static String compact(Object v) {
    StringBuilder b = new StringBuilder();
    write(b, v, null, "");
    return b.toString();
  }

  private static void write(StringBuilder b, Object v, String indent, String prefix) {
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
        b.append(first ? "" : ",");
        first = false;
        if (indent != null) {
          b.append('\n').append(inner);
        }
        string(b, e.getKey().toString());
        b.append(indent == null ? ":" : ": ");
        write(b, e.getValue(), indent, inner);
      }
      if (indent != null) {
        b.append('\n').append(prefix);
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        b.append("[]");
        return;
      }
      b.append('[');
      String inner = indent == null ? "" : prefix + indent;
      for (int i = 0; i < l.size(); i++) {
        b.append(i > 0 ? "," : "");
        if (indent != null) {
          b.append('\n').append(inner);
        }
        write(b, l.get(i), indent, inner);
      }
      if (indent != null) {
        b.append('\n').append(prefix);
      }
      b.append(']');
    } else {
      string(b, v.toString());
    }
  }

  static void string(StringBuilder b, String s) {
    b.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
