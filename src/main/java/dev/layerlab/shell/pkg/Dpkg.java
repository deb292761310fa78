package dev.layerlab.shell.pkg;

import dev.layerlab.image.BuiltinStub;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * dpkg's database in a machine's filesystem: {@code /var/lib/dpkg/status} and the
 * {@code info/PKG.list} file lists, and the unpacking and removing of package files. Every change
 * goes through the machine's filesystem, so in a container it lands in the upper layer.
 */
final class Dpkg {
  static final String STATUS = "/var/lib/dpkg/status";
  static final String INFO = "/var/lib/dpkg/info/";

  private final Vfs vfs;
  private final List<Map<String, String>> status;

  private Dpkg(Vfs vfs, List<Map<String, String>> status) {
    this.vfs = vfs;
    this.status = status;
  }

  static Dpkg open(Vfs vfs) {
    String text = "";
    try {
      text = new String(vfs.read(STATUS), StandardCharsets.UTF_8);
    } catch (VfsException e) {
      // no database: nothing is installed
    }
    return new Dpkg(vfs, new ArrayList<>(Stanzas.parse(text)));
  }

  /** The installed packages' records, in the file's order. */
  List<Map<String, String>> installed() {
    return status.stream().filter(s -> s.getOrDefault("Status", "").endsWith(" installed")).toList();
  }

  /** The record of {@code name} ({@code libc6} or {@code libc6:amd64}), installed or not. */
  Optional<Map<String, String>> find(String name) {
    String bare = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
    return status.stream().filter(s -> bare.equals(s.get("Package"))).findFirst();
  }

  boolean isInstalled(String name) {
    return find(name).map(s -> s.getOrDefault("Status", "").endsWith(" installed")).orElse(false);
  }

  static String qualified(Map<String, String> s) {
    return "same".equals(s.get("Multi-Arch")) ? s.get("Package") + ":" + s.getOrDefault("Architecture", "amd64")
        : s.get("Package");
  }

  /** How many paths all file lists name: dpkg's "files and directories currently installed". */
  int pathCount() {
    TreeSet<String> all = new TreeSet<>();
    for (Map<String, String> s : installed()) {
      all.addAll(list(s));
    }
    return all.size();
  }

  /** The paths of a package's {@code .list}, {@code /.} first. */
  List<String> list(Map<String, String> s) {
    try {
      String text = new String(vfs.read(INFO + qualified(s) + ".list"), StandardCharsets.UTF_8);
      return text.lines().filter(l -> !l.isEmpty()).toList();
    } catch (VfsException e) {
      return List.of();
    }
  }

  /** Writes the package's files into the filesystem and returns every path it owns. */
  List<String> unpack(Candidate c, String docNote) {
    TreeSet<String> owned = new TreeSet<>();
    List<String> files = new ArrayList<>(c.files());
    if (docNote != null) {
      files.add("/usr/share/doc/" + c.name() + "/copyright");
    }
    for (String line : files) {
      String[] f = line.split(" ");
      String path = f[0];
      mkdirs(parent(path), owned);
      // dpkg renames the new file into place: a link already at the path is replaced, never followed
      replace(path);
      if (f.length == 3 && f[1].equals("->")) {
        vfs.symlink(f[2], path);
      } else if (f.length == 2 || isBinDir(parent(path))) {
        String program = f.length == 2 ? f[1] : path.substring(path.lastIndexOf('/') + 1);
        vfs.write(path, BuiltinStub.bytes(program), Vfs.WriteMode.TRUNCATE, 0755);
        vfs.chmod(path, 0755);
      } else {
        vfs.write(path, content(c, path, docNote), Vfs.WriteMode.TRUNCATE, 0644);
      }
      owned.add(path);
    }
    return List.copyOf(owned);
  }

  /** Records {@code c} as installed, with its file list. */
  void record(Candidate c, List<String> owned, String maintainer) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("Package", c.name());
    s.put("Status", "install ok installed");
    copy(c, s, "Priority");
    copy(c, s, "Section");
    copy(c, s, "Installed-Size");
    s.put("Maintainer", c.fields().getOrDefault("Maintainer", maintainer));
    s.put("Architecture", c.architecture());
    copy(c, s, "Multi-Arch");
    s.put("Version", c.version());
    copy(c, s, "Depends");
    copy(c, s, "Recommends");
    copy(c, s, "Suggests");
    copy(c, s, "Description");
    copy(c, s, "Homepage");
    status.removeIf(old -> c.name().equals(old.get("Package")));
    status.add(s);
    StringBuilder list = new StringBuilder("/.\n");
    owned.forEach(p -> list.append(p).append('\n'));
    vfs.write(INFO + c.qualifiedName() + ".list", list.toString().getBytes(StandardCharsets.UTF_8),
        Vfs.WriteMode.TRUNCATE, 0644);
  }

  /** Deletes a package's files (and directories it alone owned, once empty) and its record. */
  void remove(Map<String, String> s) {
    List<String> paths = new ArrayList<>(list(s));
    TreeSet<String> others = new TreeSet<>();
    for (Map<String, String> o : installed()) {
      if (o != s) {
        others.addAll(list(o));
      }
    }
    paths.sort(java.util.Comparator.reverseOrder());
    for (String p : paths) {
      if (p.equals("/.") || others.contains(p)) {
        continue;
      }
      Stat st = vfs.lstatOrNull(p);
      if (st == null) {
        continue;
      }
      if (st.isDirectory()) {
        if (vfs.readDir(p).stream().map(DirEntry::name).noneMatch(n -> !n.equals(".") && !n.equals(".."))) {
          vfs.rmdir(p);
        }
      } else {
        vfs.unlink(p);
      }
    }
    if (vfs.lstatOrNull(INFO + qualified(s) + ".list") != null) {
      vfs.unlink(INFO + qualified(s) + ".list");
    }
    status.remove(s);
  }

  void save() {
    StringBuilder b = new StringBuilder();
    for (Map<String, String> s : status) {
      b.append(Stanzas.format(s)).append('\n');
    }
    vfs.write(STATUS, b.toString().getBytes(StandardCharsets.UTF_8), Vfs.WriteMode.TRUNCATE, 0644);
  }

  /** Makes the update-alternatives link {@code link -> /etc/alternatives/name -> target}. */
  void alternative(String link, String name, String target) {
    mkdirs("/etc/alternatives", new TreeSet<>());
    replace("/etc/alternatives/" + name);
    vfs.symlink(target, "/etc/alternatives/" + name);
    mkdirs(parent(link), new TreeSet<>());
    replace(link);
    vfs.symlink("/etc/alternatives/" + name, link);
  }

  /** Drops the alternative {@code name} when it pointed at {@code target}. */
  void dropAlternative(String link, String name, String target) {
    String alt = "/etc/alternatives/" + name;
    try {
      if (vfs.readlink(alt).equals(target)) {
        vfs.unlink(alt);
        if (vfs.lstatOrNull(link) != null && vfs.readlink(link).equals(alt)) {
          vfs.unlink(link);
        }
      }
    } catch (VfsException e) {
      // not a link of ours: leave it
    }
  }

  private void replace(String path) {
    Stat st = vfs.lstatOrNull(path);
    if (st != null && !st.isDirectory()) {
      vfs.unlink(path);
    }
  }

  private void mkdirs(String dir, TreeSet<String> owned) {
    if (dir.isEmpty() || dir.equals("/")) {
      return;
    }
    mkdirs(parent(dir), owned);
    owned.add(dir);
    if (vfs.lstatOrNull(dir) == null) {
      vfs.mkdir(dir, 0755);
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  private static boolean isBinDir(String dir) {
    return dir.endsWith("/bin") || dir.endsWith("/sbin");
  }

  private static void copy(Candidate c, Map<String, String> s, String field) {
    String v = c.fields().get(field);
    if (v != null) {
      s.put(field, v);
    }
  }

  /** Stand-in content: says what the file is, since layerlab does not ship the real one. */
  private static byte[] content(Candidate c, String path, String docNote) {
    String text;
    if (path.endsWith("/copyright")) {
      text = c.name() + " " + c.version() + "\n\n" + docNote + "\n";
    } else if (path.contains(".so")) {
      text = "\u007fELF\n" + c.name() + " " + c.version() + ": shared library " + path + "\n";
    } else {
      text = "# " + path + " from " + c.name() + " " + c.version() + "\n";
    }
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
