package dev.layerlab.shell.util;

import dev.layerlab.shell.Machine.MountEntry;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Credentials;
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

  /** id: the process's own uid, gid and groups (-u, -g, -G, with -n their names). */
  static int id(ProgramContext ctx) {
    Accounts acc = Accounts.of(ctx.vfs());
    Credentials cred = ctx.machine().credentials();
    List<Integer> groups = new ArrayList<>();
    groups.add(cred.gid());
    cred.groups().stream().filter(g -> !groups.contains(g)).forEach(groups::add);
    String flags = String.join("", ctx.operands().stream().filter(o -> o.startsWith("-")).toList()).replace("-", "");
    boolean name = flags.contains("n");
    boolean ok = true;
    StringBuilder out = new StringBuilder();
    if (flags.contains("u")) {
      ok = name(ctx, out, name, cred.uid(), acc.hasUser(cred.uid()), acc.user(cred.uid()), "user");
    } else if (flags.contains("g")) {
      ok = name(ctx, out, name, cred.gid(), acc.hasGroup(cred.gid()), acc.group(cred.gid()), "group");
    } else if (flags.contains("G")) {
      for (int g : groups) {
        out.append(out.length() == 0 ? "" : " ");
        ok &= name(ctx, out, name, g, acc.hasGroup(g), acc.group(g), "group");
      }
    } else {
      out.append("uid=").append(withName(cred.uid(), acc.hasUser(cred.uid()), acc.user(cred.uid())))
          .append(" gid=").append(withName(cred.gid(), acc.hasGroup(cred.gid()), acc.group(cred.gid())))
          .append(" groups=");
      for (int i = 0; i < groups.size(); i++) {
        int g = groups.get(i);
        out.append(i == 0 ? "" : ",").append(withName(g, acc.hasGroup(g), acc.group(g)));
      }
    }
    ctx.out().print(out + "\n");
    return ok ? 0 : 1;
  }

  private static String withName(int id, boolean known, String name) {
    return known ? id + "(" + name + ")" : Integer.toString(id);
  }

  /** One id, or its name with -n; an id without a name is printed as a number after an error. */
  private static boolean name(ProgramContext ctx, StringBuilder out, boolean wantName, int id, boolean known,
      String name, String kind) {
    if (!wantName) {
      out.append(id);
      return true;
    }
    if (!known) {
      ctx.error("cannot find name for " + kind + " ID " + id);
    }
    out.append(name);
    return known;
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
