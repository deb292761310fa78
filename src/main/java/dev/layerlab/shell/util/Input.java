package dev.layerlab.shell.util;

import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.VfsException;
import java.io.IOException;

/** Reading a file operand (or {@code -} for standard input), reporting failures as coreutils does. */
final class Input {
  private Input() {}

  /** The bytes, or null after printing {@code name: FILE: reason}. */
  static byte[] read(ProgramContext ctx, String file) {
    if (file.equals("-")) {
      try {
        return ctx.in().readAllBytes();
      } catch (IOException e) {
        ctx.error("-: " + e.getMessage());
        return null;
      }
    }
    try {
      return ctx.vfs().read(ctx.path(file));
    } catch (VfsException e) {
      ctx.error(file + ": " + e.reason());
      return null;
    }
  }

  /** GNU's quoting of a file name in messages under the C locale. */
  static String quote(String name) {
    if (name.contains("'")) {
      return "\"" + name + "\"";
    }
    return "'" + name + "'";
  }
}
