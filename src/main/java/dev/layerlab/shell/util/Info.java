package dev.layerlab.shell.util;

import dev.layerlab.shell.Machine.MountEntry;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The utilities that report on the machine: env, id, hostname, uname, which, mount. */
final class Info {
  private static final String KERNEL = "4.15.0-36-generic";
  private static final String VERSION = "#39-Ubuntu SMP Mon Sep 24 16:19:09 UTC 2018";

  private Info() {}

  static int env(ProgramContext ctx) {
    List<String> ops = ctx.operands();
    int i = 0;
    StringBuilder prefix = new StringBuilder();
    boolean ignore = false;
    while (i < ops.size() && (ops.get(i).contains("=") || ops.get(i).equals("-i") || ops.get(i).equals("-"))) {
      if (ops.get(i).contains("=")) {
        String a = ops.get(i);
        prefix.append(a, 0, a.indexOf('=') + 1).append(dev.layerlab.shell.lang.Quoting.shell(a.substring(a.indexOf('=') + 1)))
            .append(' ');
      } else {
        ignore = true;
      }
      i++;
    }
    if (i < ops.size()) {
      StringBuilder cmd = new StringBuilder(prefix);
      for (String arg : ops.subList(i, ops.size())) {
        cmd.append(dev.layerlab.shell.lang.Quoting.shell(arg)).append(' ');
      }
      return ctx.scripts().run(cmd.toString(), "env", List.of(), ctx);
    }
    StringBuilder out = new StringBuilder();
    if (!ignore) {
      for (Map.Entry<String, String> e : ctx.env().entrySet()) {
        out.append(e.getKey()).append('=').append(e.getValue()).append('\n');
      }
    }
    for (String a : ops) {
      if (a.contains("=")) {
        out.append(a).append('\n');
      }
    }
    Text.print(ctx.out(), out.toString());
    return 0;
  }

  static int id(ProgramContext ctx) {
    Accounts acc = Accounts.of(ctx.vfs());
    List<String> ops = ctx.operands();
    boolean name = ops.contains("-n") || ops.contains("-un") || ops.contains("-gn");
    if (ops.contains("-u") || ops.contains("-un")) {
      ctx.out().print((name ? acc.user(0) : "0") + "\n");
    } else if (ops.contains("-g") || ops.contains("-gn")) {
      ctx.out().print((name ? acc.group(0) : "0") + "\n");
    } else {
      ctx.out().print("uid=0(" + acc.user(0) + ") gid=0(" + acc.group(0) + ") groups=0(" + acc.group(0) + ")\n");
    }
    return 0;
  }

  static int hostname(ProgramContext ctx) {
    ctx.out().print(ctx.machine().hostname() + "\n");
    return 0;
  }

  static int uname(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "asnrvmpio", "all=a", "kernel-name=s", "nodename=n", "kernel-release=r",
        "kernel-version=v", "machine=m", "processor=p", "hardware-platform=i", "operating-system=o");
    if (a == null) {
      return 1;
    }
    boolean all = a.has("a");
    List<String> parts = new ArrayList<>();
    if (all || a.has("s") || (!a.has("n") && !a.has("r") && !a.has("v") && !a.has("m") && !a.has("o") && !a.has("p") && !a.has("i"))) {
      parts.add("Linux");
    }
    if (all || a.has("n")) {
      parts.add(ctx.machine().hostname());
    }
    if (all || a.has("r")) {
      parts.add(KERNEL);
    }
    if (all || a.has("v")) {
      parts.add(VERSION);
    }
    if (all || a.has("m")) {
      parts.add("x86_64");
    }
    if (all || a.has("p")) {
      parts.add("x86_64");
    }
    if (all || a.has("i")) {
      parts.add("x86_64");
    }
    if (all || a.has("o")) {
      parts.add("GNU/Linux");
    }
    ctx.out().print(String.join(" ", parts) + "\n");
    return 0;
  }

  static int which(ProgramContext ctx) {
    int status = 0;
    String path = ctx.env().getOrDefault("PATH", "");
    for (String name : ctx.operands()) {
      String found = null;
      if (name.contains("/")) {
        found = executable(ctx, ctx.path(name)) ? name : null;
      } else {
        for (String dir : path.split(":")) {
          String candidate = VPaths.child(dir.isEmpty() ? "." : dir, name);
          if (executable(ctx, ctx.path(candidate))) {
            found = candidate;
            break;
          }
        }
      }
      if (found == null) {
        status = 1;
      } else {
        ctx.out().print(found + "\n");
      }
    }
    return status;
  }

  private static boolean executable(ProgramContext ctx, String path) {
    try {
      Stat st = ctx.vfs().stat(path);
      return st.isRegular() && (st.mode() & 0111) != 0;
    } catch (VfsException e) {
      return false;
    }
  }

  static int mount(ProgramContext ctx) {
    List<String> ops = ctx.operands();
    String type = null;
    for (int i = 0; i < ops.size(); i++) {
      if (ops.get(i).equals("-t") && i + 1 < ops.size()) {
        type = ops.get(++i);
      } else if (!ops.get(i).equals("-l")) {
        ctx.error("only listing mounts is supported here; the engine mounts overlays itself");
        return 1;
      }
    }
    StringBuilder out = new StringBuilder();
    for (MountEntry m : ctx.machine().mounts()) {
      if (type == null || type.equals(m.type())) {
        out.append(m.source()).append(" on ").append(m.target()).append(" type ").append(m.type())
            .append(" (").append(m.options()).append(")\n");
      }
    }
    Text.print(ctx.out(), out.toString());
    return 0;
  }
}
