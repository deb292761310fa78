package dev.layerlab.engine.build;

import dev.layerlab.engine.Container;
import dev.layerlab.engine.ImageRecord;
import dev.layerlab.image.ContainerConfig;
import dev.layerlab.image.LayerTree;
import dev.layerlab.image.VfsLayers;
import dev.layerlab.vfs.JimfsVfs;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * COPY and ADD: no build container is announced; the files go into a fresh rw layer over the
 * stage's image (so parent directories that already exist are copied up into it), and that
 * layer's contents become the image layer. ADD also unpacks local tar archives.
 */
final class CopyStep {
  private final BuildRun run;
  private final char escape;

  CopyStep(BuildRun run, char escape) {
    this.run = run;
    this.escape = escape;
  }

  void dispatch(Stage s, Instruction ins) {
    String name = ins.keyword().equals("add") ? "ADD" : "COPY";
    List<String> args = new ArrayList<>();
    for (String f : ins.fields()) {
      try {
        args.add(Words.word(f, escape, s.substitutionEnv()));
      } catch (IllegalArgumentException e) {
        throw BuildException.step("failed to process \"" + f + "\": " + e.getMessage());
      }
    }
    String dest = args.get(args.size() - 1);
    List<String> srcs = args.subList(0, args.size() - 1);
    String from = ins.flag("from");
    Map<String, BuildContext.Entry> tree = from == null ? run.context.entries() : null;
    List<Sources.Source> sources = new ArrayList<>();
    for (String src : srcs) {
      if (src.matches("(?i)^https?://.*")) {
        if (name.equals("COPY")) {
          throw BuildException.step("COPY failed: source can't be a URL for COPY");
        }
        String host = src.replaceFirst("(?i)^https?://", "").replaceFirst("[/:?].*$", "");
        throw BuildException.step("ADD failed: Get " + src + ": dial tcp: lookup " + host
            + ": no such host (this Docker host is offline: put the file in the build context and ADD it from there)");
      }
      String clean = VPaths.normalize("/" + src).replaceFirst("^/+", "");
      if (from == null) {
        if (VPaths.normalize("/" + src).startsWith("/..") || src.startsWith("..")) {
          throw BuildException.step(name + " failed: Forbidden path outside the build context: " + src + " ()");
        }
      } else {
        tree = imageTree(from, src);
      }
      List<Sources.Source> found = Sources.fromTree(tree, clean);
      if (found.isEmpty()) {
        if (src.matches(".*[*?\\[].*")) {
          throw BuildException.step(name + " failed: no source files were specified");
        }
        throw BuildException.step(name + " failed: stat /var/lib/docker/" + (from == null
            ? "tmp/docker-builder" + run.builderDir + "/" + clean : "overlay2/" + clean)
            + ": no such file or directory");
      }
      sources.addAll(found);
    }
    if ((sources.size() > 1 || srcs.size() > 1) && !dest.endsWith("/")) {
      throw BuildException.step("When using " + name + " with more than one source file, the destination must be a "
          + "directory and end with a /");
    }
    String chown = ins.flag("chown");
    String hash = Sources.hash(sources);
    String comment = "#(nop) " + name + (chown == null ? " " : " --chown=" + chown) + hash + " in " + dest + " ";
    ContainerConfig probe = run.withComment(s, comment);
    if (run.probe(s, probe)) {
      return;
    }
    String work = s.config.workingDir().isEmpty() ? "/" : s.config.workingDir();
    String target = dest.startsWith("/") ? dest : VPaths.child(work, dest);
    boolean toDir = dest.endsWith("/") || dest.endsWith("/.") || dest.equals(".");
    LayerTree layer;
    if (s.image == null) {
      Vfs scratch = JimfsVfs.create(run.engine.clock());
      scratch.mkdir("/layer", 0755);
      copyAll(new Prefixed(scratch, "/layer"), sources, target, toDir, chown, name.equals("ADD"));
      layer = VfsLayers.export(scratch, "/layer");
    } else {
      Container c = run.engine.create(new dev.layerlab.engine.ContainerSpec(s.imageRef(), null, List.of("true"),
          List.of(), List.of(), null, null, false, false, false));
      try {
        run.engine.withFilesystem(c, fs -> {
          copyAll(new Prefixed(fs, ""), sources, target, toDir, chown, name.equals("ADD"));
          return null;
        });
        layer = run.changes(c);
      } finally {
        run.engine.remove(c, true);
      }
    }
    run.commit(s, probe, "", layer);
  }

  /** The files of another stage (by name or index) or of an image, pulled when missing. */
  private Map<String, BuildContext.Entry> imageTree(String from, String src) {
    String ref = null;
    for (Stage st : run.stages) {
      if (from.equalsIgnoreCase(st.name) || from.equals(String.valueOf(st.index))) {
        ref = st.imageRef();
      }
    }
    if (ref == null) {
      if (run.engine.findImage(from).isEmpty()) {
        run.hooks.pull(from, run.out);
      }
      ref = run.engine.image(from).id().toString();
    }
    if (ref.isEmpty()) {
      return Map.of();
    }
    Container c = run.engine.create(new dev.layerlab.engine.ContainerSpec(ref, null, List.of("true"), List.of(),
        List.of(), null, null, false, false, false));
    try {
      return run.engine.withFilesystem(c, fs -> Sources.snapshot(fs, "/" + src));
    } finally {
      run.engine.remove(c, true);
    }
  }

  private void copyAll(Prefixed fs, List<Sources.Source> sources, String target, boolean toDir, String chown,
      boolean add) {
    int[] owner = chown == null ? null : Owners.resolve(fs, chown);
    for (Sources.Source src : sources) {
      if (src.isDir()) {
        fs.mkdirs(target, owner);
        for (BuildContext.Entry e : src.children()) {
          fs.put(VPaths.child(target, e.path()), e, owner);
        }
        continue;
      }
      boolean intoDir = toDir || fs.isDir(target);
      String file = intoDir ? VPaths.child(target, VPaths.name("/" + src.path())) : target;
      if (add && src.root().data() != null && Archives.isArchive(src.root().data())) {
        fs.mkdirs(target, owner);
        Archives.extract(src.root().data(), fs.vfs, fs.abs(target));
        continue;
      }
      fs.mkdirs(VPaths.parent(file), owner);
      fs.put(file, src.root(), owner);
    }
  }

  /** A filesystem seen from {@code prefix}: the container's root, or a bare layer directory for FROM scratch. */
  static final class Prefixed {
    final Vfs vfs;
    private final String prefix;

    Prefixed(Vfs vfs, String prefix) {
      this.vfs = vfs;
      this.prefix = prefix;
    }

    String abs(String path) {
      return prefix + VPaths.normalize(path);
    }

    boolean isDir(String path) {
      var st = Mkdirs.stat(vfs, abs(path));
      return st != null && st.isDirectory();
    }

    void mkdirs(String dir, int[] owner) {
      String cur = "";
      for (String n : VPaths.names(VPaths.normalize(dir))) {
        cur = cur + "/" + n;
        var st = Mkdirs.stat(vfs, abs(cur));
        if (st == null) {
          vfs.mkdir(abs(cur), 0755);
          if (owner != null) {
            vfs.chown(abs(cur), owner[0], owner[1], false);
          }
        } else if (!st.isDirectory()) {
          throw BuildException.step("failed to copy files: mkdir " + cur + ": not a directory");
        }
      }
    }

    void put(String path, BuildContext.Entry e, int[] owner) {
      String a = abs(path);
      int uid = owner == null ? 0 : owner[0];
      int gid = owner == null ? 0 : owner[1];
      try {
        var old = Mkdirs.stat(vfs, a);
        if (e.isDir()) {
          if (old == null) {
            vfs.mkdir(a, e.stat().mode() & 07777);
          }
          vfs.chmod(a, e.stat().mode() & 07777);
        } else {
          if (old != null && !old.isDirectory()) {
            vfs.unlink(a);
          }
          if (e.stat().isSymlink()) {
            vfs.symlink(e.target(), a);
          } else {
            vfs.write(a, e.data(), Vfs.WriteMode.TRUNCATE, e.stat().mode() & 07777);
            vfs.chmod(a, e.stat().mode() & 07777);
          }
        }
        vfs.chown(a, uid, gid, false);
        if (e.stat().mtime() != null) {
          vfs.utimes(a, e.stat().mtime(), e.stat().mtime(), false);
        }
      } catch (VfsException x) {
        throw BuildException.step("failed to copy files: " + x.getMessage());
      }
    }
  }
}
