package dev.layerlab.shell.util;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Writing text to a program's output as UTF-8 bytes. A raw byte that is not text (an xattr
 * value, a file's bytes) travels as a char in U+DC80..U+DCFF and is written back as that byte.
 */
final class Text {
  private Text() {}

  static void print(PrintStream out, String s) {
    byte[] bytes = encode(s);
    out.write(bytes, 0, bytes.length);
  }

  /** The char standing for raw byte {@code b} (0x80..0xff). */
  static char rawByte(int b) {
    return (char) (0xDC00 + (b & 0xff));
  }

  static byte[] encode(String s) {
    int first = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xDC80 && c <= 0xDCFF) {
        first = i;
        break;
      }
    }
    if (first < 0) {
      return s.getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
    int start = 0;
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xDC80 && c <= 0xDCFF && !(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
        out.writeBytes(s.substring(start, i).getBytes(StandardCharsets.UTF_8));
        out.write(c - 0xDC00);
        start = i + 1;
      }
    }
    out.writeBytes(s.substring(start).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
