package dev.layerlab.engine.build;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The files a COPY or ADD names, from the build context or from another stage's image: each
 * source resolved (wildcards matched) to its entries, and the content hash the cache key and
 * the history text carry ({@code file:}, {@code dir:}, {@code multi:}).
 */
final class Sources {
  /** One named source: its path in the source tree and every entry under it, paths relative to it. */
  record Source(String path, BuildContext.Entry root, List<BuildContext.Entry> children) {
    boolean isDir() {
      return root.isDir();
    }
  }

  private Sources() {}

  /** The context's entries matching {@code pattern} (context-relative, cleaned); empty when none. */
  static List<Source> fromTree(Map<String, BuildContext.Entry> tree, String pattern) {
    List<Source> out = new ArrayList<>();
    if (pattern.isEmpty()) {
      List<BuildContext.Entry> all = new ArrayList<>(tree.values());
      Stat dir = new Stat(dev.layerlab.vfs.FileType.DIRECTORY, 0755, 0, 0, 0, 2, 0, 0, 0, 0, null, null, null);
      out.add(new Source("", new BuildContext.Entry("", dir, null, null), relative(all, "")));
      return out;
    }
    boolean glob = pattern.matches(".*[*?\\[].*");
    Pattern re = glob ? Pattern.compile(DockerIgnore.regex(pattern)) : null;
    for (BuildContext.Entry e : tree.values()) {
      if (glob ? re.matcher(e.path()).matches() : e.path().equals(pattern)) {
        List<BuildContext.Entry> kids = new ArrayList<>();
        if (e.isDir()) {
          tree.values().stream().filter(x -> x.path().startsWith(e.path() + "/")).forEach(kids::add);
        }
        out.add(new Source(e.path(), e, relative(kids, e.path())));
      }
    }
    return out;
  }

  private static List<BuildContext.Entry> relative(List<BuildContext.Entry> entries, String base) {
    List<BuildContext.Entry> out = new ArrayList<>();
    for (BuildContext.Entry e : entries) {
      String r = base.isEmpty() ? e.path() : e.path().substring(base.length() + 1);
      out.add(new BuildContext.Entry(r, e.stat(), e.data(), e.target()));
    }
    return out;
  }

  /** A snapshot of {@code path} (absolute) in another image's filesystem, keyed by path without the leading slash. */
  static Map<String, BuildContext.Entry> snapshot(Vfs fs, String path) {
    Map<String, BuildContext.Entry> out = new TreeMap<>();
    String rel = VPaths.normalize(path).replaceFirst("^/+", "");
    String parent = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
    // wildcards can only be in the last element: read the parent directory's entries
    String top = rel.matches(".*[*?\\[].*") ? parent : rel;
    walk(fs, "/" + top, top, out);
    return out;
  }

  private static void walk(Vfs fs, String abs, String rel, Map<String, BuildContext.Entry> out) {
    Stat st = Mkdirs.stat(fs, abs);
    if (st == null) {
      return;
    }
    st = fs.lstat(abs);
    if (!rel.isEmpty()) {
      out.put(rel, new BuildContext.Entry(rel, st, st.isRegular() ? fs.read(abs) : null,
          st.isSymlink() ? fs.readlink(abs) : null));
    }
    if (st.isDirectory()) {
      for (DirEntry d : fs.readDir(abs)) {
        if (!d.name().equals(".") && !d.name().equals("..")) {
          walk(fs, VPaths.child(abs, d.name()), rel.isEmpty() ? d.name() : rel + "/" + d.name(), out);
        }
      }
    }
  }

  /** {@code file:<sha256>}, {@code dir:<sha256>} or {@code multi:<sha256>}: over tar header fields and content, not mtime. */
  static String hash(List<Source> sources) {
    List<String> each = new ArrayList<>();
    for (Source s : sources) {
      MessageDigest md = sha256();
      update(md, s.isDir() ? "" : VPaths.name("/" + s.path()), s.root());
      for (BuildContext.Entry e : s.children()) {
        update(md, e.path(), e);
      }
      each.add(HexFormat.of().formatHex(md.digest()));
    }
    if (sources.size() == 1) {
      return (sources.get(0).isDir() ? "dir:" : "file:") + each.get(0);
    }
    MessageDigest md = sha256();
    each.forEach(h -> md.update(h.getBytes(StandardCharsets.UTF_8)));
    return "multi:" + HexFormat.of().formatHex(md.digest());
  }

  private static void update(MessageDigest md, String name, BuildContext.Entry e) {
    Stat st = e.stat();
    String header = name + "\0" + Integer.toOctalString(st.mode() & 07777) + "\0" + st.uid() + "\0" + st.gid() + "\0"
        + (e.data() == null ? 0 : e.data().length) + "\0" + st.type() + "\0" + (e.target() == null ? "" : e.target())
        + "\0";
    md.update(header.getBytes(StandardCharsets.UTF_8));
    if (e.data() != null) {
      md.update(e.data());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
