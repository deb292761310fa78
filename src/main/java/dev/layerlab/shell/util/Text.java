package dev.layerlab.shell.util;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Writing text to a program's output as UTF-8 bytes. */
final class Text {
  private Text() {}

  static void print(PrintStream out, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.write(bytes, 0, bytes.length);
  }
}
