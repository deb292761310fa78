package dev.layerlab.shell.util;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where sed writes: standard output, the new contents of a file edited in place, or a
 * {@code w} file. It remembers a last line written without its newline (the input's last line
 * had none) and adds that newline only if more output follows, as GNU sed does.
 */
final class SedOutput {
  private final OutputStream out;
  private final char separator;
  private boolean missingNewline;

  private SedOutput(OutputStream out, char separator) {
    this.out = out;
    this.separator = separator;
  }

  static SedOutput to(PrintStream stream, char separator) {
    return new SedOutput(stream, separator);
  }

  static SedOutput buffer(char separator) {
    return new SedOutput(new ByteArrayOutputStream(), separator);
  }

  /** A line, with its newline unless the input line had none. */
  void line(String text, boolean terminated) {
    write(text);
    if (terminated) {
      raw(String.valueOf(separator));
    } else {
      missingNewline = true;
    }
  }

  /**
   * Text that carries its own newlines (a/i/c text, {@code =}, {@code l}); the empty text just
   * ends a line left open, as {@code q} does.
   */
  void write(String text) {
    if (missingNewline) {
      missingNewline = false;
      raw(String.valueOf(separator));
    }
    raw(text);
  }

  private void raw(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    if (out instanceof PrintStream ps) {
      ps.write(bytes, 0, bytes.length);
    } else {
      ((ByteArrayOutputStream) out).writeBytes(bytes);
    }
  }

  /** The bytes written to a buffer. */
  byte[] bytes() {
    return ((ByteArrayOutputStream) out).toByteArray();
  }

  boolean isBuffer() {
    return out instanceof ByteArrayOutputStream;
  }
}
