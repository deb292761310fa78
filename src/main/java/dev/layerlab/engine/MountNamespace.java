package dev.layerlab.engine;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A mount table over a root filesystem: every path is served by the filesystem mounted at its
 * longest mount-point prefix, so a container's overlay shows up at
 * {@code /var/lib/docker/overlay2/<mount-id>/merged} on the host while it runs, and a file
 * bind-mounted over {@code /etc/hosts} inside a container is the host's file.
 *
 * <p>Mount points are matched on the lexically normalised path; a symlink that leads into a
 * mount from outside it is followed by the filesystem underneath, which does not know the
 * mount (the same limitation a chroot-less path walk would have, and never met by Docker's own
 * paths).
 */
public final class MountNamespace implements Vfs {
  private record Mounted(MountEntry entry, Vfs fs) {}

  private record Target(Vfs fs, String path, String mountPoint) {}

  private final Vfs root;
  private final MountEntry rootEntry;
  private final List<Mounted> mounts = new ArrayList<>();
  private long generation;

  /** A namespace whose {@code /} is {@code root}, listed in the table as {@code rootEntry}. */
  public MountNamespace(Vfs root, MountEntry rootEntry) {
    this.root = root;
    this.rootEntry = rootEntry;
  }

  /** The host's namespace: the disk as {@code /dev/sda1} on {@code /}, ext4. */
  public static MountNamespace host(Vfs disk) {
    return new MountNamespace(disk, new MountEntry("/dev/sda1", "/", "ext4", "rw,relatime,errors=remount-ro,data=ordered"));
  }

  /** The filesystem mounted at {@code /} (the disk underneath every mount). */
  public Vfs root() {
    return root;
  }

  /** mount(2): {@code fs} becomes visible at {@code target}, which must exist. */
  public synchronized void mount(MountEntry entry, Vfs fs) {
    String target = VPaths.normalize(entry.target());
    stat(target);
    mounts.add(new Mounted(new MountEntry(entry.source(), target, entry.type(), entry.options()), fs));
    generation++;
  }

  /** umount(2): EINVAL when nothing is mounted there, EBUSY while something is mounted below it. */
  public synchronized void umount(String target) {
    String t = VPaths.normalize(target);
    for (int i = mounts.size() - 1; i >= 0; i--) {
      if (mounts.get(i).entry.target().equals(t)) {
        for (Mounted m : mounts.subList(i + 1, mounts.size())) {
          if (m.entry.target().startsWith(t.equals("/") ? "/" : t + "/")) {
            throw new VfsException(Errno.EBUSY, target);
          }
        }
        mounts.remove(i);
        generation++;
        return;
      }
    }
    throw new VfsException(Errno.EINVAL, target);
  }

  /** True when something is mounted exactly at {@code path}. */
  public synchronized boolean isMountPoint(String path) {
    String p = VPaths.normalize(path);
    return mounts.stream().anyMatch(m -> m.entry.target().equals(p));
  }

  /** The mount table in mount order, the root first. */
  public synchronized List<MountEntry> mounts() {
    List<MountEntry> out = new ArrayList<>();
    out.add(rootEntry);
    mounts.forEach(m -> out.add(m.entry));
    return out;
  }

  private synchronized Target resolve(String path) {
    String p = VPaths.normalize(path);
    for (int i = mounts.size() - 1; i >= 0; i--) {
      String t = mounts.get(i).entry.target();
      if (p.equals(t) || t.equals("/") || p.startsWith(t + "/")) {
        String inner = t.equals("/") ? p : p.substring(t.length());
        if (inner.isEmpty()) {
          inner = "/";
        } else if (path.endsWith("/") && !inner.equals("/")) {
          inner = inner + "/";
        }
        return new Target(mounts.get(i).fs, inner, t);
      }
    }
    String inner = path.endsWith("/") && !p.equals("/") ? p + "/" : p;
    return new Target(root, inner, null);
  }

  /** Fails with EBUSY when {@code path} is a mount point: it cannot be removed or renamed. */
  private void notMountPoint(String path) {
    if (isMountPoint(path)) {
      throw new VfsException(Errno.EBUSY, path);
    }
  }

  @Override
  public Stat stat(String path) {
    Target t = resolve(path);
    return t.fs.stat(t.path);
  }

  @Override
  public Stat lstat(String path) {
    Target t = resolve(path);
    return t.fs.lstat(t.path);
  }

  @Override
  public List<DirEntry> readDir(String path) {
    Target t = resolve(path);
    return t.fs.readDir(t.path);
  }

  @Override
  public byte[] read(String path) {
    Target t = resolve(path);
    return t.fs.read(t.path);
  }

  @Override
  public void create(String path, int createMode, long size, Source source) {
    Target t = resolve(path);
    t.fs.create(t.path, createMode, size, source);
  }

  @Override
  public void write(String path, byte[] data, WriteMode how, int createMode) {
    Target t = resolve(path);
    t.fs.write(t.path, data, how, createMode);
  }

  @Override
  public void truncate(String path, long size) {
    Target t = resolve(path);
    t.fs.truncate(t.path, size);
  }

  @Override
  public void mkdir(String path, int mode) {
    Target t = resolve(path);
    t.fs.mkdir(t.path, mode);
  }

  @Override
  public void rmdir(String path) {
    notMountPoint(path);
    Target t = resolve(path);
    t.fs.rmdir(t.path);
  }

  @Override
  public void unlink(String path) {
    notMountPoint(path);
    Target t = resolve(path);
    t.fs.unlink(t.path);
  }

  @Override
  public void rename(String from, String to) {
    notMountPoint(from);
    notMountPoint(to);
    Target a = resolve(from);
    Target b = resolve(to);
    if (a.fs != b.fs) {
      a.fs.lstat(a.path);
      throw new VfsException(Errno.EXDEV, from);
    }
    a.fs.rename(a.path, b.path);
  }

  @Override
  public void link(String existing, String newPath) {
    Target a = resolve(existing);
    Target b = resolve(newPath);
    if (a.fs != b.fs) {
      a.fs.lstat(a.path);
      throw new VfsException(Errno.EXDEV, newPath);
    }
    a.fs.link(a.path, b.path);
  }

  @Override
  public void symlink(String target, String path) {
    Target t = resolve(path);
    t.fs.symlink(target, t.path);
  }

  @Override
  public String readlink(String path) {
    Target t = resolve(path);
    return t.fs.readlink(t.path);
  }

  @Override
  public void chmod(String path, int mode) {
    Target t = resolve(path);
    t.fs.chmod(t.path, mode);
  }

  @Override
  public void chown(String path, int uid, int gid, boolean follow) {
    Target t = resolve(path);
    t.fs.chown(t.path, uid, gid, follow);
  }

  @Override
  public void utimes(String path, Instant atime, Instant mtime, boolean follow) {
    Target t = resolve(path);
    t.fs.utimes(t.path, atime, mtime, follow);
  }

  @Override
  public void mknod(String path, FileType type, int mode, int major, int minor) {
    Target t = resolve(path);
    t.fs.mknod(t.path, type, mode, major, minor);
  }

  @Override
  public byte[] getxattr(String path, String name) {
    Target t = resolve(path);
    return t.fs.getxattr(t.path, name);
  }

  @Override
  public void setxattr(String path, String name, byte[] value) {
    Target t = resolve(path);
    t.fs.setxattr(t.path, name, value);
  }

  @Override
  public List<String> listxattr(String path) {
    Target t = resolve(path);
    return t.fs.listxattr(t.path);
  }

  @Override
  public void removexattr(String path, String name) {
    Target t = resolve(path);
    t.fs.removexattr(t.path, name);
  }

  @Override
  public void copyContent(String source, String target) {
    Target a = resolve(source);
    Target b = resolve(target);
    if (a.fs == b.fs) {
      a.fs.copyContent(a.path, b.path);
    } else {
      b.fs.write(b.path, a.fs.read(a.path), WriteMode.TRUNCATE, 0);
    }
  }

  @Override
  public synchronized long treeVersion() {
    long v = root.treeVersion();
    if (v < 0) {
      return -1;
    }
    v += generation;
    for (Mounted m : mounts) {
      long mv = m.fs.treeVersion();
      if (mv < 0) {
        return -1;
      }
      v += mv;
    }
    return v;
  }
}
