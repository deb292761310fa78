package dev.layerlab.shell.pkg;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@code apt-get update | install [-y] PKG... | remove [-y] PKG...} over the release's bundled index. */
final class AptGet implements Program {
  static final String UBUNTU_MAINTAINER = "Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>";

  @Override
  public int run(ProgramContext ctx) {
    boolean yes = false;
    boolean recommends = true;
    List<String> words = new ArrayList<>();
    for (String a : ctx.operands()) {
      if (a.equals("-y") || a.equals("--yes") || a.equals("--assume-yes") || a.equals("-yq") || a.equals("-qy")) {
        yes = true;
      } else if (a.equals("--no-install-recommends")) {
        recommends = false;
      } else if (a.equals("-q") || a.equals("-qq")) {
        continue; // accepted; output stays as it is
      } else if (a.startsWith("-")) {
        ctx.err().print("E: Command line option '" + a.replaceFirst("^-+", "").substring(0, 1) + "' [from " + a
            + "] is not understood in combination with the other options.\n");
        return 100;
      } else {
        words.add(a);
      }
    }
    if (words.isEmpty()) {
      ctx.out().print("Usage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]\n");
      return 1;
    }
    Optional<Release> release = Release.of(ctx.vfs());
    if (release.isEmpty() || release.get().name().startsWith("alpine")) {
      ctx.err().print("E: layerlab has no package index for this system's release\n");
      return 100;
    }
    List<String> packages = words.subList(1, words.size());
    try {
      return operation(ctx, release.get(), words.get(0), packages, yes, recommends);
    } catch (dev.layerlab.vfs.VfsException e) {
      // dpkg stops at the failing file; apt reports dpkg's failure in its own words
      ctx.err().print("dpkg: error processing (--unpack):\n unable to write '" + e.path() + "': " + e.reason() + "\n");
      ctx.err().print("E: Sub-process /usr/bin/dpkg returned an error code (1)\n");
      return 100;
    }
  }

  private static int operation(ProgramContext ctx, Release release, String op, List<String> packages, boolean yes,
      boolean recommends) {
    return switch (op) {
      case "update" -> update(ctx, release);
      case "install" -> install(ctx, release, packages, yes, recommends);
      case "remove", "purge" -> remove(ctx, release, packages, yes, false);
      case "autoremove" -> remove(ctx, release, packages, yes, true);
      default -> {
        ctx.err().print("E: Invalid operation " + op + "\n");
        yield 100;
      }
    };
  }

  private static int update(ProgramContext ctx, Release release) {
    int n = 0;
    long bytes = 0;
    for (String[] s : release.updateSources()) {
      n++;
      if (s[0].equals("Ign")) {
        ctx.out().print("Ign:" + n + " " + s[1] + " " + s[2] + "\n");
        continue;
      }
      ctx.out().print("Get:" + n + " " + s[1] + " " + s[2] + " [" + s[3] + "]\n");
      bytes += Sizes.parse(s[3]);
      AptLists.store(ctx.vfs(), release, s[1], s[2]);
    }
    ctx.out().print(Sizes.fetched(bytes));
    readingLists(ctx);
    return 0;
  }

  private static void readingLists(ProgramContext ctx) {
    ctx.out().print(ctx.tty() ? "Reading package lists... Done\n" : "Reading package lists...\n");
  }

  private static void preamble(ProgramContext ctx) {
    readingLists(ctx);
    ctx.out().print(ctx.tty() ? "Building dependency tree       \n" : "Building dependency tree...\n");
    ctx.out().print(ctx.tty() ? "Reading state information... Done\n" : "Reading state information...\n");
  }

  private static int install(ProgramContext ctx, Release release, List<String> names, boolean yes,
      boolean recommends) {
    PrintStream out = ctx.out();
    Dpkg dpkg = Dpkg.open(ctx.vfs());
    Map<String, Candidate> index = AptLists.present(ctx.vfs()) ? release.index() : Map.of();
    preamble(ctx);
    for (String name : names) {
      if (!index.containsKey(name) && !dpkg.isInstalled(name)) {
        ctx.err().print("E: Unable to locate package " + name + "\n");
        return 100;
      }
    }
    Set<String> requested = new LinkedHashSet<>();
    for (String name : names) {
      if (dpkg.isInstalled(name)) {
        out.print(name + " is already the newest version (" + dpkg.find(name).get().get("Version") + ").\n");
      } else {
        requested.add(name);
      }
    }
    InstallPlan planned = InstallPlan.of(new ArrayList<>(requested), index, dpkg, recommends);
    List<Candidate> plan = planned.packages();
    List<String> all = plan.stream().map(Candidate::name).sorted().toList();
    List<String> extra = all.stream().filter(n -> !requested.contains(n)).toList();
    if (!extra.isEmpty()) {
      out.print("The following additional packages will be installed:\n" + Sizes.wrapped(extra, ctx.width()));
    }
    if (!planned.suggested().isEmpty()) {
      out.print("Suggested packages:\n" + Sizes.wrapped(planned.suggested(), ctx.width()));
    }
    if (!planned.recommendedLeftOut().isEmpty()) {
      out.print("Recommended packages:\n" + Sizes.wrapped(planned.recommendedLeftOut(), ctx.width()));
    }
    if (!all.isEmpty()) {
      out.print("The following NEW packages will be installed:\n" + Sizes.wrapped(all, ctx.width()));
    }
    out.print("0 upgraded, " + all.size() + " newly installed, 0 to remove and 0 not upgraded.\n");
    if (plan.isEmpty()) {
      return 0;
    }
    long download = plan.stream().mapToLong(Candidate::size).sum();
    long installed = plan.stream().mapToLong(Candidate::installedSize).sum() * 1024;
    out.print("Need to get " + Sizes.apt(download) + " of archives.\n");
    out.print("After this operation, " + Sizes.apt(installed) + " of additional disk space will be used.\n");
    // apt asks only when it does more than the command line named
    if (!extra.isEmpty() && !yes && !confirm(ctx)) {
      return 1;
    }
    int n = 0;
    for (Candidate c : plan) {
      out.print("Get:" + ++n + " " + release.repository(c.archive()) + " " + c.archive() + " amd64 " + c.name() + " "
          + c.architecture() + " " + c.version() + " [" + Sizes.apt(c.size()) + "]\n");
    }
    // dpkg-preconfigure warns on stderr; apt's stdout reaches a pipe only when its buffer is
    // flushed, so build logs show the warning before the Fetched line, terminals after it
    String debconf = "debconf: delaying package configuration, since apt-utils is not installed\n";
    ctx.err().print(ctx.tty() ? "" : debconf);
    out.print(Sizes.fetched(download));
    out.flush();
    ctx.err().print(ctx.tty() ? debconf : "");
    unpackAll(ctx, release, dpkg, plan);
    markAuto(ctx, plan, requested);
    return 0;
  }

  private static void unpackAll(ProgramContext ctx, Release release, Dpkg dpkg, List<Candidate> plan) {
    PrintStream out = ctx.out();
    // apt 1.3 and later hand dpkg numbered archive names when it unpacks more than five at once
    // (logs of stretch and bionic runs: five archives unnumbered, six numbered 0- to 5-)
    boolean numbered = !release.name().equals("xenial") && plan.size() > 5;
    int digits = String.valueOf(plan.size() - 1).length();
    String maintainer = release.name().equals("stretch") ? "Debian" : UBUNTU_MAINTAINER;
    String note = release.name().equals("stretch")
        ? "layerlab stand-in for the package's copyright file; see the Debian archive for the real one."
        : "layerlab stand-in for the package's copyright file; see the Ubuntu archive for the real one.";
    Map<Candidate, List<String>> owned = new LinkedHashMap<>();
    for (int i = 0; i < plan.size(); i++) {
      Candidate c = plan.get(i);
      out.print("Selecting previously unselected package " + c.qualifiedName() + ".\n");
      if (i == 0) {
        out.print("(Reading database ... " + dpkg.pathCount() + " files and directories currently installed.)\n");
      }
      String prefix = numbered ? String.format("%0" + digits + "d-", i) : "";
      out.print("Preparing to unpack .../" + prefix + c.name() + "_" + c.version().replace(":", "%3a") + "_"
          + c.architecture() + ".deb ...\n");
      out.print("Unpacking " + c.qualifiedName() + " (" + c.version() + ") ...\n");
      owned.put(c, dpkg.unpack(c, note));
    }
    boolean libraries = false;
    for (Candidate c : plan) {
      dpkg.record(c, owned.get(c), maintainer);
      out.print("Setting up " + c.qualifiedName() + " (" + c.version() + ") ...\n");
      for (String alt : c.alternatives()) {
        String[] a = alt.split(" ");
        if (ctx.vfs().lstatOrNull("/etc/alternatives/" + a[1]) == null) {
          dpkg.alternative(a[0], a[1], a[2]);
          out.print("update-alternatives: using " + a[2] + " to provide " + a[0] + " (" + a[1] + ") in auto mode\n");
        }
      }
      libraries |= c.files().stream().anyMatch(f -> f.contains(".so"));
    }
    dpkg.save();
    Optional<Map<String, String>> libcBin = dpkg.find("libc-bin");
    if (libraries && libcBin.isPresent()) {
      out.print("Processing triggers for libc-bin (" + libcBin.get().get("Version") + ") ...\n");
    }
  }

  private static void markAuto(ProgramContext ctx, List<Candidate> plan, Set<String> requested) {
    StringBuilder b = new StringBuilder();
    try {
      b.append(new String(ctx.vfs().read(EXTENDED_STATES), java.nio.charset.StandardCharsets.UTF_8));
    } catch (dev.layerlab.vfs.VfsException e) {
      // first automatic install
    }
    for (Candidate c : plan) {
      if (!requested.contains(c.name())) {
        b.append("Package: ").append(c.name()).append("\nArchitecture: amd64\nAuto-Installed: 1\n\n");
      }
    }
    ctx.vfs().write(EXTENDED_STATES, b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        dev.layerlab.vfs.Vfs.WriteMode.TRUNCATE, 0644);
  }

  static final String EXTENDED_STATES = "/var/lib/apt/extended_states";

  private static boolean confirm(ProgramContext ctx) {
    ctx.out().print("Do you want to continue? [Y/n] ");
    ctx.out().flush();
    String answer = readLine(ctx);
    if (answer != null && (answer.isBlank() || answer.trim().equalsIgnoreCase("y")
        || answer.trim().equalsIgnoreCase("yes"))) {
      return true;
    }
    if (answer == null) {
      ctx.out().print("\n");
    }
    ctx.out().print("Abort.\n");
    return false;
  }

  private static String readLine(ProgramContext ctx) {
    StringBuilder b = new StringBuilder();
    try {
      int c;
      while ((c = ctx.in().read()) != -1) {
        if (c == '\n') {
          return b.toString();
        }
        b.append((char) c);
      }
    } catch (IOException e) {
      return null;
    }
    return b.length() == 0 ? null : b.toString();
  }

  private static int remove(ProgramContext ctx, Release release, List<String> names, boolean yes, boolean auto) {
    PrintStream out = ctx.out();
    Dpkg dpkg = Dpkg.open(ctx.vfs());
    Map<String, Candidate> index = AptLists.present(ctx.vfs()) ? release.index() : Map.of();
    preamble(ctx);
    LinkedHashSet<Map<String, String>> doomed = new LinkedHashSet<>();
    if (auto) {
      for (String n : unneeded(ctx, dpkg, Set.of())) {
        doomed.add(dpkg.find(n).get());
      }
    }
    for (String name : names) {
      Optional<Map<String, String>> s = dpkg.find(name).filter(x -> dpkg.isInstalled(name));
      if (s.isEmpty()) {
        if (!index.containsKey(name) && dpkg.find(name).isEmpty()) {
          ctx.err().print("E: Unable to locate package " + name + "\n");
          return 100;
        }
        out.print("Package '" + name + "' is not installed, so not removed\n");
        continue;
      }
      reverseClosure(dpkg, s.get(), doomed, new java.util.HashSet<>());
    }
    List<String> essential = doomed.stream().filter(s -> "yes".equals(s.get("Essential")))
        .map(s -> s.get("Package")).sorted().toList();
    List<String> removing = doomed.stream().map(s -> s.get("Package")).sorted().toList();
    if (!auto) {
      List<String> unneeded = unneeded(ctx, dpkg, new java.util.HashSet<>(removing));
      if (unneeded.size() == 1) {
        out.print("The following package was automatically installed and is no longer required:\n"
            + Sizes.wrapped(unneeded, ctx.width()) + "Use 'apt autoremove' to remove it.\n");
      } else if (!unneeded.isEmpty()) {
        out.print("The following packages were automatically installed and are no longer required:\n"
            + Sizes.wrapped(unneeded, ctx.width()) + "Use 'apt autoremove' to remove them.\n");
      }
    }
    if (!removing.isEmpty()) {
      out.print("The following packages will be REMOVED:\n" + Sizes.wrapped(removing, ctx.width()));
    }
    if (!essential.isEmpty()) {
      out.print("WARNING: The following essential packages will be removed.\n"
          + "This should NOT be done unless you know exactly what you are doing!\n" + Sizes.wrapped(essential, ctx.width()));
    }
    out.print("0 upgraded, 0 newly installed, " + removing.size() + " to remove and 0 not upgraded.\n");
    if (doomed.isEmpty()) {
      return 0;
    }
    if (!essential.isEmpty()) {
      ctx.err().print("E: Essential packages were removed and -y was used without --allow-remove-essential.\n");
      return 100;
    }
    long freed = doomed.stream().mapToLong(s -> Long.parseLong(s.getOrDefault("Installed-Size", "0"))).sum() * 1024;
    out.print("After this operation, " + Sizes.apt(freed) + " disk space will be freed.\n");
    if (!yes && !confirm(ctx)) {
      return 1;
    }
    out.print("(Reading database ... " + dpkg.pathCount() + " files and directories currently installed.)\n");
    for (Map<String, String> s : doomed) {
      out.print("Removing " + Dpkg.qualified(s) + " (" + s.get("Version") + ") ...\n");
      Candidate known = release.index().get(s.get("Package"));
      if (known != null) {
        for (String alt : known.alternatives()) {
          String[] a = alt.split(" ");
          dpkg.dropAlternative(a[0], a[1], a[2]);
        }
      }
      dpkg.remove(s);
    }
    dpkg.save();
    forgetAuto(ctx, removing);
    return 0;
  }

  /**
   * Installed packages apt marked automatic that nothing else installed still needs once
   * {@code leaving} are gone, sorted.
   */
  private static List<String> unneeded(ProgramContext ctx, Dpkg dpkg, Set<String> leaving) {
    Set<String> autoMarked = autoMarked(ctx);
    Set<String> needed = new java.util.HashSet<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
    for (Map<String, String> s : dpkg.installed()) {
      String n = s.get("Package");
      if (!leaving.contains(n) && !autoMarked.contains(n)) {
        todo.add(n);
      }
    }
    while (!todo.isEmpty()) {
      String n = todo.poll();
      if (!needed.add(n)) {
        continue;
      }
      // apt keeps what an installed package recommends (APT::AutoRemove::RecommendsImportant)
      dpkg.find(n).ifPresent(s -> java.util.stream.Stream.concat(new Candidate(s).depends().stream(),
          new Candidate(s).recommends().stream()).forEach(g -> g.stream()
          .filter(d -> !leaving.contains(d)).forEach(todo::add)));
    }
    return dpkg.installed().stream().map(s -> s.get("Package"))
        .filter(n -> autoMarked.contains(n) && !needed.contains(n) && !leaving.contains(n)).sorted().toList();
  }

  private static Set<String> autoMarked(ProgramContext ctx) {
    Set<String> out = new java.util.HashSet<>();
    try {
      String text = new String(ctx.vfs().read(EXTENDED_STATES), java.nio.charset.StandardCharsets.UTF_8);
      for (Map<String, String> s : Stanzas.parse(text)) {
        if ("1".equals(s.get("Auto-Installed"))) {
          out.add(s.get("Package"));
        }
      }
    } catch (dev.layerlab.vfs.VfsException e) {
      // nothing was installed automatically yet
    }
    return out;
  }

  private static void forgetAuto(ProgramContext ctx, List<String> removed) {
    Set<String> keep = new TreeSet<>(autoMarked(ctx));
    if (keep.isEmpty() || !keep.removeAll(removed)) {
      return;
    }
    StringBuilder b = new StringBuilder();
    keep.forEach(n -> b.append("Package: ").append(n).append("\nArchitecture: amd64\nAuto-Installed: 1\n\n"));
    ctx.vfs().write(EXTENDED_STATES, b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        dev.layerlab.vfs.Vfs.WriteMode.TRUNCATE, 0644);
  }

  /** The package and every installed package that depends on it, dependents first. */
  private static void reverseClosure(Dpkg dpkg, Map<String, String> s, LinkedHashSet<Map<String, String>> out,
      Set<String> seen) {
    if (out.contains(s) || !seen.add(s.get("Package"))) {
      return;
    }
    for (Map<String, String> other : dpkg.installed()) {
      if (other != s && new Candidate(other).depends().stream()
          .anyMatch(g -> g.size() == 1 && g.get(0).equals(s.get("Package")))) {
        reverseClosure(dpkg, other, out, seen);
      }
    }
    out.add(s);
  }
}
