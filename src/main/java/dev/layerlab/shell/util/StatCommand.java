package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VfsException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** GNU {@code stat [-L] [-c FORMAT | --printf FORMAT] FILE...}. */
final class StatCommand implements Program {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.nnnnnnnnn Z");
  private static final String DEFAULT =
      "  File: %\u0000\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Hd,%Ld\tInode: %-11i Links: %h\n"
      + "Access: (%04a/%A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n";
  private static final String DEFAULT_DEVICE = DEFAULT.replace("Links: %h\n", "Links: %-5h Device type: %Hr,%Lr\n");

  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "Lc:t", "dereference=L", "format=c", "printf:", "terse=t");
    if (a == null) {
      return 1;
    }
    if (a.operands().isEmpty()) {
      ctx.error("missing operand\nTry 'stat --help' for more information.");
      return 1;
    }
    int status = 0;
    StringBuilder out = new StringBuilder();
    Accounts accounts = Accounts.of(ctx.vfs());
    for (String f : a.operands()) {
      Stat st;
      String path = ctx.path(f);
      try {
        st = a.has("L") ? ctx.vfs().stat(path) : ctx.vfs().lstat(path);
      } catch (VfsException e) {
        Text.print(ctx.out(), out.toString());
        out.setLength(0);
        ctx.error("cannot statx " + Input.quote(f) + ": " + e.reason());
        status = 1;
        continue;
      }
      String target = st.isSymlink() ? ctx.vfs().readlink(path) : null;
      Formatter fmt = new Formatter(f, st, target, accounts, ctx.machine().zone(), a.value("c") == null && a.value("printf") == null);
      if (a.value("printf") != null) {
        out.append(fmt.format(Escapes.expand(a.value("printf"), false, new boolean[1])));
      } else if (a.value("c") != null) {
        out.append(fmt.format(a.value("c"))).append('\n');
      } else {
        out.append(fmt.format(st.type().isDevice() ? DEFAULT_DEVICE : DEFAULT));
      }
    }
    Text.print(ctx.out(), out.toString());
    return status;
  }

  /** Expands stat's % directives for one file. */
  private record Formatter(String name, Stat st, String target, Accounts accounts, ZoneId zone, boolean defaultFormat) {

    String format(String f) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < f.length(); i++) {
        char c = f.charAt(i);
        if (c != '%' || i + 1 >= f.length()) {
          out.append(c);
          continue;
        }
        int j = i + 1;
        while (j < f.length() && "-+ #0".indexOf(f.charAt(j)) >= 0) {
          j++;
        }
        while (j < f.length() && (Character.isDigit(f.charAt(j)) || f.charAt(j) == '.')) {
          j++;
        }
        if (j >= f.length()) {
          out.append(f, i, j);
          break;
        }
        String flags = f.substring(i + 1, j);
        char d = f.charAt(j);
        if ((d == 'H' || d == 'L') && j + 1 < f.length()) {
          char next = f.charAt(++j);
          long number = next == 'd' ? st.dev() : ((long) st.rdevMajor() << 8 | st.rdevMinor());
          long part = d == 'H' ? (number >> 8) & 0xfff : number & 0xff;
          out.append(String.format("%" + flags + "d", part));
          i = j;
          continue;
        }
        out.append(directive(d, flags));
        i = j;
      }
      return out.toString();
    }

    private String directive(char d, String flags) {
      return switch (d) {
        case '%' -> "%";
        case 'n' -> pad(name, flags);
        case '\u0000' -> shown(name) + (target == null ? "" : " -> " + shown(target));
        case 'N' -> pad(Input.quote(name) + (target == null ? "" : " -> " + Input.quote(target)), flags);
        case 'F' -> pad(st.isRegular() && st.size() == 0 ? "regular empty file" : st.type().statName(), flags);
        case 'a' -> num(Integer.toOctalString(st.mode() & 07777), flags);
        case 'A' -> pad(Modes.string(st), flags);
        case 'f' -> pad(Integer.toHexString(st.stMode()), flags);
        case 's' -> num(Long.toString(st.size()), flags);
        case 'b' -> num(Long.toString(Modes.blocks(st)), flags);
        case 'B' -> num("512", flags);
        case 'o' -> num("4096", flags);
        case 'h' -> num(Long.toString(st.nlink()), flags);
        case 'i' -> num(Long.toString(st.ino()), flags);
        case 'd' -> num(Long.toString(st.dev()), flags);
        case 'D' -> pad(Long.toHexString(st.dev()), flags);
        case 't' -> pad(Integer.toHexString(st.type().isDevice() ? st.rdevMajor() : 0), flags);
        case 'T' -> pad(Integer.toHexString(st.type().isDevice() ? st.rdevMinor() : 0), flags);
        case 'u' -> num(Integer.toString(st.uid()), flags);
        case 'g' -> num(Integer.toString(st.gid()), flags);
        case 'U' -> pad(accounts.hasUser(st.uid()) ? accounts.user(st.uid()) : "UNKNOWN", flags);
        case 'G' -> pad(accounts.hasGroup(st.gid()) ? accounts.group(st.gid()) : "UNKNOWN", flags);
        case 'x' -> pad(time(st.atime()), flags);
        case 'y' -> pad(time(st.mtime()), flags);
        case 'z' -> pad(time(st.ctime()), flags);
        case 'w' -> pad("-", flags);
        case 'X' -> num(Long.toString(st.atime().getEpochSecond()), flags);
        case 'Y' -> num(Long.toString(st.mtime().getEpochSecond()), flags);
        case 'Z' -> num(Long.toString(st.ctime().getEpochSecond()), flags);
        case 'W' -> num("0", flags);
        default -> "?";
      };
    }

    /** The default format shows plain names bare and quotes only names that need it. */
    private static String shown(String s) {
      return s.matches("[A-Za-z0-9_@%+=:,./-]+") ? s : Input.quote(s);
    }

    private String time(Instant t) {
      return TIME.format(t.atZone(zone));
    }

    private static String pad(String s, String flags) {
      return flags.isEmpty() ? s : String.format("%" + flags.replace("0", "") + "s", s);
    }

    private static String num(String s, String flags) {
      if (flags.isEmpty()) {
        return s;
      }
      if (flags.contains("0") && !flags.contains("-")) {
        return String.format("%" + flags + "d", Long.parseLong(s));
      }
      return String.format("%" + flags + "s", s);
    }
  }

  static boolean isDevice(FileType t) {
    return t.isDevice();
  }
}
