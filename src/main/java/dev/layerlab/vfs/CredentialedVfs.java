package dev.layerlab.vfs;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A filesystem as a process that is not root sees it: the kernel's discretionary access checks
 * (search permission on every directory a path passes through, read and write permission on
 * files, write permission on the directory whose entries change, the sticky bit, owner-only
 * chmod and chown) fail with EACCES or EPERM before the call reaches the filesystem below, and
 * the inodes it creates belong to the process's uid and gid (or the directory's group in a setgid
 * directory), as {@code inode_init_owner} makes them.
 *
 * <p>Not modelled: exec permission (programs are looked up, not exec'd), ACLs, capabilities other
 * than root's, and the difference between setting times to "now" (write permission suffices) and
 * to given values (owner only): both need owner or write permission here.
 */
public final class CredentialedVfs implements Vfs {
  private static final int MAY_EXEC = 1;
  private static final int MAY_WRITE = 2;
  private static final int MAY_READ = 4;
  private static final int MAX_SYMLINKS = 40;

  private final Vfs fs;
  private final Credentials cred;

  private CredentialedVfs(Vfs fs, Credentials cred) {
    this.fs = fs;
    this.cred = cred;
  }

  /** {@code fs} as a process with {@code cred} uses it: unchanged for root. */
  public static Vfs as(Vfs fs, Credentials cred) {
    return cred.isRoot() ? fs : new CredentialedVfs(fs, cred);
  }

  /**
   * Where a path lookup ended: the symlink-free directory it looked the last name up in, and
   * what it found there (null when nothing has the name).
   */
  private record Found(String dir, String path, Stat stat) {}

  /**
   * Walks {@code path} name by name as the kernel's path walk does, needing search permission on
   * every directory it looks a name up in and following symlinks (the last one only when
   * {@code followLast}). Null when a directory on the way is missing or is not a directory: the
   * filesystem below then reports that itself.
   */
  private Found lookup(String path, boolean followLast) {
    Deque<String> names = new ArrayDeque<>(VPaths.names(path));
    String dir = "/";
    int symlinks = 0;
    while (!names.isEmpty()) {
      String name = names.pollFirst();
      need(path, fs.stat(dir), MAY_EXEC);
      if (name.equals("..")) {
        dir = VPaths.parent(dir);
        continue;
      }
      String next = VPaths.child(dir, name);
      Stat st = fs.lstatOrNull(next);
      boolean last = names.isEmpty();
      if (st != null && st.isSymlink() && (!last || followLast)) {
        if (++symlinks > MAX_SYMLINKS) {
          throw new VfsException(Errno.ELOOP, path);
        }
        String target = fs.readlink(next);
        List<String> more = VPaths.names(target);
        for (int i = more.size() - 1; i >= 0; i--) {
          names.addFirst(more.get(i));
        }
        if (target.startsWith("/")) {
          dir = "/";
        }
        continue;
      }
      if (last) {
        return new Found(dir, next, st);
      }
      if (st == null || !st.isDirectory()) {
        return null;
      }
      dir = next;
    }
    // the path names a directory itself ("/", "a/..", or a symlink to one)
    return new Found(VPaths.parent(dir), dir, fs.stat(dir));
  }

  private boolean permits(Stat st, int mask) {
    return cred.permits(st, mask);
  }

  private static void fail(Errno errno, String path) {
    throw new VfsException(errno, path);
  }

  private void need(String path, Stat st, int mask) {
    if (!permits(st, mask)) {
      fail(Errno.EACCES, path);
    }
  }

  private void needOwner(String path, Stat st) {
    if (st.uid() != cred.uid()) {
      fail(Errno.EPERM, path);
    }
  }

  /** may_create: a new name needs write and search permission on its directory. */
  private Found creating(String path) {
    Found f = lookup(path, false);
    if (f != null && f.stat() == null) {
      need(path, fs.stat(f.dir()), MAY_WRITE | MAY_EXEC);
    }
    return f;
  }

  /** The new inode's owner: the process, with the directory's group in a setgid directory. */
  private void own(Found f) {
    if (f != null && f.stat() == null) {
      boolean setgid = (fs.stat(f.dir()).mode() & 02000) != 0;
      fs.chown(f.path(), cred.uid(), setgid ? -1 : cred.gid(), false);
    }
  }

  /** may_delete: write and search permission on the directory, and the sticky bit's rule. */
  private void deleting(String path, Found f) {
    if (f == null || f.stat() == null) {
      return;
    }
    Stat dir = fs.stat(f.dir());
    need(path, dir, MAY_WRITE | MAY_EXEC);
    if ((dir.mode() & 01000) != 0 && f.stat().uid() != cred.uid() && dir.uid() != cred.uid()) {
      fail(Errno.EPERM, path);
    }
  }

  @Override
  public Stat stat(String path) {
    lookup(path, true);
    return fs.stat(path);
  }

  @Override
  public Stat lstat(String path) {
    lookup(path, false);
    return fs.lstat(path);
  }

  @Override
  public List<DirEntry> readDir(String path) {
    Found f = lookup(path, true);
    if (f != null && f.stat() != null && f.stat().isDirectory()) {
      need(path, f.stat(), MAY_READ);
    }
    return fs.readDir(path);
  }

  @Override
  public byte[] read(String path) {
    readable(path);
    return fs.read(path);
  }

  private void readable(String path) {
    Found f = lookup(path, true);
    if (f != null && f.stat() != null && !f.stat().isDirectory()) {
      need(path, f.stat(), MAY_READ);
    }
  }

  @Override
  public void write(String path, byte[] data, WriteMode how, int createMode) {
    Found f = lookup(path, true);
    if (f != null && f.stat() != null && !f.stat().isDirectory()) {
      need(path, f.stat(), MAY_WRITE);
    } else if (f != null && f.stat() == null) {
      need(path, fs.stat(f.dir()), MAY_WRITE | MAY_EXEC);
    }
    fs.write(path, data, how, createMode);
    own(f);
  }

  @Override
  public void truncate(String path, long size) {
    Found f = lookup(path, true);
    if (f != null && f.stat() != null && !f.stat().isDirectory()) {
      need(path, f.stat(), MAY_WRITE);
    }
    fs.truncate(path, size);
  }

  @Override
  public void mkdir(String path, int mode) {
    Found f = creating(path);
    fs.mkdir(path, mode);
    own(f);
  }

  @Override
  public void rmdir(String path) {
    deleting(path, lookup(path, false));
    fs.rmdir(path);
  }

  @Override
  public void unlink(String path) {
    deleting(path, lookup(path, false));
    fs.unlink(path);
  }

  @Override
  public void rename(String from, String to) {
    Found src = lookup(from, false);
    Found dst = lookup(to, false);
    if (src != null && src.stat() != null && dst != null) {
      deleting(from, src);
      if (dst.stat() == null) {
        need(to, fs.stat(dst.dir()), MAY_WRITE | MAY_EXEC);
      } else {
        deleting(to, dst);
      }
      if (src.stat().isDirectory() && !src.dir().equals(dst.dir())) {
        need(from, src.stat(), MAY_WRITE); // its ".." changes
      }
    }
    fs.rename(from, to);
  }

  @Override
  public void link(String existing, String newPath) {
    Found source = lookup(existing, false);
    Found target = lookup(newPath, false);
    if (source != null && source.stat() != null && target != null && target.stat() == null) {
      if (!safeHardlinkSource(source.stat())) {
        fail(Errno.EPERM, existing);
      }
      need(newPath, fs.stat(target.dir()), MAY_WRITE | MAY_EXEC);
    }
    fs.link(existing, newPath);
  }

  /**
   * fs.protected_hardlinks (on in Ubuntu and Debian): only the owner may link to a file that is
   * not a plain file the linker could both read and write, or that is setuid or setgid-executable.
   */
  private boolean safeHardlinkSource(Stat st) {
    if (st.uid() == cred.uid()) {
      return true;
    }
    return st.isRegular() && (st.mode() & 04000) == 0 && (st.mode() & 02010) != 02010
        && permits(st, MAY_READ | MAY_WRITE);
  }

  @Override
  public void symlink(String target, String path) {
    Found f = creating(path);
    fs.symlink(target, path);
    own(f);
  }

  @Override
  public String readlink(String path) {
    lookup(path, false);
    return fs.readlink(path);
  }

  @Override
  public void chmod(String path, int mode) {
    Found f = lookup(path, true);
    if (f != null && f.stat() != null) {
      needOwner(path, f.stat());
      if (!cred.inGroup(f.stat().gid())) {
        mode &= ~02000; // setgid for a group the process is not in is dropped silently
      }
    }
    fs.chmod(path, mode);
  }

  @Override
  public void chown(String path, int uid, int gid, boolean follow) {
    Found f = lookup(path, follow);
    if (f != null && f.stat() != null) {
      Stat st = f.stat();
      boolean owner = st.uid() == cred.uid();
      if (uid != -1 && !(owner && uid == st.uid())) {
        fail(Errno.EPERM, path);
      }
      if (gid != -1 && !(owner && (gid == st.gid() || cred.inGroup(gid)))) {
        fail(Errno.EPERM, path);
      }
    }
    fs.chown(path, uid, gid, follow);
  }

  @Override
  public void utimes(String path, Instant atime, Instant mtime, boolean follow) {
    Found f = lookup(path, follow);
    if (f != null && f.stat() != null && f.stat().uid() != cred.uid()) {
      need(path, f.stat(), MAY_WRITE);
    }
    fs.utimes(path, atime, mtime, follow);
  }

  @Override
  public void mknod(String path, FileType type, int mode, int major, int minor) {
    Found f = creating(path);
    if (f != null && f.stat() == null && (type == FileType.CHAR_DEVICE || type == FileType.BLOCK_DEVICE)) {
      fail(Errno.EPERM, path); // devices need CAP_MKNOD
    }
    fs.mknod(path, type, mode, major, minor);
    own(f);
  }

  /** trusted.* and security.* need CAP_SYS_ADMIN: invisible to read, refused to write. */
  private static boolean privileged(String name) {
    return name.startsWith("trusted.") || name.startsWith("security.");
  }

  @Override
  public byte[] getxattr(String path, String name) {
    Found f = lookup(path, false);
    if (name.startsWith("trusted.")) {
      fail(Errno.ENODATA, path);
    }
    if (name.startsWith("user.") && f != null && f.stat() != null) {
      need(path, f.stat(), MAY_READ);
    }
    return fs.getxattr(path, name);
  }

  @Override
  public void setxattr(String path, String name, byte[] value) {
    xattrChange(path, name);
    fs.setxattr(path, name, value);
  }

  @Override
  public List<String> listxattr(String path) {
    lookup(path, false);
    return fs.listxattr(path).stream().filter(n -> !n.startsWith("trusted.")).toList();
  }

  @Override
  public void removexattr(String path, String name) {
    xattrChange(path, name);
    fs.removexattr(path, name);
  }

  private void xattrChange(String path, String name) {
    Found f = lookup(path, false);
    if (privileged(name)) {
      fail(Errno.EPERM, path);
    }
    if (f != null && f.stat() != null && name.startsWith("user.")) {
      if (!f.stat().isRegular() && !f.stat().isDirectory()) {
        fail(Errno.EPERM, path);
      }
      need(path, f.stat(), MAY_WRITE);
    }
  }

  @Override
  public void copyContent(String source, String target) {
    readable(source);
    Found f = lookup(target, true);
    if (f != null && f.stat() != null && !f.stat().isDirectory()) {
      need(target, f.stat(), MAY_WRITE);
    }
    fs.copyContent(source, target);
  }

  @Override
  public long treeVersion() {
    return fs.treeVersion();
  }
}
