package dev.layerlab.shell.util;

import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.VfsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The lines sed reads: the named files one after another ({@code -} is standard input), one
 * char per byte. A file is opened only when a line is wanted from it or when sed must know
 * whether the line it holds is the last one ({@code $}), which is when GNU sed opens it too.
 */
final class SedInput {
  /** A read failure GNU sed treats as fatal (exit status 4). */
  static final class Panic extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Panic(String message) {
      super(message, null, false, false);
    }
  }

  private final ProgramContext ctx;
  private final List<String> files;
  private final char separator;
  private int nextFile;
  private String name = "-";
  private String data;
  private int at;
  private boolean terminated = true;
  /** Set when a file could not be read: sed goes on and exits with status 2. */
  boolean missing;

  SedInput(ProgramContext ctx, List<String> files, char separator) {
    this.ctx = ctx;
    this.files = files;
    this.separator = separator;
  }

  /** The next line without its newline, or null at the end of the input. */
  String next() {
    while (data == null || at >= data.length()) {
      if (!open()) {
        return null;
      }
    }
    int end = data.indexOf(separator, at);
    String line;
    if (end < 0) {
      line = data.substring(at);
      at = data.length();
      terminated = false;
    } else {
      line = data.substring(at, end);
      at = end + 1;
      terminated = true;
    }
    return line;
  }

  /** Whether the line last read ended with a newline (the last line of a file may not). */
  boolean terminated() {
    return terminated;
  }

  /** The file the line last read came from ({@code -} for standard input). */
  String name() {
    return name;
  }

  /** Whether no line is left, opening the files still to come to find out. */
  boolean atEnd() {
    while (data == null || at >= data.length()) {
      if (!open()) {
        return true;
      }
    }
    return false;
  }

  private boolean open() {
    if (nextFile >= files.size()) {
      return false;
    }
    String file = files.get(nextFile++);
    byte[] bytes = read(file);
    data = bytes == null ? "" : new String(bytes, StandardCharsets.ISO_8859_1);
    at = 0;
    name = file;
    return true;
  }

  private byte[] read(String file) {
    if (file.equals("-")) {
      try {
        return ctx.in().readAllBytes();
      } catch (IOException e) {
        throw new Panic("read error on stdin: " + e.getMessage());
      }
    }
    try {
      return ctx.vfs().read(ctx.path(file));
    } catch (VfsException e) {
      if (e.errno() == Errno.EISDIR) {
        throw new Panic("read error on " + file + ": " + e.reason());
      }
      ctx.error("can't read " + file + ": " + e.reason());
      missing = true;
      return null;
    }
  }
}
