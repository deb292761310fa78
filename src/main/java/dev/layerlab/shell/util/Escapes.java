package dev.layerlab.shell.util;

/** The backslash escapes of {@code echo -e}, {@code printf} formats and {@code printf %b}. */
final class Escapes {
  private Escapes() {}

  /** The result of interpreting escapes; {@code stop[0]} becomes true at {@code \c}. */
  static String expand(String s, boolean echoStyle, boolean[] stop) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'a' -> out.append('\007');
        case 'b' -> out.append('\b');
        case 'e', 'E' -> out.append('\033');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append('\013');
        case '\\' -> out.append('\\');
        case 'c' -> {
          stop[0] = true;
          return out.toString();
        }
        case 'x' -> {
          int j = i + 1;
          int v = 0;
          while (j < s.length() && j < i + 3 && Character.digit(s.charAt(j), 16) >= 0) {
            v = v * 16 + Character.digit(s.charAt(j), 16);
            j++;
          }
          if (j == i + 1) {
            out.append("\\x");
          } else {
            out.append((char) v);
            i = j - 1;
          }
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          if (echoStyle && n != '0') {
            out.append('\\').append(n);
            break;
          }
          boolean leadingZero = n == '0' && echoStyle;
          int j = leadingZero ? i + 1 : i;
          int max = j + 3;
          int v = 0;
          while (j < s.length() && j < max && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
            v = v * 8 + (s.charAt(j) - '0');
            j++;
          }
          out.append((char) (v & 0xff));
          i = j - 1;
        }
        case '"' -> out.append(echoStyle ? "\\\"" : "\"");
        default -> out.append('\\').append(n);
      }
    }
    return out.toString();
  }
}
