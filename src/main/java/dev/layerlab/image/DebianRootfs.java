package dev.layerlab.image;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Makes the root filesystem of a Debian-family image: the real top-level tree and modes, the
 * release's /etc files, program stubs and libraries of the installed packages (with approximate
 * real sizes), /usr/share/doc and the dpkg database listing the real package versions.
 */
final class DebianRootfs {
  private final DebianRelease release;
  private final TreeWriter w;
  private final Map<String, Set<String>> filesByPackage = new TreeMap<>();
  private final Set<String> scalable = new LinkedHashSet<>();
  private final List<String[]> packages;
  private final Set<String> multiArchSame = new TreeSet<>();

  private DebianRootfs(DebianRelease release) {
    this.release = release;
    this.w = new TreeWriter(release.builtAt());
    this.packages = Resources.table(release.key() + ".packages.tsv");
    for (String line : Resources.text(release.key() + ".packages.tsv").split("\n")) {
      if (line.startsWith("# multiarch-same")) {
        for (String name : line.substring(line.indexOf("):") + 2).trim().split(" ")) {
          multiArchSame.add(name);
        }
      }
    }
  }

  /** The root filesystem, its total size brought to {@code targetSize} bytes by scaling the bulk files. */
  static LayerTree build(DebianRelease release, long targetSize) {
    DebianRootfs r = new DebianRootfs(release);
    r.skeleton();
    r.etc();
    r.packageFiles();
    r.docs();
    r.dpkgDatabase();
    return Calibration.scale(r.w.build(), r.scalable, targetSize);
  }

  private String path(String p) {
    if (!release.usrMerged()) {
      return p;
    }
    for (String top : new String[] {"/bin/", "/sbin/", "/lib/", "/lib64/"}) {
      if (p.startsWith(top)) {
        return "/usr" + p;
      }
    }
    return p;
  }

  private void skeleton() {
    long old = release.packagesBuiltAt();
    w.at(old);
    for (String d : new String[] {"boot", "home", "proc", "sys"}) {
      w.dir("/" + d, 0755);
    }
    w.at(release.builtAt());
    for (String d : new String[] {"dev", "etc", "media", "mnt", "opt", "run", "srv", "usr", "var"}) {
      w.dir("/" + d, 0755);
    }
    if (release.usrMerged()) {
      for (String d : new String[] {"bin", "sbin", "lib", "lib32", "lib64", "libx32"}) {
        w.dir("/usr/" + d, 0755);
        w.symlink("/" + d, "usr/" + d);
      }
    } else {
      for (String d : new String[] {"bin", "sbin", "lib", "lib64"}) {
        w.dir("/" + d, 0755);
      }
    }
    w.dir("/root", 0700);
    w.dir("/tmp", 01777);
    for (String d : new String[] {"bin", "games", "include", "lib", "sbin", "share", "src"}) {
      w.dir("/usr/" + d, 0755);
    }
    for (String d : new String[] {"bin", "etc", "games", "include", "lib", "man", "sbin", "share", "src"}) {
      w.dir("/usr/local/" + d, 0755);
    }
    w.dir("/run/lock", 01777);
    for (String d : new String[] {"backups", "cache", "lib", "local", "log", "opt", "spool"}) {
      w.dir("/var/" + d, 0755);
    }
    w.dir("/var/local", 02775, 0, 50);
    w.dir("/var/mail", 02775, 0, 8);
    w.dir("/var/tmp", 01777);
    w.symlink("/var/run", "/run");
    w.symlink("/var/lock", "/run/lock");
    w.dir("/var/lib/apt/lists/partial", 0700, release.aptUid(), 65534);
    w.file("/var/lib/apt/lists/lock", 0640, Content.EMPTY);
    w.dir("/var/cache/apt/archives/partial", 0700, release.aptUid(), 65534);
    w.file("/var/log/dpkg.log", 0644, Content.filler("2018-08-21 21:02:55 startup archives unpack\n".getBytes(
        StandardCharsets.US_ASCII), 180_000, 7));
    w.file("/var/log/lastlog", 0664, Content.EMPTY, 0, 43);
    w.file("/var/log/wtmp", 0664, Content.EMPTY, 0, 43);
    w.file("/var/log/faillog", 0644, Content.EMPTY);
  }

  private void etc() {
    Map<String, EtcFiles.Item> files = EtcFiles.merged("debian-common.etc.txt", release.key() + ".etc.txt");
    for (EtcFiles.Item item : files.values()) {
      if (item.linkTarget() != null) {
        w.symlink(item.path(), item.linkTarget());
      } else {
        w.text(item.path(), item.mode(), item.text());
      }
    }
    w.text("/etc/shadow", 0640, shadow(files.get("/etc/passwd").text()));
    w.file("/etc/shadow", 0640, w.get("/etc/shadow").content(), 0, 42);
    w.file("/etc/gshadow", 0640, Content.text(gshadow(files.get("/etc/group").text())), 0, 42);
    w.text("/etc/apt/sources.list", 0644, SourcesList.of(release));
    for (String d : new String[] {"/etc/apt/apt.conf.d", "/etc/apt/preferences.d", "/etc/apt/trusted.gpg.d",
        "/etc/dpkg/dpkg.cfg.d", "/etc/profile.d", "/etc/skel", "/etc/default", "/etc/init.d", "/etc/cron.daily",
        "/etc/security", "/etc/pam.d", "/etc/alternatives", "/etc/systemd/system", "/etc/update-motd.d"}) {
      if (!w.has(d)) {
        w.dir(d, 0755);
      }
    }
    w.text("/etc/pam.d/common-auth", 0644, "auth\t[success=1 default=ignore]\tpam_unix.so nullok_secure\n"
        + "auth\trequisite\t\t\tpam_deny.so\nauth\trequired\t\t\tpam_permit.so\n");
    w.text("/etc/pam.d/other", 0644, "@include common-auth\n@include common-account\n@include common-password\n"
        + "@include common-session\n");
  }

  private static String shadow(String passwd) {
    StringBuilder b = new StringBuilder();
    for (String line : passwd.split("\n")) {
      String user = line.split(":", 2)[0];
      b.append(user).append(":*:17764:0:99999:7:::\n");
    }
    return b.toString();
  }

  private static String gshadow(String group) {
    StringBuilder b = new StringBuilder();
    for (String line : group.split("\n")) {
      b.append(line.split(":", 2)[0]).append(":*::\n");
    }
    return b.toString();
  }

  private boolean installed(String pkg) {
    return packages.stream().anyMatch(p -> p[0].equals(pkg));
  }

  private void packageFiles() {
    for (String[] row : Resources.table("debian-family.files.tsv")) {
      String pkg = row[0];
      if (!installed(pkg)) {
        continue;
      }
      String p = path(row[1].replace("${GLIBC}", release.glibc()));
      String value = row[3].replace("${GLIBC}", release.glibc());
      switch (row[2]) {
        case "bin" -> w.program(p, row.length > 4 ? row[4] : p.substring(p.lastIndexOf('/') + 1), Long.parseLong(value));
        case "link" -> w.symlink(p, value);
        case "text" -> w.file(p, executable(p) ? 0755 : 0644, Content.text(placeholder(p, pkg, Integer.parseInt(value))));
        case "script" -> w.file(p, 0755, Content.text(value.replace("\\n", "\n")));
        case "lib" -> {
          w.file(p, 0644, Content.filler(elfHead(p), Long.parseLong(value), p.hashCode()));
          scalable.add(TreeWriter.rel(p));
        }
        default -> throw new IllegalStateException("unknown kind " + row[2]);
      }
      own(pkg, p);
    }
    if (installed("libc6")) {
      String dir = "/usr/lib/x86_64-linux-gnu/gconv/";
      for (String name : gconvModules()) {
        String p = dir + name + ".so";
        w.file(p, 0644, Content.filler(elfHead(p), 26_000, p.hashCode()));
        scalable.add(TreeWriter.rel(p));
        own("libc6", p);
      }
    }
    if (installed("perl-base")) {
      for (String m : new String[] {"strict", "warnings", "Carp", "Exporter", "constant", "vars", "overload",
          "POSIX", "Fcntl", "Socket", "Config", "Errno", "File/Spec", "File/Temp", "Getopt/Long", "IO/Handle",
          "IO/File", "List/Util", "Scalar/Util", "Text/ParseWords", "Text/Wrap", "Tie/Hash", "bytes", "integer",
          "lib", "locale", "utf8", "re", "feature", "parent", "base", "fields", "SelectSaver", "Symbol"}) {
        String p = "/usr/lib/x86_64-linux-gnu/perl-base/" + m + ".pm";
        w.file(p, 0644, Content.filler(("package " + m.replace('/', ':') + ";\n").getBytes(StandardCharsets.US_ASCII),
            60_000, p.hashCode()));
        scalable.add(TreeWriter.rel(p));
        own("perl-base", p);
      }
    }
  }

  private static boolean executable(String p) {
    return p.contains("/bin/") || p.contains("/sbin/") || p.startsWith("/etc/cron.") || p.startsWith("/etc/init.d/")
        || p.startsWith("/etc/update-motd.d/");
  }

  /**
   * A stand-in for a configuration file whose text we do not reproduce: it says so in its first
   * line and is padded with comment lines to about the real file's size.
   */
  static String placeholder(String path, String pkg, int size) {
    if (size == 0) {
      return "";
    }
    StringBuilder b = new StringBuilder("# " + path + " from the " + pkg + " package (text not reproduced)\n");
    while (b.length() + 2 <= size) {
      b.append("#\n");
    }
    return b.toString();
  }

  private static List<String> gconvModules() {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= 16; i++) {
      if (i != 12) {
        out.add("ISO8859-" + i);
      }
    }
    for (int i = 1250; i <= 1258; i++) {
      out.add("CP" + i);
    }
    for (int n : new int[] {37, 38, 256, 273, 274, 275, 277, 278, 280, 281, 284, 285, 290, 297, 420, 423, 424, 437,
        500, 850, 851, 852, 855, 856, 857, 860, 861, 862, 863, 864, 865, 866, 868, 869, 870, 871, 874, 875, 880,
        891, 901, 902, 903, 904, 905, 918, 921, 922, 930, 932, 933, 935, 937, 939, 943, 1004, 1008, 1025, 1026,
        1046, 1047, 1097, 1112, 1122, 1123, 1124, 1129, 1130, 1132, 1133, 1137, 1140, 1141, 1142, 1143, 1144,
        1145, 1146, 1147, 1148, 1149, 1153, 1154, 1155, 1156, 1157, 1158, 1160, 1161, 1162, 1163, 1164}) {
      out.add(String.format("IBM%03d", n));
    }
    out.addAll(List.of("BIG5", "BIG5HKSCS", "EUC-CN", "EUC-JP", "EUC-KR", "EUC-TW", "GBK", "GB18030", "KOI8-R",
        "KOI8-U", "KOI8-RU", "UTF-16", "UTF-32", "UTF-7", "UNICODE", "SJIS", "TCVN5712-1", "TSCII", "libGB",
        "libJIS", "libKSC", "libCNS", "ARMSCII-8", "GEORGIAN-PS", "MAC-UK", "MACINTOSH", "VISCII"));
    return out;
  }

  private static byte[] elfHead(String p) {
    return ("\u007fELF\u0002\u0001\u0001\u0000 " + p.substring(p.lastIndexOf('/') + 1) + "\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  private void own(String pkg, String path) {
    filesByPackage.computeIfAbsent(pkg, k -> new TreeSet<>()).add(path);
  }

  private void docs() {
    for (String[] p : packages) {
      String pkg = p[0];
      String doc = "/usr/share/doc/" + pkg + "/copyright";
      String text = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: "
          + pkg + "\n\nFiles: *\nCopyright: the " + pkg + " authors\nLicense: see /usr/share/common-licenses\n";
      w.file(doc, 0644, Content.filler(text.getBytes(StandardCharsets.UTF_8), 1500 + (pkg.hashCode() & 0x1fff), 3));
      own(pkg, doc);
    }
    if (installed("base-files")) {
      for (String l : new String[] {"GPL-2", "GPL-3", "LGPL-2.1", "Apache-2.0", "Artistic", "BSD"}) {
        String p = "/usr/share/common-licenses/" + l;
        w.file(p, 0644, Content.filler((l + "\n").getBytes(StandardCharsets.US_ASCII), 18_000, l.hashCode()));
        own("base-files", p);
      }
    }
  }

  private void dpkgDatabase() {
    StringBuilder status = new StringBuilder();
    for (String[] p : packages) {
      String name = p[0];
      String arch = p.length > 2 && !p[2].isEmpty() ? p[2] : "amd64";
      Set<String> files = filesByPackage.getOrDefault(name, Set.of());
      long bytes = 0;
      for (String f : files) {
        LayerEntry e = w.get(f);
        bytes += e == null ? 0 : e.sizeContribution();
      }
      status.append("Package: ").append(name).append('\n');
      if (PackageFacts.ESSENTIAL.contains(name)) {
        status.append("Essential: yes\n");
      }
      status.append("Status: install ok installed\n");
      status.append("Installed-Size: ").append(Math.max(1, (bytes + 1023) / 1024)).append('\n');
      status.append("Maintainer: ").append(release.maintainer()).append('\n');
      status.append("Architecture: ").append(arch).append('\n');
      if (multiArchSame.contains(name)) {
        status.append("Multi-Arch: same\n");
      }
      status.append("Version: ").append(p[1]).append('\n');
      String description = PackageFacts.DESCRIPTIONS.get(name);
      if (description != null) {
        status.append("Description: ").append(description).append('\n');
      }
      status.append('\n');
      String listName = multiArchSame.contains(name) ? name + ":amd64" : name;
      w.text("/var/lib/dpkg/info/" + listName + ".list", 0644, listing(files));
    }
    w.text("/var/lib/dpkg/status", 0644, status.toString());
    w.text("/var/lib/dpkg/available", 0644, "");
    // dash diverts /bin/sh (and its man page) when it is installed; dpkg records that here
    w.text("/var/lib/dpkg/diversions", 0644, installed("dash") ? "/bin/sh\n/bin/sh.distrib\ndash\n"
        + "/usr/share/man/man1/sh.1.gz\n/usr/share/man/man1/sh.distrib.1.gz\ndash\n" : "");
    w.text("/var/lib/dpkg/statoverride", 0644, "");
    w.file("/var/lib/dpkg/lock", 0640, Content.EMPTY);
    for (String d : new String[] {"alternatives", "parts", "triggers", "updates"}) {
      w.dir("/var/lib/dpkg/" + d, 0755);
    }
  }

  /** A dpkg {@code .list} file: {@code /.} then every directory and file of the package, sorted. */
  private String listing(Set<String> files) {
    TreeSet<String> all = new TreeSet<>();
    for (String f : files) {
      String p = f;
      all.add(p);
      int slash;
      while ((slash = p.lastIndexOf('/')) > 0) {
        p = p.substring(0, slash);
        all.add(p);
      }
    }
    StringBuilder b = new StringBuilder("/.\n");
    all.forEach(p -> b.append(p).append('\n'));
    return b.toString();
  }
}
