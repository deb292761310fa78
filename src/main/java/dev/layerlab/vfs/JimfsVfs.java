package dev.layerlab.vfs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The in-memory disk of layerlab: a Linux-like filesystem whose bytes live in Jimfs.
 *
 * <p>The inode table and the directory tree are kept here, resolved once per call without
 * walking Jimfs from its root under its lock, because Jimfs has no device nodes, no setuid,
 * setgid or sticky bits, no numeric owners, no ctime and no {@code trusted.*} xattrs. Every
 * call is atomic: it checks everything it can fail on before it changes anything.
 */
public final class JimfsVfs implements Vfs {
  /** st_dev of the simulated disk: 8:1, i.e. /dev/sda1. */
  private static final long DEFAULT_DEV = (8 << 8) | 1;

  private final Clock clock;
  private final long dev;
  private final Blobs blobs = new Blobs();
  private final Inode root;
  private long nextIno = 2; // ext4 numbers its root 2
  private long treeVersion;

  private JimfsVfs(Clock clock, long dev) {
    this.clock = clock;
    this.dev = dev;
    this.root = new Inode(nextIno++, FileType.DIRECTORY, 0755, clock.instant());
    root.parent = root;
  }

  /** An empty filesystem (just {@code /}, mode 0755, root-owned) whose times come from {@code clock}. */
  public static JimfsVfs create(Clock clock) {
    return new JimfsVfs(clock, DEFAULT_DEV);
  }

  /** An empty filesystem on the system clock. */
  public static JimfsVfs create() {
    return create(Clock.systemUTC());
  }

  /** A view of this filesystem that fails every change with EROFS, as a read-only mount does. */
  public Vfs readOnlyView() {
    return new ReadOnlyVfs(this);
  }

  private Found walk(String path, boolean followFinal) {
    return Found.walk(root, path, followFinal);
  }

  private Instant now() {
    return clock.instant();
  }

  private Inode newInode(FileType type, int mode) {
    return new Inode(nextIno++, type, mode, now());
  }

  /** Adds a name: the directory's mtime and ctime move, as on Linux. */
  private void attach(Inode dir, String name, Inode node) {
    dir.entries.put(name, node);
    if (node.isDir()) {
      node.parent = dir;
      dir.subdirs++;
    } else {
      node.links++;
    }
    dir.mtime = dir.ctime = now();
    treeVersion++;
  }

  /** Removes a name; a non-directory losing its last name loses its bytes. */
  private void detach(Inode dir, String name, Inode node) {
    dir.entries.remove(name);
    Instant now = now();
    if (node.isDir()) {
      dir.subdirs--;
    } else if (--node.links == 0) {
      blobs.release(node);
    }
    node.ctime = now;
    dir.mtime = dir.ctime = now;
    treeVersion++;
  }

  private Found forCreate(String path) {
    Found f = walk(path, false);
    if (f.node() != null || f.isRoot()) {
      throw new VfsException(Errno.EEXIST, path);
    }
    return f;
  }

  @Override
  public synchronized Stat stat(String path) {
    return walk(path, true).need(path).stat(dev);
  }

  @Override
  public synchronized Stat lstat(String path) {
    return walk(path, false).need(path).stat(dev);
  }

  @Override
  public synchronized Stat lstatOrNull(String path) {
    Found f = Found.walk(root, path, false, true);
    return f == null || f.node() == null || (f.slash() && !f.node().isDir()) ? null : f.node().stat(dev);
  }

  @Override
  public synchronized boolean exists(String path) {
    Found f = Found.walk(root, path, false, true);
    return f != null && f.node() != null && !(f.slash() && !f.node().isDir());
  }

  @Override
  public synchronized List<DirEntry> readDir(String path) {
    Inode dir = walk(path, true).need(path);
    if (!dir.isDir()) {
      throw new VfsException(Errno.ENOTDIR, path);
    }
    List<DirEntry> out = new ArrayList<>(dir.entries.size());
    for (Map.Entry<String, Inode> e : dir.entries.entrySet()) {
      out.add(new DirEntry(e.getKey(), e.getValue().type, e.getValue().ino));
    }
    out.sort(Comparator.comparing(DirEntry::name, VPaths::compareBytewise));
    dir.touchAtime(now());
    return out;
  }

  @Override
  public synchronized byte[] read(String path) {
    Inode node = walk(path, true).need(path);
    switch (node.type) {
      case DIRECTORY:
        throw new VfsException(Errno.EISDIR, path);
      case REGULAR:
        node.touchAtime(now());
        return blobs.read(node);
      default:
        Inode.checkOpenable(node, path);
        return new byte[0];
    }
  }

  @Override
  public synchronized void write(String path, byte[] data, WriteMode how, int createMode) {
    Found f = walk(path, how != WriteMode.CREATE_NEW);
    Inode node = f.node();
    if (node == null) {
      if (f.slash() || f.isRoot()) {
        throw new VfsException(Errno.EISDIR, path);
      }
      node = Inode.initOwner(f.dir(), newInode(FileType.REGULAR, createMode));
      blobs.write(node, data, 0, true);
      attach(f.dir(), f.name(), node);
      return;
    }
    if (how == WriteMode.CREATE_NEW) {
      throw new VfsException(Errno.EEXIST, path);
    }
    node = f.need(path);
    if (node.isDir()) {
      throw new VfsException(Errno.EISDIR, path);
    }
    if (node.type != FileType.REGULAR) {
      Inode.checkOpenable(node, path);
      return; // a device or fifo swallows the bytes
    }
    boolean truncate = how == WriteMode.TRUNCATE;
    long offset = how == WriteMode.APPEND ? node.size : 0;
    blobs.write(node, data, offset, truncate);
    if (truncate || data.length > 0) {
      node.mtime = node.ctime = now();
    }
  }

  @Override
  public synchronized void create(String path, int createMode, long size, Source source) {
    if (size == 0) {
      write(path, new byte[0], WriteMode.CREATE_NEW, createMode);
      return;
    }
    Found f = walk(path, false);
    if (f.node() != null) {
      throw new VfsException(Errno.EEXIST, path);
    }
    if (f.slash() || f.isRoot()) {
      throw new VfsException(Errno.EISDIR, path);
    }
    Inode node = Inode.initOwner(f.dir(), newInode(FileType.REGULAR, createMode));
    blobs.write(node, source, path);
    attach(f.dir(), f.name(), node);
  }

  @Override
  public synchronized void truncate(String path, long size) {
    Inode node = walk(path, true).need(path);
    if (node.isDir()) {
      throw new VfsException(Errno.EISDIR, path);
    }
    if (node.type != FileType.REGULAR || size < 0) {
      throw new VfsException(Errno.EINVAL, path);
    }
    blobs.truncate(node, size);
    node.mtime = node.ctime = now();
  }

  @Override
  public synchronized void mkdir(String path, int mode) {
    Found f = forCreate(path);
    attach(f.dir(), f.name(), Inode.initOwner(f.dir(), newInode(FileType.DIRECTORY, mode)));
  }

  @Override
  public synchronized void rmdir(String path) {
    Found f = walk(path, false);
    Inode node = f.need(path);
    if (!node.isDir()) {
      throw new VfsException(Errno.ENOTDIR, path);
    }
    if (f.isRoot()) {
      throw new VfsException(Errno.EBUSY, path);
    }
    if (!node.entries.isEmpty()) {
      throw new VfsException(Errno.ENOTEMPTY, path);
    }
    detach(f.dir(), f.name(), node);
  }

  @Override
  public synchronized void unlink(String path) {
    Found f = walk(path, false);
    Inode node = f.need(path);
    if (node.isDir()) {
      throw new VfsException(Errno.EISDIR, path);
    }
    detach(f.dir(), f.name(), node);
  }

  @Override
  public synchronized void rename(String from, String to) {
    Found a = walk(from, false);
    Found b = walk(to, false); // both parents are looked up before the name itself
    Inode node = a.need(from);
    if (!RenameChecks.check(a, b, node, root, from, to)) {
      return; // two names of one inode: rename(2) does nothing
    }
    if (b.node() != null) {
      detach(b.dir(), b.name(), b.node());
    }
    a.dir().entries.remove(a.name());
    if (node.isDir()) {
      a.dir().subdirs--;
    } else {
      node.links--;
    }
    attach(b.dir(), b.name(), node);
    a.dir().mtime = a.dir().ctime = node.ctime = now();
  }

  @Override
  public synchronized void link(String existing, String newPath) {
    Inode node = walk(existing, false).need(existing);
    Found b = forCreate(newPath);
    if (node.isDir()) {
      throw new VfsException(Errno.EPERM, existing);
    }
    attach(b.dir(), b.name(), node);
    node.ctime = now();
  }

  @Override
  public synchronized void symlink(String target, String path) {
    Found f = forCreate(path);
    if (target.isEmpty()) {
      throw new VfsException(Errno.ENOENT, path);
    }
    Inode link = Inode.initOwner(f.dir(), newInode(FileType.SYMLINK, 0777));
    link.target = target;
    attach(f.dir(), f.name(), link);
  }

  @Override
  public synchronized String readlink(String path) {
    Inode node = walk(path, false).need(path);
    if (node.type != FileType.SYMLINK) {
      throw new VfsException(Errno.EINVAL, path);
    }
    node.touchAtime(now());
    return node.target;
  }

  @Override
  public synchronized void chmod(String path, int mode) {
    Inode node = walk(path, true).need(path);
    node.mode = mode & 07777;
    node.ctime = now();
  }

  @Override
  public synchronized void chown(String path, int uid, int gid, boolean follow) {
    Inode node = walk(path, follow).need(path);
    if (uid != -1) {
      node.uid = uid;
    }
    if (gid != -1) {
      node.gid = gid;
    }
    if ((uid != -1 || gid != -1) && !node.isDir()) {
      // Linux drops setuid, and setgid when it means "setgid" (group-executable), on a new owner.
      node.mode &= ~04000;
      if ((node.mode & 02010) == 02010) {
        node.mode &= ~02000;
      }
    }
    node.ctime = now();
  }

  @Override
  public synchronized void utimes(String path, Instant atime, Instant mtime, boolean follow) {
    Inode node = walk(path, follow).need(path);
    if (atime != null) {
      node.atime = atime;
    }
    if (mtime != null) {
      node.mtime = mtime;
    }
    node.ctime = now();
  }

  @Override
  public synchronized void mknod(String path, FileType type, int mode, int major, int minor) {
    if (type == FileType.DIRECTORY) {
      throw new VfsException(Errno.EPERM, path);
    }
    if (type == FileType.SYMLINK) {
      throw new VfsException(Errno.EINVAL, path);
    }
    Found f = forCreate(path);
    Inode node = Inode.initOwner(f.dir(), newInode(type, mode));
    if (type.isDevice()) {
      node.major = major;
      node.minor = minor;
    }
    attach(f.dir(), f.name(), node);
  }

  @Override
  public synchronized byte[] getxattr(String path, String name) {
    return Xattrs.get(walk(path, false).need(path), name, path);
  }

  @Override
  public synchronized void setxattr(String path, String name, byte[] value) {
    Inode node = walk(path, false).need(path);
    Xattrs.set(node, name, value, path);
    node.ctime = now();
    treeVersion++;
  }

  @Override
  public synchronized List<String> listxattr(String path) {
    Inode node = walk(path, false).need(path);
    return node.xattrs == null ? List.of() : List.copyOf(node.xattrs.keySet());
  }

  @Override
  public synchronized void removexattr(String path, String name) {
    Inode node = walk(path, false).need(path);
    Xattrs.remove(node, name, path);
    node.ctime = now();
    treeVersion++;
  }

  @Override
  public synchronized void copyContent(String source, String target) {
    Inode from = regular(source);
    Inode to = regular(target);
    if (from != to) {
      blobs.share(from, to);
      to.mtime = to.ctime = now();
    }
  }

  private Inode regular(String path) {
    Inode node = walk(path, true).need(path);
    if (node.type != FileType.REGULAR) {
      throw new VfsException(node.isDir() ? Errno.EISDIR : Errno.EINVAL, path);
    }
    return node;
  }

  @Override
  public synchronized long treeVersion() {
    return treeVersion;
  }

  @Override
  public String toString() {
    return "JimfsVfs[dev=" + (dev >> 8) + ":" + (dev & 0xff) + "]";
  }
}
