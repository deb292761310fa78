package dev.layerlab.vfs;

import java.time.Instant;
import java.util.List;

/**
 * A read-only mount of another filesystem: reads pass through, every change fails with EROFS
 * after the checks the kernel makes first (a missing path is still ENOENT, an existing name
 * still EEXIST for calls that create one).
 */
final class ReadOnlyVfs implements Vfs {
  private final Vfs vfs;

  ReadOnlyVfs(Vfs vfs) {
    this.vfs = vfs;
  }

  /** For calls on an existing object: ENOENT/ENOTDIR as the walk says, else EROFS. */
  private VfsException existing(String path, boolean follow) {
    if (follow) {
      vfs.stat(path);
    } else {
      vfs.lstat(path);
    }
    return new VfsException(Errno.EROFS, path);
  }

  /** For calls that create a name: EEXIST when taken, ENOENT without a parent, else EROFS. */
  private VfsException creating(String path) {
    if (vfs.exists(path)) {
      return new VfsException(Errno.EEXIST, path);
    }
    vfs.stat(VPaths.parent(path));
    return new VfsException(Errno.EROFS, path);
  }

  @Override
  public Stat stat(String path) {
    return vfs.stat(path);
  }

  @Override
  public Stat lstat(String path) {
    return vfs.lstat(path);
  }

  @Override
  public Stat lstatOrNull(String path) {
    return vfs.lstatOrNull(path);
  }

  @Override
  public List<DirEntry> readDir(String path) {
    return vfs.readDir(path);
  }

  @Override
  public byte[] read(String path) {
    return vfs.read(path);
  }

  @Override
  public void write(String path, byte[] data, WriteMode how, int createMode) {
    if (how != WriteMode.CREATE_NEW && vfs.exists(path)) {
      throw existing(path, true);
    }
    throw creating(path);
  }

  @Override
  public void truncate(String path, long size) {
    throw existing(path, true);
  }

  @Override
  public void mkdir(String path, int mode) {
    throw creating(path);
  }

  @Override
  public void rmdir(String path) {
    throw existing(path, false);
  }

  @Override
  public void unlink(String path) {
    throw existing(path, false);
  }

  @Override
  public void rename(String from, String to) {
    throw existing(from, false);
  }

  @Override
  public void link(String existing, String newPath) {
    vfs.lstat(existing);
    throw creating(newPath);
  }

  @Override
  public void symlink(String target, String path) {
    throw creating(path);
  }

  @Override
  public String readlink(String path) {
    return vfs.readlink(path);
  }

  @Override
  public void chmod(String path, int mode) {
    throw existing(path, true);
  }

  @Override
  public void chown(String path, int uid, int gid, boolean follow) {
    throw existing(path, follow);
  }

  @Override
  public void utimes(String path, Instant atime, Instant mtime, boolean follow) {
    throw existing(path, follow);
  }

  @Override
  public void mknod(String path, FileType type, int mode, int major, int minor) {
    throw creating(path);
  }

  @Override
  public byte[] getxattr(String path, String name) {
    return vfs.getxattr(path, name);
  }

  @Override
  public void setxattr(String path, String name, byte[] value) {
    throw existing(path, false);
  }

  @Override
  public List<String> listxattr(String path) {
    return vfs.listxattr(path);
  }

  @Override
  public void removexattr(String path, String name) {
    throw existing(path, false);
  }

  @Override
  public void copyContent(String source, String target) {
    vfs.stat(source);
    throw existing(target, true);
  }

  @Override
  public long treeVersion() {
    return vfs.treeVersion();
  }
}
