package dev.layerlab.engine;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import java.time.Instant;
import java.util.List;

/**
 * A bind mount's source: one directory or file of another filesystem seen as a filesystem of its
 * own, its {@code /} being that path. Used for the {@code /etc/hosts}, {@code /etc/hostname} and
 * {@code /etc/resolv.conf} a container gets from {@code /var/lib/docker/containers/<id>/}.
 */
public final class SubtreeVfs implements Vfs {
  private final Vfs base;
  private final String prefix;

  public SubtreeVfs(Vfs base, String prefix) {
    this.base = base;
    this.prefix = VPaths.normalize(prefix);
  }

  private String p(String path) {
    String n = VPaths.normalize(path);
    String out = n.equals("/") ? prefix : prefix + n;
    return path.endsWith("/") && !n.equals("/") ? out + "/" : out;
  }

  @Override
  public Stat stat(String path) {
    return base.stat(p(path));
  }

  @Override
  public Stat lstat(String path) {
    return base.lstat(p(path));
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

  @Override
  public void copyContent(String source, String target) {
    base.copyContent(p(source), p(target));
  }

  @Override
  public long treeVersion() {
    return base.treeVersion();
  }
}
