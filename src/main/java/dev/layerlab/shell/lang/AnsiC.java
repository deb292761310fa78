package dev.layerlab.shell.lang;

/**
 * bash's ANSI-C quoting, {@code $'...'}: the backslash escapes of C strings, decoded when the word
 * is read. A character of value 0 ends the string, as it would end a C string. A Unicode escape beyond
 * ASCII stays an escape, as bash leaves it in the C locale.
 */
final class AnsiC {
  private final String src;
  private int pos;

  private AnsiC(String src, int pos) {
    this.src = src;
    this.pos = pos;
  }

  /** A decoded {@code $'...'} whose text starts at {@code from} (after the quote) and its end (after the closing quote). */
  record Decoded(String text, int end) {}

  /**
   * Decodes the string starting right after {@code $'}.
   *
   * @throws ParseException when the closing quote never comes
   */
  static Decoded decode(String src, int from) {
    return new AnsiC(src, from).run();
  }

  /** The index just past the closing quote of a {@code $'...'} starting at {@code from}, or -1. */
  static int skip(String src, int from) {
    for (int i = from; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '\'') {
        return i + 1;
      }
    }
    return -1;
  }

  /** True when bash would print {@code s} as {@code $'...'}: it holds a control character. */
  static boolean needsQuoting(String s) {
    return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }

  /** {@code s} as bash writes it in {@code $'...'} for {@code declare -p} and {@code set}. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder("$'");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\u0007' -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\u001b' -> out.append("\\E");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\u000b' -> out.append("\\v");
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\%03o", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('\'').toString();
  }

  private Decoded run() {
    StringBuilder out = new StringBuilder();
    boolean ended = false;
    while (true) {
      if (pos >= src.length()) {
        throw new ParseException("unexpected EOF while looking for matching `''", true);
      }
      char c = src.charAt(pos++);
      if (c == '\'') {
        return new Decoded(out.toString(), pos);
      }
      int start = out.length();
      if (c == '\\' && pos < src.length()) {
        escape(out);
      } else {
        out.append(c);
      }
      if (ended) {
        out.setLength(start);
      } else if (out.indexOf("\0", start) >= 0) {
        out.setLength(out.indexOf("\0", start));
        ended = true;
      }
    }
  }

  private void escape(StringBuilder out) {
    char e = src.charAt(pos++);
    switch (e) {
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 'e', 'E' -> out.append('\u001b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'v' -> out.append('\u000b');
      case '\\', '\'', '"', '?' -> out.append(e);
      case 'x' -> hex(out, 2, "\\x");
      case 'u' -> hex(out, 4, "\\u");
      case 'U' -> hex(out, 8, "\\U");
      case 'c' -> {
        if (pos >= src.length() || src.charAt(pos) == '\'') {
          out.append("\\c");
        } else {
          char k = src.charAt(pos++);
          out.append(k == '?' ? '\u007f' : (char) (Character.toUpperCase(k) & 0x1f));
        }
      }
      default -> {
        if (e >= '0' && e <= '7') {
          int value = e - '0';
          for (int n = 1; n < 3 && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7'; n++) {
            value = value * 8 + (src.charAt(pos++) - '0');
          }
          out.append((char) (value & 0xff));
        } else {
          out.append('\\').append(e);
        }
      }
    }
  }

  /** x, u or U and hex digits ({@code x{...}} too); the escape itself when no digit follows. */
  private void hex(StringBuilder out, int max, String escape) {
    boolean braced = max == 2 && pos < src.length() && src.charAt(pos) == '{';
    int from = braced ? pos + 1 : pos;
    int end = from;
    while (end < src.length() && (braced || end - from < max) && Character.digit(src.charAt(end), 16) >= 0) {
      end++;
    }
    if (end == from || (braced && (end >= src.length() || src.charAt(end) != '}'))) {
      out.append(escape);
      return;
    }
    long value = Long.parseLong(src.substring(from, Math.min(end, from + 15)), 16);
    pos = braced ? end + 1 : end;
    if (max == 2) {
      out.append((char) (value & 0xff));
    } else if (value < 0x80) {
      out.append((char) value);
    } else {
      // the machines run in the C locale, where bash cannot convert a character beyond ASCII
      out.append(value <= 0xffff ? String.format("\\u%04X", value) : String.format("\\U%08X", value));
    }
  }
}
