package dev.layerlab.overlay.kernel;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies steps to one side, the same code for both: what a tool does beyond one system call
 * (GNU mv's copy fallback, rm -r, touch) is written here once over {@link Vfs}, so the two
 * sides differ only in the system calls themselves.
 *
 * <p>An outcome is {@code ok}, {@code ok | observation}, an errno name, or {@code mount failed}.
 */
final class Runner {
  private static final Instant TOUCH_TIME = Instant.parse("2018-08-20T10:00:00Z");

  private final Side side;
  private final int layers;
  private final int umask;
  private String mountOptions = "";

  Runner(Side side, int layers, int umask) {
    this.side = side;
    this.layers = layers;
    this.umask = umask;
  }

  /** Runs one step and says what came of it. */
  String apply(Step step) {
    try {
      return "ok" + run(step);
    } catch (VfsException e) {
      return e.errno().name();
    } catch (Side.MountFailed e) {
      return "mount failed";
    }
  }

  private Vfs target(Step step) {
    return switch (step.target()) {
      case LOWER -> side.lower(step.layer());
      case UPPER -> side.upper();
      case MERGED -> side.mounted() ? side.merged() : null;
    };
  }

  private String run(Step step) {
    Op op = step.op();
    if (op instanceof Op.Layers || op instanceof Op.Note) {
      return "";
    }
    if (op instanceof Op.Mount m) {
      mountOptions = m.options();
      side.mount(mountOptions);
      return "";
    }
    if (op instanceof Op.Umount) {
      side.umount();
      return "";
    }
    if (op instanceof Op.Remount r) {
      if (side.mounted()) {
        side.umount();
      }
      if (r.options() != null) {
        mountOptions = r.options();
      }
      side.mount(mountOptions);
      return "";
    }
    Vfs fs = target(step);
    if (fs == null) {
      throw new IllegalArgumentException("not mounted: " + step.text());
    }
    String created = Op.createdPath(op);
    if (step.target() != Step.Target.MERGED && created != null) {
      makeParents(fs, created);
    }
    return apply(fs, op);
  }

  private String apply(Vfs fs, Op op) {
    int fileMode = 0666 & ~umask;
    if (op instanceof Op.Write o) {
      fs.write(o.path(), Op.bytes(o.content()), Vfs.WriteMode.TRUNCATE, fileMode);
    } else if (op instanceof Op.Append o) {
      fs.write(o.path(), Op.bytes(o.content()), Vfs.WriteMode.APPEND, fileMode);
    } else if (op instanceof Op.Touch o) {
      touch(fs, o.path());
    } else if (op instanceof Op.Mkdir o) {
      fs.mkdir(o.path(), 0777 & ~umask);
      if (o.mode() != null) {
        fs.chmod(o.path(), o.mode());
      }
    } else if (op instanceof Op.Rm o) {
      if (o.recursive()) {
        removeTree(fs, o.path());
      } else {
        fs.unlink(o.path());
      }
    } else if (op instanceof Op.Rmdir o) {
      fs.rmdir(o.path());
    } else if (op instanceof Op.Chmod o) {
      fs.chmod(o.path(), o.mode());
    } else if (op instanceof Op.Chown o) {
      fs.chown(o.path(), o.uid(), o.gid(), false);
    } else if (op instanceof Op.Mv o) {
      mv(fs, o.from(), o.to());
    } else if (op instanceof Op.Rename o) {
      fs.rename(o.from(), o.to());
    } else if (op instanceof Op.Symlink o) {
      fs.symlink(o.target(), o.path());
    } else if (op instanceof Op.Link o) {
      fs.link(o.existing(), o.path());
    } else if (op instanceof Op.Truncate o) {
      try {
        fs.lstat(o.path());
      } catch (VfsException e) {
        fs.write(o.path(), new byte[0], Vfs.WriteMode.OVERWRITE, fileMode);
      }
      fs.truncate(o.path(), o.size());
    } else if (op instanceof Op.Mknod o) {
      fs.mknod(o.path(), o.kind() == 'c' ? FileType.CHAR_DEVICE : FileType.BLOCK_DEVICE,
          fileMode, o.major(), o.minor());
    } else if (op instanceof Op.Whiteout o) {
      fs.mknod(o.path(), FileType.CHAR_DEVICE, fileMode, 0, 0);
    } else if (op instanceof Op.Opaque o) {
      if (!fs.exists(o.path())) {
        fs.mkdir(o.path(), 0755 & ~umask);
      }
      fs.setxattr(o.path(), "trusted.overlay.opaque", new byte[] {'y'});
    } else if (op instanceof Op.SetXattr o) {
      fs.setxattr(o.path(), o.name(), Op.bytes(o.value()));
    } else if (op instanceof Op.RmXattr o) {
      fs.removexattr(o.path(), o.name());
    } else {
      return observe(fs, op);
    }
    return "";
  }

  private String observe(Vfs fs, Op op) {
    if (op instanceof Op.Cat o) {
      return " | content: " + OpLanguage.quote(new String(fs.read(o.path()),
          java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    if (op instanceof Op.Ls o) {
      List<String> names = new ArrayList<>();
      for (DirEntry e : fs.readDir(o.path())) {
        names.add(e.name());
      }
      return " | entries: " + String.join(" ", names);
    }
    if (op instanceof Op.Exists o) {
      fs.lstat(o.path());
      return " | present";
    }
    if (op instanceof Op.Stat o) {
      Stat st = fs.lstat(o.path());
      // every object seen through an overlay mount reports the mount's own st_dev
      String dev = st.dev() == fs.lstat("/").dev() ? "same" : "other";
      return " | " + Canon.line(fs, o.path(), st, side.layerInodes(layers)) + " nlink=" + st.nlink()
          + " dev=" + dev + "-as-root";
    }
    if (op instanceof Op.Ino o) {
      return " | st_ino == " + side.layerInodes(layers).resolve(fs.lstat(o.path()).ino());
    }
    throw new IllegalArgumentException("unknown op " + op);
  }

  /** GNU touch: opens for writing (creating; a directory is fine), then sets the times. */
  private void touch(Vfs fs, String path) {
    try {
      fs.write(path, new byte[0], Vfs.WriteMode.OVERWRITE, 0666 & ~umask);
    } catch (VfsException e) {
      if (e.errno() != Errno.EISDIR) {
        throw e;
      }
    }
    fs.utimes(path, TOUCH_TIME, TOUCH_TIME, true);
  }

  /** GNU mv: into an existing directory; rename(2); on EXDEV copy everything, then rm -r. */
  private static void mv(Vfs fs, String from, String to) {
    String dest = to;
    try {
      if (fs.stat(to).isDirectory()) {
        dest = Canon.child(to, dev.layerlab.vfs.VPaths.name(from));
      }
    } catch (VfsException e) {
      // no such target: mv renames to that name
    }
    try {
      fs.rename(from, dest);
    } catch (VfsException e) {
      if (e.errno() != Errno.EXDEV) {
        throw e;
      }
      copyTree(fs, from, dest, new HashMap<>());
      removeTree(fs, from);
    }
  }

  /** cp -a as mv's fallback does it: modes, owners, symlinks, devices, hard links and xattrs kept. */
  private static void copyTree(Vfs fs, String from, String to, Map<Long, String> linked) {
    Stat st = fs.lstat(from);
    switch (st.type()) {
      case DIRECTORY -> {
        fs.mkdir(to, 0700);
        for (DirEntry e : fs.readDir(from)) {
          copyTree(fs, Canon.child(from, e.name()), Canon.child(to, e.name()), linked);
        }
      }
      case REGULAR -> {
        String first = st.nlink() > 1 ? linked.get(st.ino()) : null;
        if (first != null) {
          fs.link(first, to);
          return;
        }
        linked.put(st.ino(), to);
        fs.write(to, fs.read(from), Vfs.WriteMode.CREATE_NEW, 0600);
      }
      case SYMLINK -> fs.symlink(fs.readlink(from), to);
      default -> fs.mknod(to, st.type(), 0600, st.rdevMajor(), st.rdevMinor());
    }
    for (String name : fs.listxattr(from)) {
      if (name.startsWith("user.")) {
        fs.setxattr(to, name, fs.getxattr(from, name));
      }
    }
    fs.chown(to, st.uid(), st.gid(), false);
    if (st.type() != FileType.SYMLINK) {
      fs.chmod(to, st.mode());
      fs.utimes(to, st.atime(), st.mtime(), false);
    }
  }

  /** rm -r: children first, carrying on past failures, the first of which is reported. */
  private static void removeTree(Vfs fs, String path) {
    Stat st = fs.lstat(path);
    if (!st.isDirectory()) {
      fs.unlink(path);
      return;
    }
    VfsException first = null;
    for (DirEntry e : fs.readDir(path)) {
      try {
        removeTree(fs, Canon.child(path, e.name()));
      } catch (VfsException x) {
        first = first == null ? x : first;
      }
    }
    if (first != null) {
      throw first; // GNU rm leaves a directory alone once something inside it could not go
    }
    fs.rmdir(path);
  }

  private void makeParents(Vfs fs, String path) {
    String parent = dev.layerlab.vfs.VPaths.parent(path);
    if (parent.equals("/") || fs.exists(parent)) {
      return;
    }
    makeParents(fs, parent);
    fs.mkdir(parent, 0755 & ~umask);
  }
}
