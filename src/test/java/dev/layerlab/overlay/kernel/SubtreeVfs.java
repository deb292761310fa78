package dev.layerlab.overlay.kernel;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.time.Instant;
import java.util.List;

/**
 * One directory of a layerlab filesystem (a layer dir) seen as a filesystem of its own, as the
 * tests see a real layer dir. Symlinks are resolved by the filesystem underneath, so scripts
 * do not follow absolute symlinks inside a layer.
 */
final class SubtreeVfs implements Vfs {
  private final Vfs base;
  private final String prefix;

  SubtreeVfs(Vfs base, String prefix) {
    this.base = base;
    this.prefix = prefix;
  }

  private String p(String path) {
    return path.equals("/") ? prefix : prefix + path;
  }

  /** Errors name the path as the script wrote it. */
  private VfsException strip(VfsException e, String path) {
    return new VfsException(e.errno(), path);
  }

  @Override
  public Stat stat(String path) {
    try {
      return base.stat(p(path));
    } catch (VfsException e) {
      throw strip(e, path);
    }
  }

  @Override
  public Stat lstat(String path) {
    try {
      return base.lstat(p(path));
    } catch (VfsException e) {
      throw strip(e, path);
    }
  }

  @Override
  public List<DirEntry> readDir(String path) {
    return base.readDir(p(path));
  }

  @Override
  public byte[] read(String path) {
    return base.read(p(path));
  }

  @Override
  public void write(String path, byte[] data, WriteMode how, int createMode) {
    base.write(p(path), data, how, createMode);
  }

  @Override
  public void truncate(String path, long size) {
    base.truncate(p(path), size);
  }

  @Override
  public void mkdir(String path, int mode) {
    base.mkdir(p(path), mode);
  }

  @Override
  public void rmdir(String path) {
    base.rmdir(p(path));
  }

  @Override
  public void unlink(String path) {
    base.unlink(p(path));
  }

  @Override
  public void rename(String from, String to) {
    base.rename(p(from), p(to));
  }

  @Override
  public void link(String existing, String newPath) {
    base.link(p(existing), p(newPath));
  }

  @Override
  public void symlink(String target, String path) {
    base.symlink(target, p(path));
  }

  @Override
  public String readlink(String path) {
    return base.readlink(p(path));
  }

  @Override
  public void chmod(String path, int mode) {
    base.chmod(p(path), mode);
  }

  @Override
  public void chown(String path, int uid, int gid, boolean follow) {
    base.chown(p(path), uid, gid, follow);
  }

  @Override
  public void utimes(String path, Instant atime, Instant mtime, boolean follow) {
    base.utimes(p(path), atime, mtime, follow);
  }

  @Override
  public void mknod(String path, FileType type, int mode, int major, int minor) {
    base.mknod(p(path), type, mode, major, minor);
  }

  @Override
  public byte[] getxattr(String path, String name) {
    return base.getxattr(p(path), name);
  }

  @Override
  public void setxattr(String path, String name, byte[] value) {
    base.setxattr(p(path), name, value);
  }

  @Override
  public List<String> listxattr(String path) {
    return base.listxattr(p(path));
  }

  @Override
  public void removexattr(String path, String name) {
    base.removexattr(p(path), name);
  }
}
