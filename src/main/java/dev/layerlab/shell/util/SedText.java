package dev.layerlab.shell.util;

/**
 * GNU sed's backslash escapes: {@code \t}, {@code \n}, {@code \dNNN}, {@code \oNNN},
 * {@code \xHH}, {@code \cX} and friends, as they apply to regular expressions, to the text of
 * {@code a}, {@code i} and {@code c}, and to the {@code y} command.
 */
final class SedText {
  private SedText() {}

  /**
   * The character an escape produces, or -1 when {@code s.charAt(at)} (the char after the
   * backslash) starts none; {@code len[0]} becomes the number of chars the escape uses after
   * the backslash.
   */
  static int escapeValue(String s, int at, int[] len) {
    if (at >= s.length()) {
      return -1;
    }
    len[0] = 1;
    switch (s.charAt(at)) {
      case 'a':
        return 7;
      case 'f':
        return 12;
      case 'n':
        return 10;
      case 'r':
        return 13;
      case 't':
        return 9;
      case 'v':
        return 11;
      case 'c':
        if (at + 1 < s.length()) {
          len[0] = 2;
          return Character.toUpperCase(s.charAt(at + 1)) ^ 0x40;
        }
        return -1;
      case 'd':
        return number(s, at, 10, 3, len);
      case 'o':
        return number(s, at, 8, 3, len);
      case 'x':
        return number(s, at, 16, 2, len);
      default:
        return -1;
    }
  }

  private static int number(String s, int at, int radix, int maxDigits, int[] len) {
    int value = 0;
    int j = at + 1;
    while (j < s.length() && j <= at + maxDigits && Character.digit(s.charAt(j), radix) >= 0) {
      value = value * radix + Character.digit(s.charAt(j), radix);
      j++;
    }
    if (j == at + 1) {
      return -1;
    }
    len[0] = j - at;
    return value & 0xff;
  }

  /**
   * A regular expression with the escapes that produce a character replaced by that character,
   * as sed does before compiling it (so {@code \x2e} is a plain {@code .}); a produced backslash
   * stays a literal one.
   */
  static String producedChars(String re) {
    if (re.indexOf('\\') < 0) {
      return re;
    }
    StringBuilder out = new StringBuilder(re.length());
    int[] len = new int[1];
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c != '\\' || i + 1 >= re.length()) {
        out.append(c);
        continue;
      }
      int value = escapeValue(re, i + 1, len);
      if (value < 0) {
        out.append(c).append(re.charAt(i + 1));
        i++;
      } else {
        out.append(value == '\\' ? "\\\\" : String.valueOf((char) value));
        i += len[0];
      }
    }
    return out.toString();
  }

  /** The text of {@code a}, {@code i} or {@code c} as it was read: escapes produce their char, any other backslash goes. */
  static String text(String raw) {
    StringBuilder out = new StringBuilder(raw.length());
    int[] len = new int[1];
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (i + 1 >= raw.length()) {
        break;
      }
      int value = escapeValue(raw, i + 1, len);
      if (value < 0) {
        out.append(raw.charAt(i + 1));
        i++;
      } else {
        out.append((char) value);
        i += len[0];
      }
    }
    return out.toString();
  }

  /**
   * The pattern space as the {@code l} command shows it: C escapes, other unprintable bytes in
   * octal, long lines broken with a backslash before {@code width} columns, and a final {@code $}.
   */
  static String visible(String ps, int width, char separator) {
    StringBuilder out = new StringBuilder();
    int column = 0;
    for (int k = 0; k < ps.length(); k++) {
      char c = ps.charAt(k);
      String shown = switch (c) {
        case '\\' -> "\\\\";
        case 7 -> "\\a";
        case '\b' -> "\\b";
        case '\f' -> "\\f";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        case 11 -> "\\v";
        default -> c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\%03o", (int) c & 0xff);
      };
      if (width > 1 && column + shown.length() > width - 1) {
        out.append("\\\n");
        column = 0;
      }
      out.append(shown);
      column += shown.length();
    }
    return out.append('$').append(separator).toString();
  }
}
