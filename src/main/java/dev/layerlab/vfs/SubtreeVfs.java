package dev.layerlab.vfs;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * One directory (or file) of another filesystem seen as a filesystem of its own, its {@code /}
 * being that path: the source of a bind mount (a container's {@code /etc/hosts} from
 * {@code /var/lib/docker/containers/<id>/}), or one layer dir looked at by itself.
 *
 * <p>Paths are normalised before they go down, so {@code ..} stops at the view's root. Symlinks
 * are resolved by the filesystem underneath: an absolute one inside the view points from that
 * filesystem's root, not from the view's.
 */
public final class SubtreeVfs implements Vfs {
  private final Vfs base;
  private final String prefix;
  private final ErrorPaths errorPaths;

  /** Which paths the errors of a view name. */
  public enum ErrorPaths {
    /** The whole path in the filesystem underneath, as a bind mount's errors do. */
    BASE,
    /** The path inside the view, as if the view were the whole filesystem. */
    VIEW
  }

  /** A view of {@code dir} in {@code base} whose errors name paths in {@code base}. */
  public SubtreeVfs(Vfs base, String dir) {
    this(base, dir, ErrorPaths.BASE);
  }

  public SubtreeVfs(Vfs base, String dir, ErrorPaths errorPaths) {
    this.base = base;
    this.prefix = VPaths.normalize(dir);
    this.errorPaths = errorPaths;
  }

  /** Where a path of the view is in {@code base}; a trailing slash stays (it asks for a directory). */
  private String p(String path) {
    String n = VPaths.normalize(path);
    String out = n.equals("/") ? prefix : prefix + n;
    return path.endsWith("/") && !n.equals("/") ? out + "/" : out;
  }

  /** The error as this view reports it. */
  private VfsException named(VfsException e) {
    if (errorPaths == ErrorPaths.BASE || prefix.equals("/")) {
      return e;
    }
    if (e.path().equals(prefix)) {
      return new VfsException(e.errno(), "/");
    }
    if (e.path().startsWith(prefix + "/")) {
      return new VfsException(e.errno(), e.path().substring(prefix.length()));
    }
    return e;
  }

  private <T> T call(Supplier<T> op) {
    try {
      return op.get();
    } catch (VfsException e) {
      throw named(e);
    }
  }

  private void run(Runnable op) {
    try {
      op.run();
    } catch (VfsException e) {
      throw named(e);
    }
  }

  @Override
  public Stat stat(String path) {
    return call(() -> base.stat(p(path)));
  }

  @Override
  public Stat lstat(String path) {
    return call(() -> base.lstat(p(path)));
  }

  @Override
  public List<DirEntry> readDir(String path) {
    return call(() -> base.readDir(p(path)));
  }

  @Override
  public byte[] read(String path) {
    return call(() -> base.read(p(path)));
  }

  @Override
  public void write(String path, byte[] data, WriteMode how, int createMode) {
    run(() -> base.write(p(path), data, how, createMode));
  }

  @Override
  public void create(String path, int createMode, long size, Source source) {
    run(() -> base.create(p(path), createMode, size, source));
  }

  @Override
  public void truncate(String path, long size) {
    run(() -> base.truncate(p(path), size));
  }

  @Override
  public void mkdir(String path, int mode) {
    run(() -> base.mkdir(p(path), mode));
  }

  @Override
  public void rmdir(String path) {
    run(() -> base.rmdir(p(path)));
  }

  @Override
  public void unlink(String path) {
    run(() -> base.unlink(p(path)));
  }

  @Override
  public void rename(String from, String to) {
    run(() -> base.rename(p(from), p(to)));
  }

  @Override
  public void link(String existing, String newPath) {
    run(() -> base.link(p(existing), p(newPath)));
  }

  @Override
  public void symlink(String target, String path) {
    run(() -> base.symlink(target, p(path)));
  }

  @Override
  public String readlink(String path) {
    return call(() -> base.readlink(p(path)));
  }

  @Override
  public void chmod(String path, int mode) {
    run(() -> base.chmod(p(path), mode));
  }

  @Override
  public void chown(String path, int uid, int gid, boolean follow) {
    run(() -> base.chown(p(path), uid, gid, follow));
  }

  @Override
  public void utimes(String path, Instant atime, Instant mtime, boolean follow) {
    run(() -> base.utimes(p(path), atime, mtime, follow));
  }

  @Override
  public void mknod(String path, FileType type, int mode, int major, int minor) {
    run(() -> base.mknod(p(path), type, mode, major, minor));
  }

  @Override
  public byte[] getxattr(String path, String name) {
    return call(() -> base.getxattr(p(path), name));
  }

  @Override
  public void setxattr(String path, String name, byte[] value) {
    run(() -> base.setxattr(p(path), name, value));
  }

  @Override
  public List<String> listxattr(String path) {
    return call(() -> base.listxattr(p(path)));
  }

  @Override
  public void removexattr(String path, String name) {
    run(() -> base.removexattr(p(path), name));
  }

  @Override
  public void copyContent(String source, String target) {
    run(() -> base.copyContent(p(source), p(target)));
  }

  @Override
  public long treeVersion() {
    return base.treeVersion();
  }
}
