package dev.layerlab.shell.pkg;

import dev.layerlab.shell.Programs;

/**
 * The package managers of the distribution images ({@code apt-get}, {@code apt-cache},
 * {@code dpkg}, {@code dpkg-query}, {@code apk}) and the programs their packages install.
 */
public final class PackageManagers {
  private PackageManagers() {}

  /**
   * Adds the package managers to {@code programs}, and a "cannot run" stand-in for every program
   * an installable package brings that layerlab does not simulate.
   */
  public static void registerAll(Programs programs) {
    programs.register("apt-get", new AptGet());
    programs.register("apt-cache", new AptCache());
    DpkgQuery query = new DpkgQuery();
    programs.register("dpkg", query);
    programs.register("dpkg-query", query);
    programs.register("apk", new Apk());
    NotRunnable notRunnable = new NotRunnable();
    for (String release : new String[] {"bionic", "xenial", "stretch", "alpine-3.8"}) {
      for (Candidate c : new Release(release, release).index().values()) {
        for (String f : c.files()) {
          String[] p = f.split(" ");
          String program = p.length == 2 ? p[1]
              : p.length == 1 && (p[0].contains("/bin/") || p[0].contains("/sbin/"))
                  ? p[0].substring(p[0].lastIndexOf('/') + 1) : null;
          if (program != null && programs.find(program).isEmpty()) {
            programs.register(program, notRunnable);
          }
        }
      }
    }
  }
}
