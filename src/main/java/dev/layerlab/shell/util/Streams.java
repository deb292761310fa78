package dev.layerlab.shell.util;

import dev.layerlab.shell.ProgramContext;
import dev.layerlab.shell.lang.Quoting;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small stream filters: tee, tr, xargs, date. */
final class Streams {
  private Streams() {}

  static int tee(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "a", "append=a");
    if (a == null) {
      return 1;
    }
    byte[] data;
    try {
      data = ctx.in().readAllBytes();
    } catch (IOException e) {
      return 1;
    }
    ctx.out().write(data, 0, data.length);
    int status = 0;
    for (String f : a.operands()) {
      try {
        ctx.vfs().write(ctx.path(f), data, a.has("a") ? Vfs.WriteMode.APPEND : Vfs.WriteMode.TRUNCATE, 0644);
      } catch (VfsException e) {
        ctx.error(f + ": " + e.reason());
        status = 1;
      }
    }
    return status;
  }

  static int tr(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "dsc", "delete=d", "squeeze-repeats=s");
    if (a == null) {
      return 1;
    }
    List<String> ops = a.operands();
    if (ops.isEmpty() || (!a.has("d") && !a.has("s") && ops.size() < 2)) {
      ctx.error(ops.isEmpty() ? "missing operand" : "missing operand after " + Input.quote(ops.get(0)));
      ctx.err().print("Try 'tr --help' for more information.\n");
      return 1;
    }
    String set1 = expandSet(ops.get(0));
    String set2 = ops.size() > 1 ? expandSet(ops.get(1)) : "";
    String text;
    try {
      text = new String(ctx.in().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return 1;
    }
    StringBuilder out = new StringBuilder();
    char last = 0;
    boolean haveLast = false;
    for (char c : text.toCharArray()) {
      int i = set1.indexOf(c);
      if (a.has("d") && i >= 0) {
        continue;
      }
      char o = c;
      if (!a.has("d") && i >= 0 && !set2.isEmpty()) {
        o = set2.charAt(Math.min(i, set2.length() - 1));
      }
      String squeeze = a.has("d") ? set2 : set2.isEmpty() ? set1 : set2;
      if (a.has("s") && haveLast && o == last && squeeze.indexOf(o) >= 0) {
        continue;
      }
      out.append(o);
      last = o;
      haveLast = true;
    }
    Text.print(ctx.out(), out.toString());
    return 0;
  }

  private static String expandSet(String set) {
    String s = set.replace("[:lower:]", "a-z").replace("[:upper:]", "A-Z").replace("[:digit:]", "0-9")
        .replace("[:space:]", " \t\n\r\f\u000b").replace("[:alpha:]", "a-zA-Z").replace("[:alnum:]", "a-zA-Z0-9");
    s = Escapes.expand(s, false, new boolean[1]);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (i + 2 < s.length() && s.charAt(i + 1) == '-' && s.charAt(i) <= s.charAt(i + 2)) {
        for (char c = s.charAt(i); c <= s.charAt(i + 2); c++) {
          out.append(c);
        }
        i += 2;
      } else {
        out.append(s.charAt(i));
      }
    }
    return out.toString();
  }

  static int xargs(ProgramContext ctx) {
    List<String> command = new ArrayList<>(ctx.operands());
    if (command.isEmpty()) {
      command.add("echo");
    }
    String input;
    try {
      input = new String(ctx.in().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return 1;
    }
    List<String> words = new ArrayList<>();
    for (String w : input.trim().split("\\s+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    if (words.isEmpty() && !command.get(0).equals("echo")) {
      return 0;
    }
    StringBuilder line = new StringBuilder();
    for (String part : command) {
      line.append(Quoting.shell(part)).append(' ');
    }
    for (String w : words) {
      line.append(Quoting.shell(w)).append(' ');
    }
    int status = ctx.scripts().run(line.toString(), "xargs", List.of(), ctx);
    return status == 0 ? 0 : status == 127 ? 127 : 123;
  }

  static int date(ProgramContext ctx) {
    ZonedDateTime now = ctx.machine().clock().instant().atZone(ctx.machine().zone());
    String format = null;
    for (String a : ctx.operands()) {
      if (a.startsWith("+")) {
        format = a.substring(1);
      } else if (a.equals("-u") || a.equals("--utc")) {
        now = now.withZoneSameInstant(java.time.ZoneOffset.UTC);
      } else {
        ctx.error("invalid date " + Input.quote(a));
        return 1;
      }
    }
    if (format == null) {
      String zone = now.getZone().getId().equals("Z") ? "UTC" : now.format(DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH));
      ctx.out().print(now.format(DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss", Locale.ENGLISH)) + " " + zone
          + " " + now.getYear() + "\n");
      return 0;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%' || i + 1 >= format.length()) {
        out.append(c);
        continue;
      }
      char d = format.charAt(++i);
      out.append(switch (d) {
        case 'Y' -> String.format("%04d", now.getYear());
        case 'm' -> String.format("%02d", now.getMonthValue());
        case 'd' -> String.format("%02d", now.getDayOfMonth());
        case 'H' -> String.format("%02d", now.getHour());
        case 'M' -> String.format("%02d", now.getMinute());
        case 'S' -> String.format("%02d", now.getSecond());
        case 's' -> Long.toString(now.toEpochSecond());
        case 'F' -> now.toLocalDate().toString();
        case 'T' -> String.format("%02d:%02d:%02d", now.getHour(), now.getMinute(), now.getSecond());
        case 'Z' -> "UTC";
        case 'z' -> "+0000";
        case 'N' -> String.format("%09d", now.getNano());
        case '%' -> "%";
        default -> "%" + d;
      });
    }
    ctx.out().print(out + "\n");
    return 0;
  }
}
