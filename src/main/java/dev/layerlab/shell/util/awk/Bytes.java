package dev.layerlab.shell.util.awk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * mawk works on bytes: inside the interpreter a string holds one char per byte (Latin-1), so
 * length("é") is 2 as in mawk. Arguments and names cross over here.
 */
final class Bytes {
  private Bytes() {}

  /** A shell string (UTF-8 text; a raw byte as a char in U+DC80..U+DCFF) as one char per byte. */
  static String of(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0xDC80 && c <= 0xDCFF && !(i > 0 && Character.isHighSurrogate(text.charAt(i - 1)))) {
        out.write(c - 0xDC00);
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
        out.writeBytes(text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
        i++;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  /** A one-char-per-byte string as the shell's text, for file names and commands. */
  static String text(String bytes) {
    return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
