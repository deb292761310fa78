package dev.layerlab.shell.pkg;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/** {@code apt-cache policy PKG...}: the installed version, the candidate and where each comes from. */
final class AptCache implements Program {

  @Override
  public int run(ProgramContext ctx) {
    if (ctx.operands().isEmpty() || !ctx.operands().get(0).equals("policy")) {
      ctx.err().print(ctx.operands().isEmpty() ? "E: No operation\n" : "E: Invalid operation " + ctx.operands().get(0) + "\n");
      return 100;
    }
    Optional<Release> release = Release.of(ctx.vfs()).filter(r -> !r.name().startsWith("alpine"));
    Map<String, Candidate> index = release.isPresent() && AptLists.present(ctx.vfs()) ? release.get().index() : Map.of();
    Dpkg dpkg = Dpkg.open(ctx.vfs());
    PrintStream out = ctx.out();
    if (ctx.operands().size() == 1) {
      out.print("Package files:\n 100 /var/lib/dpkg/status\n     release a=now\n");
      return 0;
    }
    for (String name : ctx.operands().subList(1, ctx.operands().size())) {
      Candidate c = index.get(name);
      Optional<Map<String, String>> s = dpkg.find(name).filter(x -> dpkg.isInstalled(name));
      if (c == null && s.isEmpty()) {
        ctx.err().print("N: Unable to locate package " + name + "\n");
        continue;
      }
      String installed = s.map(x -> x.get("Version")).orElse("(none)");
      String candidate = c != null ? c.version() : installed;
      out.print(name + ":\n  Installed: " + installed + "\n  Candidate: " + candidate + "\n  Version table:\n");
      boolean same = c != null && s.isPresent() && c.version().equals(installed);
      if (c != null) {
        out.print((same ? " *** " : "     ") + c.version() + " 500\n");
        out.print("        500 " + release.get().repository(c.archive()) + " " + c.archive() + " amd64 Packages\n");
        if (same) {
          out.print("        100 /var/lib/dpkg/status\n");
        }
      }
      if (s.isPresent() && !same) {
        out.print(" *** " + installed + " 100\n        100 /var/lib/dpkg/status\n");
      }
    }
    return 0;
  }
}
