package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** attr's {@code getfattr [-d] [-m PATTERN] [-n NAME] [-e ENC] [--only-values] [--absolute-names] [-R] FILE...}. */
final class Getfattr implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "dm:n:e:RhLP", "dump=d", "match=m", "name=n", "encoding=e", "only-values",
        "absolute-names", "recursive=R", "no-dereference=h");
    if (a == null) {
      return 1;
    }
    if (a.operands().isEmpty()) {
      ctx.err().print("Usage: getfattr [-hRLP] [-n name|-d] [-e en] [-m pattern] path...\n"
          + "Try `getfattr --help' for more information.\n");
      return 1;
    }
    String m = a.value("m");
    Pattern pattern;
    try {
      pattern = Pattern.compile(m == null ? "^user\\." : m.equals("-") ? "" : m);
    } catch (PatternSyntaxException e) {
      ctx.error("invalid pattern " + m);
      return 1;
    }
    String encoding = a.value("e");
    if (encoding != null && !List.of("text", "hex", "base64").contains(encoding)) {
      ctx.err().print("getfattr: Unrecognized encoding `" + encoding + "'\n");
      return 1;
    }
    Dump dump = new Dump(ctx, a, pattern, encoding);
    boolean warned = false;
    for (String f : a.operands()) {
      if (f.startsWith("/") && !a.has("absolute-names") && !warned && !a.has("only-values")) {
        ctx.err().print("getfattr: Removing leading '/' from absolute path names\n");
        warned = true;
      }
      dump.file(f, true);
    }
    Text.print(ctx.out(), dump.out.toString());
    return dump.status;
  }

  /** The output for all files, in order. */
  private static final class Dump {
    final ProgramContext ctx;
    final Args a;
    final Pattern pattern;
    final String encoding;
    final StringBuilder out = new StringBuilder();
    int status;

    Dump(ProgramContext ctx, Args a, Pattern pattern, String encoding) {
      this.ctx = ctx;
      this.a = a;
      this.pattern = pattern;
      this.encoding = encoding;
    }

    void file(String shown, boolean top) {
      String path = ctx.path(shown);
      Stat st;
      List<String> names;
      try {
        st = ctx.vfs().lstat(path);
        names = new ArrayList<>(ctx.vfs().listxattr(path));
      } catch (VfsException e) {
        flushError(shown + ": " + e.reason(), true);
        return;
      }
      names.sort(null);
      String label = shown.startsWith("./") ? shown.substring(2) : shown;
      if (!a.has("absolute-names")) {
        label = label.replaceFirst("^/+", "");
      }
      StringBuilder block = new StringBuilder();
      if (a.has("n")) {
        String name = a.value("n");
        try {
          byte[] value = ctx.vfs().getxattr(path, name);
          if (a.has("only-values")) {
            out.append(raw(value));
          } else {
            block.append(name).append('=').append(encode(value, encoding)).append('\n');
          }
        } catch (VfsException e) {
          flushError(label + ": " + name + ": " + (e.errno() == Errno.ENODATA ? "No such attribute" : e.reason()), false);
        }
      } else {
        for (String name : names) {
          if (!pattern.matcher(name).find()) {
            continue;
          }
          if (a.has("d") || encoding != null) {
            byte[] value = ctx.vfs().getxattr(path, name);
            if (a.has("only-values")) {
              out.append(raw(value));
              continue;
            }
            block.append(name).append('=').append(encode(value, encoding)).append('\n');
          } else {
            block.append(name).append('\n');
          }
        }
      }
      if (block.length() > 0) {
        out.append("# file: ").append(label).append('\n').append(block).append('\n');
      }
      if (a.has("R") && st.isDirectory()) {
        for (DirEntry d : ctx.vfs().readDir(path)) {
          file(shown.endsWith("/") ? shown + d.name() : shown + "/" + d.name(), false);
        }
      }
    }

    private void flushError(String message, boolean prefix) {
      Text.print(ctx.out(), out.toString());
      out.setLength(0);
      ctx.err().print((prefix ? "getfattr: " : "") + message + "\n");
      status = 1;
    }
  }

  /** A value as getfattr shows it: quoted text when printable, else base64, or as {@code -e} says. */
  static String encode(byte[] value, String encoding) {
    String enc = encoding;
    if (enc == null) {
      enc = isText(value) ? "text" : "base64";
    }
    switch (enc) {
      case "hex": {
        StringBuilder sb = new StringBuilder("0x");
        for (byte b : value) {
          sb.append(String.format("%02x", b & 0xff));
        }
        return sb.toString();
      }
      case "base64":
        return "0s" + Base64.getEncoder().encodeToString(value);
      default: {
        StringBuilder sb = new StringBuilder("\"");
        int len = value.length;
        if (len > 0 && value[len - 1] == 0) {
          len--;
        }
        for (int i = 0; i < len; i++) {
          int b = value[i] & 0xff;
          if (b == '"' || b == '\\') {
            sb.append('\\').append((char) b);
          } else if (b == 0 || b == '\n' || b == '\r') {
            sb.append(String.format("\\%03o", b));
          } else {
            sb.append(b >= 0x80 ? Text.rawByte(b) : (char) b);
          }
        }
        return sb.append('"').toString();
      }
    }
  }

  private static String raw(byte[] value) {
    StringBuilder sb = new StringBuilder(value.length);
    for (byte b : value) {
      sb.append((b & 0xff) >= 0x80 ? Text.rawByte(b) : (char) b);
    }
    return sb.toString();
  }

  private static boolean isText(byte[] value) {
    for (int i = 0; i < value.length; i++) {
      int b = value[i] & 0xff;
      boolean trailingNul = b == 0 && i == value.length - 1;
      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && !trailingNul) || b >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  static String name(String p) {
    return VPaths.name(p);
  }
}
