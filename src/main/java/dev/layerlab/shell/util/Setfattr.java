package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** attr's {@code setfattr -n NAME [-v VALUE] FILE...} and {@code setfattr -x NAME FILE...}. */
final class Setfattr implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "n:v:x:h", "name=n", "value=v", "remove=x", "no-dereference=h");
    if (a == null) {
      return 1;
    }
    if (a.operands().isEmpty() || (!a.has("n") && !a.has("x"))) {
      ctx.err().print("Usage: setfattr {-n name} [-v value] [-h] file...\n"
          + "       setfattr {-x name} [-h] file...\nTry `setfattr --help' for more information.\n");
      return 1;
    }
    byte[] value;
    try {
      value = decode(a.value("v") == null ? "" : a.value("v"));
    } catch (IllegalArgumentException e) {
      ctx.error("bad input encoding");
      return 1;
    }
    int status = 0;
    for (String f : a.operands()) {
      try {
        if (a.has("x")) {
          ctx.vfs().removexattr(ctx.path(f), a.value("x"));
        } else {
          ctx.vfs().setxattr(ctx.path(f), a.value("n"), value);
        }
      } catch (VfsException e) {
        String reason = e.errno() == Errno.ENODATA ? "No such attribute" : e.reason();
        ctx.err().print("setfattr: " + f + ": " + reason + "\n");
        status = 1;
      }
    }
    return status;
  }

  /** {@code 0x...} hex, {@code 0s...} base64, {@code "..."} quoted text, else the text itself. */
  static byte[] decode(String v) {
    if (v.startsWith("0x") || v.startsWith("0X")) {
      String hex = v.substring(2);
      if (hex.length() % 2 != 0 || !hex.matches("[0-9a-fA-F]*")) {
        throw new IllegalArgumentException(v);
      }
      byte[] out = new byte[hex.length() / 2];
      for (int i = 0; i < out.length; i++) {
        out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
      }
      return out;
    }
    if (v.startsWith("0s") || v.startsWith("0S")) {
      return Base64.getDecoder().decode(v.substring(2));
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    return v.getBytes(StandardCharsets.UTF_8);
  }
}
