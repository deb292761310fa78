package dev.layerlab.shell.pkg;

import dev.layerlab.image.BuiltinStub;
import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Alpine's {@code apk add|del|info} over the bundled v3.8 index. The installed database
 * ({@code /lib/apk/db/installed}) and {@code /etc/apk/world} are rewritten in apk's own format.
 */
final class Apk implements Program {
  private static final String INSTALLED = "/lib/apk/db/installed";
  private static final String WORLD = "/etc/apk/world";
  private static final String[] REPOSITORIES = {"http://dl-cdn.alpinelinux.org/alpine/v3.8/main",
      "http://dl-cdn.alpinelinux.org/alpine/v3.8/community"};

  /** The applet links of the image's busybox, from the bundled listing of the alpine rootfs. */
  private static final java.util.Set<String> BUSYBOX_LINKS = busyboxLinks();

  private static java.util.Set<String> busyboxLinks() {
    java.util.Set<String> links = new java.util.HashSet<>();
    try (java.io.InputStream in = Apk.class.getResourceAsStream("/dev/layerlab/image/alpine-3.8.files.txt")) {
      if (in != null) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          String[] f = line.split("\t");
          if (f.length == 6 && f[5].equals("/bin/busybox")) {
            links.add(f[4]);
          }
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return java.util.Set.copyOf(links);
  }

  @Override
  public int run(ProgramContext ctx) {
    List<String> args = new ArrayList<>(ctx.operands());
    args.removeIf(a -> a.equals("--no-cache") || a.equals("--update") || a.equals("-U") || a.equals("-q"));
    Optional<Release> release = Release.of(ctx.vfs()).filter(r -> r.name().startsWith("alpine"));
    if (args.isEmpty()) {
      ctx.out().print("apk-tools 2.10.1, compiled for x86_64.\n\nusage: apk COMMAND [-h|--help] [-p|--root DIR] ...\n");
      return 1;
    }
    if (release.isEmpty()) {
      ctx.err().print("ERROR: layerlab has no package index for this system's release\n");
      return 1;
    }
    try {
      return command(ctx, release.get().index(), args);
    } catch (VfsException e) {
      ctx.err().print("ERROR: " + e.path() + ": " + e.reason() + "\n");
      return 1;
    }
  }

  private static int command(ProgramContext ctx, Map<String, Candidate> index, List<String> args) {
    State state = State.load(ctx.vfs(), index);
    List<String> names = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "add" -> add(ctx, index, state, names);
      case "del" -> del(ctx, index, state, names);
      case "info" -> info(ctx, index, state, names);
      default -> {
        ctx.err().print("apk: unknown command '" + args.get(0) + "'\n");
        yield 1;
      }
    };
  }

  private static void fetch(PrintStream out) {
    for (String r : REPOSITORIES) {
      out.print("fetch " + r + "/x86_64/APKINDEX.tar.gz\n");
    }
  }

  private static int add(ProgramContext ctx, Map<String, Candidate> index, State state, List<String> names) {
    fetch(ctx.out());
    List<String> missing = names.stream().filter(n -> !index.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      ctx.err().print("ERROR: unsatisfiable constraints:\n");
      for (String m : missing) {
        ctx.err().print("  " + m + " (missing):\n    required by: world[" + m + "]\n");
      }
      return missing.size();
    }
    LinkedHashSet<Candidate> plan = new LinkedHashSet<>();
    for (String n : names) {
      plan(index.get(n), index, state, plan);
    }
    int i = 0;
    List<String> changed = new ArrayList<>();
    for (Candidate c : plan) {
      ctx.out().print("(" + ++i + "/" + plan.size() + ") Installing " + c.name() + " (" + c.version() + ")\n");
      for (String script : List.of("pre-install", "post-install")) {
        if (scripts(c).contains(script)) {
          ctx.out().print("Executing " + c.name() + "-" + c.version() + "." + script + "\n");
        }
      }
      state.files.put(c.name(), unpack(ctx.vfs(), c));
      state.installed.add(c.name());
      changed.addAll(c.files());
    }
    state.world.addAll(names);
    state.save(ctx.vfs(), index);
    triggers(ctx, index, state, changed);
    ctx.out().print(state.ok(index));
    return 0;
  }

  private static void plan(Candidate c, Map<String, Candidate> index, State state, LinkedHashSet<Candidate> plan) {
    if (state.installed.contains(c.name()) || plan.contains(c)) {
      return;
    }
    for (List<String> group : c.depends()) {
      group.stream().filter(index::containsKey).findFirst().ifPresent(d -> plan(index.get(d), index, state, plan));
    }
    plan.add(c);
  }

  private static int del(ProgramContext ctx, Map<String, Candidate> index, State state, List<String> names) {
    state.world.removeAll(names);
    // what the remaining world still needs; the base system is always kept
    TreeSet<String> needed = new TreeSet<>();
    for (String w : state.world) {
      need(w, index, needed);
    }
    List<String> purge = new ArrayList<>();
    for (String n : state.installed) {
      Candidate c = index.get(n);
      if (!needed.contains(n) && c != null && !c.base()) {
        purge.add(0, n);
      }
    }
    int i = 0;
    List<String> changed = new ArrayList<>();
    for (String n : purge) {
      Candidate c = index.get(n);
      ctx.out().print("(" + ++i + "/" + purge.size() + ") Purging " + n + " (" + c.version() + ")\n");
      if (scripts(c).contains("post-deinstall")) {
        ctx.out().print("Executing " + n + "-" + c.version() + ".post-deinstall\n");
      }
      List<String> owned = new ArrayList<>(state.files.getOrDefault(n, List.of()));
      java.util.Collections.reverse(owned);
      for (String p : owned) {
        Stat st = ctx.vfs().lstatOrNull("/" + p);
        if (st != null && !st.isDirectory()) {
          ctx.vfs().unlink("/" + p);
        }
      }
      changed.addAll(c.files());
      for (String p : owned) {
        // busybox's trigger (busybox --install -s) puts back the applet links a package had replaced
        if (BUSYBOX_LINKS.contains("/" + p) && ctx.vfs().lstatOrNull("/" + p) == null) {
          ctx.vfs().symlink("/bin/busybox", "/" + p);
        }
      }
      state.installed.remove(n);
      state.files.remove(n);
    }
    state.save(ctx.vfs(), index);
    triggers(ctx, index, state, changed);
    ctx.out().print(state.ok(index));
    return 0;
  }

  /** The install scripts the package carries, as {@code Scripts:} in the index names them. */
  private static List<String> scripts(Candidate c) {
    return List.of(c.fields().getOrDefault("Scripts", "").trim().split("\\s+"));
  }

  /**
   * apk runs the trigger of every installed package that watches a directory the transaction
   * changed (busybox re-creates its applet links, ca-certificates rebuilds its bundle), in the
   * order of the installed database. {@code Triggers:} in the index lists the watched directories.
   */
  private static void triggers(ProgramContext ctx, Map<String, Candidate> index, State state, List<String> changed) {
    for (String n : state.installed) {
      Candidate c = index.get(n);
      if (c == null) {
        continue;
      }
      for (String dir : c.fields().getOrDefault("Triggers", "").trim().split("\\s+")) {
        if (!dir.isEmpty() && changed.stream().anyMatch(f -> f.split(" ")[0].startsWith(dir + "/"))) {
          ctx.out().print("Executing " + n + "-" + c.version() + ".trigger\n");
          break;
        }
      }
    }
  }

  private static void need(String name, Map<String, Candidate> index, TreeSet<String> needed) {
    Candidate c = index.get(name);
    if (c == null || !needed.add(name)) {
      return;
    }
    c.depends().forEach(g -> g.forEach(d -> need(d, index, needed)));
  }

  private static int info(ProgramContext ctx, Map<String, Candidate> index, State state, List<String> names) {
    if (names.isEmpty()) {
      state.installed.forEach(n -> ctx.out().print(n + "\n"));
      return 0;
    }
    for (String n : names) {
      Candidate c = index.get(n);
      if (c == null) {
        continue;
      }
      String id = n + "-" + c.version();
      ctx.out().print(id + " description:\n" + c.description() + "\n\n");
      ctx.out().print(id + " installed size:\n" + c.installedSize() + "\n\n");
    }
    return 0;
  }

  /** Writes a package's files; returns them as apk records them, relative to / (directories too). */
  private static List<String> unpack(Vfs vfs, Candidate c) {
    List<String> out = new ArrayList<>();
    for (String line : c.files()) {
      String[] f = line.split(" ");
      String path = f[0];
      String dir = path.substring(0, path.lastIndexOf('/'));
      StringBuilder sofar = new StringBuilder();
      for (String part : dir.substring(1).split("/")) {
        sofar.append('/').append(part);
        if (vfs.lstatOrNull(sofar.toString()) == null) {
          vfs.mkdir(sofar.toString(), 0755);
        }
      }
      // a busybox applet link at the path is replaced by the package's file, never written through
      Stat old = vfs.lstatOrNull(path);
      if (old != null && !old.isDirectory()) {
        vfs.unlink(path);
      }
      if (f.length == 3) {
        vfs.symlink(f[2], path);
      } else if (f.length == 2) {
        vfs.write(path, BuiltinStub.bytes(f[1]), Vfs.WriteMode.TRUNCATE, 0755);
      } else {
        vfs.write(path, ("# " + path + " from " + c.name() + "-" + c.version() + "\n").getBytes(StandardCharsets.UTF_8),
            Vfs.WriteMode.TRUNCATE, 0644);
      }
      out.add(path.substring(1));
    }
    return out;
  }

  /** The installed packages in database order, their files, and the world. */
  private static final class State {
    final LinkedHashSet<String> installed = new LinkedHashSet<>();
    final Map<String, List<String>> files = new LinkedHashMap<>();
    final TreeSet<String> world = new TreeSet<>();

    static State load(Vfs vfs, Map<String, Candidate> index) {
      State s = new State();
      String db = read(vfs, INSTALLED);
      String current = null;
      String dir = null;
      for (String line : db.split("\n")) {
        if (line.startsWith("P:")) {
          current = line.substring(2);
          s.installed.add(current);
        } else if (line.startsWith("F:")) {
          dir = line.substring(2);
        } else if (line.startsWith("R:") && current != null) {
          s.files.computeIfAbsent(current, k -> new ArrayList<>()).add(dir + "/" + line.substring(2));
        }
      }
      if (s.installed.isEmpty()) {
        // the image's database as shipped: its packages are the index's base set
        index.values().stream().filter(Candidate::base).forEach(c -> s.installed.add(c.name()));
      }
      for (String w : read(vfs, WORLD).split("\n")) {
        if (!w.isBlank()) {
          s.world.add(w.trim());
        }
      }
      return s;
    }

    void save(Vfs vfs, Map<String, Candidate> index) {
      StringBuilder b = new StringBuilder();
      for (String n : installed) {
        Candidate c = index.get(n);
        b.append("P:").append(n).append("\nV:").append(c == null ? "" : c.version()).append("\nA:x86_64\n");
        if (c != null) {
          b.append("I:").append(c.installedSize()).append("\nT:").append(c.description()).append('\n');
          if (c.fields().containsKey("Depends")) {
            b.append("D:").append(c.fields().get("Depends")).append('\n');
          }
        }
        String lastDir = null;
        for (String f : files.getOrDefault(n, List.of())) {
          String d = f.substring(0, f.lastIndexOf('/'));
          if (!d.equals(lastDir)) {
            b.append("F:").append(d).append('\n');
            lastDir = d;
          }
          b.append("R:").append(f.substring(f.lastIndexOf('/') + 1)).append('\n');
        }
        b.append('\n');
      }
      vfs.write(INSTALLED, b.toString().getBytes(StandardCharsets.UTF_8), Vfs.WriteMode.TRUNCATE, 0644);
      vfs.write(WORLD, (String.join("\n", world) + "\n").getBytes(StandardCharsets.UTF_8), Vfs.WriteMode.TRUNCATE,
          0644);
    }

    String ok(Map<String, Candidate> index) {
      long bytes = installed.stream().map(index::get).filter(java.util.Objects::nonNull)
          .mapToLong(Candidate::installedSize).sum();
      return "OK: " + bytes / (1024 * 1024) + " MiB in " + installed.size() + " packages\n";
    }

    private static String read(Vfs vfs, String path) {
      try {
        return new String(vfs.read(path), StandardCharsets.UTF_8);
      } catch (VfsException e) {
        return "";
      }
    }
  }
}
