package dev.layerlab.shell.pkg;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code dpkg -l [PATTERN...]}, {@code dpkg -s PKG}, {@code dpkg -L PKG} (and the same as {@code dpkg-query}). */
final class DpkgQuery implements Program {

  @Override
  public int run(ProgramContext ctx) {
    List<String> args = ctx.operands();
    if (args.isEmpty()) {
      ctx.err().print(ctx.name() + ": error: need an action option\n\n"
          + "Type " + ctx.name() + " --help for help about installing and deinstalling packages [*];\n"
          + "Use 'apt' or 'aptitude' for user-friendly package management;\n"
          + "Type " + ctx.name() + " -Dhelp for a list of dpkg debug flag values;\n"
          + "Type " + ctx.name() + " --force-help for a list of forcing options;\n"
          + "Type dpkg-deb --help for help about manipulating *.deb files;\n\n"
          + "Options marked [*] produce a lot of output - pipe it through 'less' or 'more' !\n");
      return 2;
    }
    Dpkg dpkg = Dpkg.open(ctx.vfs());
    List<String> rest = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "-l", "--list" -> list(ctx, dpkg, rest);
      case "-s", "--status" -> perPackage(ctx, dpkg, rest, true);
      case "-L", "--listfiles" -> perPackage(ctx, dpkg, rest, false);
      default -> {
        ctx.err().print(ctx.name() + ": error: unknown option " + args.get(0) + "\n\n"
            + "Type " + ctx.name() + " --help for help about installing and deinstalling packages [*];\n");
        yield 2;
      }
    };
  }

  private static int list(ProgramContext ctx, Dpkg dpkg, List<String> patterns) {
    List<Map<String, String>> rows = new ArrayList<>();
    int failures = 0;
    List<Map<String, String>> all = new ArrayList<>(dpkg.installed());
    all.sort(Comparator.comparing(Dpkg::qualified));
    if (patterns.isEmpty()) {
      rows.addAll(all);
    } else {
      boolean[] found = new boolean[patterns.size()];
      for (Map<String, String> s : all) {
        for (int i = 0; i < patterns.size(); i++) {
          PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + patterns.get(i).replaceFirst(":.*", ""));
          if (m.matches(java.nio.file.Path.of(s.get("Package")))) {
            found[i] = true;
            rows.add(s);
            break;
          }
        }
      }
      for (int i = 0; i < patterns.size(); i++) {
        if (!found[i]) {
          failures++;
        }
      }
      if (!rows.isEmpty()) {
        printList(ctx, rows);
      }
      for (int i = 0; i < patterns.size(); i++) {
        if (!found[i]) {
          ctx.err().print("dpkg-query: no packages found matching " + patterns.get(i) + "\n");
        }
      }
      return failures == 0 ? 0 : 1;
    }
    printList(ctx, rows);
    return 0;
  }

  /** dpkg-query's list layout: fixed widths from the terminal's, or fitted to the content when piped. */
  private static void printList(ProgramContext ctx, List<Map<String, String>> rows) {
    int nw;
    int vw;
    int aw;
    int dw;
    if (!ctx.tty()) {
      nw = 14;
      vw = 12;
      aw = 12;
      dw = 33;
      for (Map<String, String> s : rows) {
        nw = Math.max(nw, Dpkg.qualified(s).length());
        vw = Math.max(vw, s.getOrDefault("Version", "").length());
        aw = Math.max(aw, s.getOrDefault("Architecture", "").length());
        dw = Math.max(dw, summary(s).length());
      }
    } else {
      int w = Math.max(0, ctx.width() - 80) >> 1;
      nw = 14 + w / 2;
      vw = 12 + w / 4;
      aw = 12 + w / 4;
      dw = 33 + w;
    }
    PrintStream out = ctx.out();
    out.print("Desired=Unknown/Install/Remove/Purge/Hold\n"
        + "| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n"
        + "|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n");
    out.print(row("||/", "Name", "Version", "Architecture", "Description", nw, vw, aw, dw));
    out.print("+++-" + "=".repeat(nw) + "-" + "=".repeat(vw) + "-" + "=".repeat(aw) + "-" + "=".repeat(dw) + "\n");
    for (Map<String, String> s : rows) {
      out.print(row("ii ", Dpkg.qualified(s), s.getOrDefault("Version", ""), s.getOrDefault("Architecture", ""),
          summary(s), nw, vw, aw, dw));
    }
  }

  private static String row(String flags, String n, String v, String a, String d, int nw, int vw, int aw, int dw) {
    return flags + " " + pad(n, nw) + " " + pad(v, vw) + " " + pad(a, aw) + " "
        + (d.length() > dw ? d.substring(0, dw) : d) + "\n";
  }

  /** printf's {@code %-*.*s}: cut to the width, then padded to it. */
  private static String pad(String s, int width) {
    String cut = s.length() > width ? s.substring(0, width) : s;
    return cut + " ".repeat(width - cut.length());
  }

  private static String summary(Map<String, String> s) {
    String d = s.getOrDefault("Description", "");
    int nl = d.indexOf('\n');
    return nl < 0 ? d : d.substring(0, nl);
  }

  private static int perPackage(ProgramContext ctx, Dpkg dpkg, List<String> names, boolean status) {
    if (names.isEmpty()) {
      ctx.err().print("dpkg-query: error: --" + (status ? "status" : "listfiles")
          + " needs at least one package name argument\n\nUse --help for help about querying packages.\n");
      return 2;
    }
    int failures = 0;
    PrintStream out = ctx.out();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      Optional<Map<String, String>> s = dpkg.find(name);
      if (status) {
        if (s.isEmpty()) {
          ctx.err().print("dpkg-query: package '" + name + "' is not installed and no information is available\n");
          failures++;
        } else {
          out.print(Stanzas.format(s.get()));
        }
      } else if (s.isEmpty() || !dpkg.isInstalled(name)) {
        ctx.err().print("dpkg-query: package '" + name + "' is not installed\n");
        failures++;
      } else {
        dpkg.list(s.get()).forEach(p -> out.print(p + "\n"));
      }
      if (i < names.size() - 1) {
        out.print("\n");
      }
    }
    if (failures > 0) {
      ctx.err().print("Use dpkg --info (= dpkg-deb --info) to examine archive files,\n"
          + "and dpkg --contents (= dpkg-deb --contents) to list their contents.\n");
      return 1;
    }
    return 0;
  }
}
