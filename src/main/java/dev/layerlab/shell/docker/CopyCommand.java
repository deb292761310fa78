package dev.layerlab.shell.docker;

import dev.layerlab.engine.Container;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;

/** {@code docker cp}: files and directories between the client's machine and a container. */
final class CopyCommand {
  private CopyCommand() {}

  static void register(DockerProgram p) {
    Cmd cp = new Cmd(new Spec("cp", "docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH",
        "Copy files/folders between a container and the local filesystem")
        .flag('a', "archive", "Archive mode (copy all uid/gid information)")
        .flag('L', "follow-link", "Always follow symbol link in SRC_PATH")
        .args(2, 2), CopyCommand::cp);
    p.add("cp", cp);
    p.addTo("container", "cp", ImageCommands.withPath(cp, "container cp", cp.spec().usage.replace("docker cp", "docker container cp")));
  }

  static int cp(Cli cli, Flags f) {
    String src = f.args().get(0);
    String dst = f.args().get(1);
    int sc = containerPart(src);
    int dc = containerPart(dst);
    if (sc >= 0 && dc >= 0) {
      throw new CliError("copying between containers is not supported", 1);
    }
    if (sc < 0 && dc < 0) {
      throw new CliError("must specify at least one container source", 1);
    }
    Vfs local = cli.ctx().vfs();
    if (sc >= 0) {
      Container c = cli.engine().container(src.substring(0, sc));
      String from = VPaths.absolute("/", src.substring(sc + 1));
      String to = cli.ctx().path(dst);
      boolean follow = f.bool("follow-link");
      return cli.engine().withFilesystem(c, fs -> copy(fs, from, local, to, src.substring(sc + 1), dst, true, follow));
    }
    Container c = cli.engine().container(dst.substring(0, dc));
    String from = cli.ctx().path(src);
    String to = VPaths.absolute("/", dst.substring(dc + 1));
    boolean follow = f.bool("follow-link");
    return cli.engine().withFilesystem(c, fs -> copy(local, from, fs, to, src, dst.substring(dc + 1), false, follow));
  }

  private static int containerPart(String arg) {
    int colon = arg.indexOf(':');
    if (colon <= 0 || arg.startsWith("/") || arg.startsWith(".")) {
      return -1;
    }
    return arg.substring(0, colon).contains("/") ? -1 : colon;
  }

  private static int copy(Vfs from, String src, Vfs to, String dst, String srcArg, String dstArg, boolean fromContainer,
      boolean follow) {
    Stat st;
    try {
      st = follow ? from.stat(src) : from.lstat(src);
    } catch (VfsException e) {
      if (fromContainer) {
        throw CliError.daemon("Could not find the file " + srcArg + " in container");
      }
      throw new CliError("stat " + srcArg + ": no such file or directory", 1);
    }
    String target = dst;
    try {
      if (to.stat(dst).isDirectory()) {
        target = VPaths.child(dst, VPaths.name(src));
      }
    } catch (VfsException e) {
      try {
        to.stat(VPaths.parent(dst));
      } catch (VfsException e2) {
        throw new CliError(fromContainer ? "open " + dstArg + ": no such file or directory"
            : "Error response from daemon: Could not find the file " + VPaths.parent(dstArg) + " in container", 1);
      }
    }
    copyTree(from, src, st, to, target);
    return 0;
  }

  private static void copyTree(Vfs from, String src, Stat st, Vfs to, String dst) {
    switch (st.type()) {
      case DIRECTORY -> {
        if (!to.exists(dst)) {
          to.mkdir(dst, st.mode());
        }
        for (DirEntry e : from.readDir(src)) {
          String s = VPaths.child(src, e.name());
          copyTree(from, s, from.lstat(s), to, VPaths.child(dst, e.name()));
        }
      }
      case SYMLINK -> {
        if (to.exists(dst)) {
          to.unlink(dst);
        }
        to.symlink(from.readlink(src), dst);
      }
      case REGULAR -> {
        to.write(dst, from.read(src), Vfs.WriteMode.TRUNCATE, st.mode() & 0777);
        to.chmod(dst, st.mode());
      }
      default -> {
        if (!to.exists(dst)) {
          to.mknod(dst, st.type(), st.mode(), st.rdevMajor(), st.rdevMinor());
        }
      }
    }
    to.chown(dst, st.uid(), st.gid(), false);
    to.utimes(dst, st.atime(), st.mtime(), false);
  }
}
