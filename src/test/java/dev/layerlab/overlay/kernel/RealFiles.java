package dev.layerlab.overlay.kernel;

import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VfsException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** Real paths for {@link DiskVfs}: chroot-like resolution, lstat as a {@link Stat}, and errno mapping. */
final class RealFiles {
  private static final int MAX_SYMLINKS = 40;
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private RealFiles() {}

  /**
   * The real path a vfs path names under {@code root}, one name at a time, symlinks followed
   * inside the root (the last one when asked), with the kernel's errors for the walk: ENOENT,
   * ENOTDIR, ELOOP.
   */
  static Path resolve(Path root, String path, boolean followLast) {
    Deque<String> todo = new ArrayDeque<>(names(path));
    List<String> at = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String name = todo.pollFirst();
      if (name.equals("..")) {
        if (!at.isEmpty()) {
          at.remove(at.size() - 1);
        }
        continue;
      }
      Path here = join(root, at).resolve(name);
      boolean last = todo.isEmpty();
      if (last && !followLast) {
        at.add(name);
        break;
      }
      Map<String, Object> a = attrsOrNull(here);
      if (a == null) {
        if (last) {
          at.add(name);
          break;
        }
        throw new VfsException(Errno.ENOENT, path);
      }
      int type = (Integer) a.get("mode") & 0170000;
      if (type == 0120000) {
        if (++links > MAX_SYMLINKS) {
          throw new VfsException(Errno.ELOOP, path);
        }
        String target = readlinkReal(here);
        if (target.startsWith("/")) {
          at.clear();
        }
        List<String> t = names(target);
        Collections.reverse(t);
        t.forEach(todo::addFirst);
        continue;
      }
      if (!last && type != 0040000) {
        throw new VfsException(Errno.ENOTDIR, path);
      }
      at.add(name);
    }
    return join(root, at);
  }

  static Path join(Path root, List<String> names) {
    Path p = root;
    for (String n : names) {
      p = p.resolve(n);
    }
    return p;
  }

  static List<String> names(String path) {
    List<String> out = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty() && !s.equals(".")) {
        out.add(s);
      }
    }
    return out;
  }

  static Map<String, Object> attrsOrNull(Path p) {
    try {
      return Files.readAttributes(p, "unix:*", NOFOLLOW);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw fail(e, p.toString());
    }
  }

  private static String readlinkReal(Path p) {
    try {
      return Files.readSymbolicLink(p).toString();
    } catch (IOException e) {
      throw fail(e, p.toString());
    }
  }

  /** The errno a java.nio failure stands for. */
  static VfsException fail(IOException e, String path) {
    Errno errno;
    if (e instanceof NoSuchFileException) {
      errno = Errno.ENOENT;
    } else if (e instanceof FileAlreadyExistsException) {
      errno = Errno.EEXIST;
    } else if (e instanceof DirectoryNotEmptyException) {
      errno = Errno.ENOTEMPTY;
    } else if (e instanceof AtomicMoveNotSupportedException) {
      errno = Errno.EXDEV;
    } else if (e instanceof NotDirectoryException) {
      errno = Errno.ENOTDIR;
    } else if (e instanceof NotLinkException) {
      errno = Errno.EINVAL;
    } else if (e instanceof java.nio.file.AccessDeniedException) {
      errno = Errno.EACCES;
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      errno = Proc.errnoOf(f.getReason());
    } else {
      errno = e.getMessage() == null ? null : Proc.errnoOf(e.getMessage());
    }
    if (errno == null) {
      throw new IllegalStateException("unmapped failure on " + path + ": " + e, e);
    }
    return new VfsException(errno, path);
  }

  static Stat stat(Path p, String path) {
    Map<String, Object> a = attrsOrNull(p);
    if (a == null) {
      throw new VfsException(Errno.ENOENT, path);
    }
    int mode = (Integer) a.get("mode");
    long rdev = (Long) a.get("rdev");
    int major = (int) (((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL));
    int minor = (int) ((rdev & 0xff) | ((rdev >>> 12) & ~0xffL));
    return new Stat(typeOf(mode), mode & 07777, (Integer) a.get("uid"), (Integer) a.get("gid"),
        (Long) a.get("size"), (Integer) a.get("nlink"), (Long) a.get("ino"), (Long) a.get("dev"),
        major, minor, ((FileTime) a.get("lastAccessTime")).toInstant(),
        ((FileTime) a.get("lastModifiedTime")).toInstant(), ((FileTime) a.get("ctime")).toInstant());
  }

  static FileType typeOf(int stMode) {
    for (FileType t : FileType.values()) {
      if ((stMode & 0170000) == t.formatBits()) {
        return t;
      }
    }
    throw new IllegalStateException("unknown file type " + Integer.toOctalString(stMode));
  }
}
