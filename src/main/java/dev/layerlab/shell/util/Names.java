package dev.layerlab.shell.util;

import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.List;

/** The path-name utilities: basename, dirname, readlink, realpath. */
final class Names {
  private Names() {}

  static int basename(ProgramContext ctx) {
    List<String> ops = ctx.operands();
    if (ops.isEmpty()) {
      ctx.error("missing operand\nTry 'basename --help' for more information.");
      return 1;
    }
    String name = base(ops.get(0));
    if (ops.size() > 1 && name.endsWith(ops.get(1)) && !name.equals(ops.get(1))) {
      name = name.substring(0, name.length() - ops.get(1).length());
    }
    ctx.out().print(name + "\n");
    return 0;
  }

  static String base(String s) {
    String t = s.replaceAll("/+$", "");
    if (t.isEmpty()) {
      return s.isEmpty() ? "" : "/";
    }
    return t.substring(t.lastIndexOf('/') + 1);
  }

  static int dirname(ProgramContext ctx) {
    if (ctx.operands().isEmpty()) {
      ctx.error("missing operand\nTry 'dirname --help' for more information.");
      return 1;
    }
    for (String s : ctx.operands()) {
      String t = s.replaceAll("/+$", "");
      String d;
      if (t.isEmpty()) {
        d = s.isEmpty() ? "." : "/";
      } else if (!t.contains("/")) {
        d = ".";
      } else {
        d = t.substring(0, t.lastIndexOf('/')).replaceAll("/+$", "");
        if (d.isEmpty()) {
          d = "/";
        }
      }
      ctx.out().print(d + "\n");
    }
    return 0;
  }

  static int readlink(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "femnqsv", "canonicalize=f", "canonicalize-existing=e", "canonicalize-missing=m",
        "no-newline=n");
    if (a == null) {
      return 1;
    }
    int status = 0;
    boolean canon = a.has("f") || a.has("e") || a.has("m") || ctx.name().equals("realpath");
    for (String f : a.operands()) {
      try {
        String v = canon ? canonical(ctx, ctx.path(f), a.has("e") || ctx.name().equals("realpath")) : ctx.vfs().readlink(ctx.path(f));
        if (v == null) {
          status = 1;
          continue;
        }
        ctx.out().print(v + (a.has("n") ? "" : "\n"));
      } catch (VfsException e) {
        if (ctx.name().equals("realpath")) {
          ctx.error(f + ": " + e.reason());
        }
        status = 1;
      }
    }
    return status;
  }

  /** The path with every symlink resolved; null when a component is missing and it must exist. */
  static String canonical(ProgramContext ctx, String path, boolean mustExist) {
    List<String> todo = new ArrayList<>(VPaths.names(path));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String name = todo.remove(0);
      if (name.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      String cur = "/" + String.join("/", done) + (done.isEmpty() ? "" : "/") + name;
      Stat st;
      try {
        st = ctx.vfs().lstat(cur);
      } catch (VfsException e) {
        if (mustExist || !todo.isEmpty()) {
          throw e;
        }
        done.add(name);
        continue;
      }
      if (st.isSymlink() && ++links < 40) {
        String target = ctx.vfs().readlink(cur);
        List<String> t = new ArrayList<>(VPaths.names(target));
        t.addAll(todo);
        todo = t;
        if (target.startsWith("/")) {
          done.clear();
        }
        continue;
      }
      done.add(name);
    }
    return "/" + String.join("/", done);
  }
}
