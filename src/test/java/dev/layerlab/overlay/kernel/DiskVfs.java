package dev.layerlab.overlay.kernel;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real directory (a layer dir, the upper dir, or an overlay mount point) seen through the
 * {@link Vfs} contract, with real system calls from java.nio, so one piece of code can drive the
 * kernel and layerlab alike.
 *
 * <p>Paths are resolved here one name at a time with the directory as root, like a chroot:
 * absolute symlink targets in a layer must never reach the host's own files. Device nodes are
 * never opened. mknod and xattr changes run the real tools; while {@link Specials} defers them
 * (building lower layers) they are batched into the mount's single shell.
 */
final class DiskVfs implements Vfs {
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final Path root;
  private final Xattrs xattrs;
  private final Specials specials;

  private final boolean userXattrsOnly;

  DiskVfs(Path root, Xattrs xattrs, Specials specials) {
    this(root, xattrs, specials, false);
  }

  /**
   * @param userXattrsOnly read xattrs through java.nio, which sees only {@code user.*}: enough for
   *     an overlay mount, which hides {@code trusted.overlay.*}, and it saves a process per dump
   */
  DiskVfs(Path root, Xattrs xattrs, Specials specials, boolean userXattrsOnly) {
    this.root = root;
    this.xattrs = xattrs;
    this.specials = specials;
    this.userXattrsOnly = userXattrsOnly;
  }

  Path root() {
    return root;
  }

  /** The real path a vfs path names (see {@link RealFiles#resolve}). */
  Path real(String path, boolean followLast) {
    return RealFiles.resolve(root, path, followLast);
  }

  /**
   * Before a change made from Java: the device and xattr commands queued so far run first, since
   * the change may concern what they make, and the xattrs read so far may no longer hold.
   */
  private void beforeChange() {
    specials.flush();
    xattrs.invalidate();
  }

  @Override
  public Stat stat(String path) {
    specials.beforeRead();
    return RealFiles.stat(real(path, true), path);
  }

  @Override
  public Stat lstat(String path) {
    specials.beforeRead();
    return RealFiles.stat(real(path, false), path);
  }

  @Override
  public List<DirEntry> readDir(String path) {
    specials.beforeRead();
    Path p = real(path, true);
    List<DirEntry> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
      for (Path c : ds) {
        String name = c.getFileName().toString();
        Map<String, Object> a = RealFiles.attrsOrNull(c);
        if (a == null) {
          // a lower whiteout listed by a dir that is in one layer only: d_type is DT_CHR
          out.add(new DirEntry(name, FileType.CHAR_DEVICE, 0));
        } else {
          out.add(new DirEntry(name, RealFiles.typeOf((Integer) a.get("mode")), (Long) a.get("ino")));
        }
      }
    } catch (IOException e) {
      throw RealFiles.fail(e, path);
    }
    out.sort((x, y) -> compareBytes(x.name(), y.name()));
    return out;
  }

  static int compareBytes(String a, String b) {
    return java.util.Arrays.compare(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public byte[] read(String path) {
    specials.beforeRead();
    Path p = real(path, true);
    Stat st = RealFiles.stat(p, path);
    if (st.isDirectory()) {
      throw new VfsException(Errno.EISDIR, path);
    }
    refuseDevice(st, path);
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw RealFiles.fail(e, path);
    }
  }

  /**
   * Opening a real device node could touch real hardware, so scripts may open only the null
   * device (char 1:3: reads nothing, swallows writes); anything else is a test bug.
   */
  private static void refuseDevice(Stat st, String path) {
    boolean isNull = st.type() == FileType.CHAR_DEVICE && st.rdevMajor() == 1 && st.rdevMinor() == 3;
    if (!st.isRegular() && !st.isDirectory() && !st.isSymlink() && !isNull) {
      throw new IllegalStateException("refusing to open the device node " + path);
    }
  }

  @Override
  public void write(String path, byte[] data, WriteMode how, int createMode) {
    beforeChange();
    Path p = real(path, how != WriteMode.CREATE_NEW);
    if (how != WriteMode.CREATE_NEW && RealFiles.attrsOrNull(p) != null) {
      refuseDevice(RealFiles.stat(p, path), path);
    }
    Set<OpenOption> opts = new java.util.HashSet<>(List.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
    switch (how) {
      case TRUNCATE -> {
        opts.add(StandardOpenOption.CREATE);
        opts.add(StandardOpenOption.TRUNCATE_EXISTING);
      }
      case APPEND -> {
        opts.add(StandardOpenOption.CREATE);
        opts.add(StandardOpenOption.APPEND);
      }
      case CREATE_NEW -> opts.add(StandardOpenOption.CREATE_NEW);
      case OVERWRITE -> opts.add(StandardOpenOption.CREATE);
    }
    try (SeekableByteChannel ch = Files.newByteChannel(p, opts,
        PosixFilePermissions.asFileAttribute(permissions(createMode)))) {
      ByteBuffer b = ByteBuffer.wrap(data);
      while (b.hasRemaining()) {
        ch.write(b);
      }
    } catch (IOException e) {
      throw RealFiles.fail(e, path);
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] all = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
    for (int i = 0; i < 9; i++) {
      if ((mode & (0400 >> i)) != 0) {
        out.add(all[i]);
      }
    }
    return out;
  }

  @Override
  public void truncate(String path, long size) {
    beforeChange();
    Path p = real(path, true);
    Stat st = RealFiles.stat(p, path);
    if (st.isDirectory()) {
      throw new VfsException(Errno.EISDIR, path);
    }
    refuseDevice(st, path);
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(size);
    } catch (IOException e) {
      throw RealFiles.fail(e, path);
    }
  }

  @Override
  public void mkdir(String path, int mode) {
    beforeChange();
    try {
      Files.createDirectory(real(path, false), PosixFilePermissions.asFileAttribute(permissions(mode)));
    } catch (IOException e) {
      throw RealFiles.fail(e, path);
    }
  }

  @Override
  public void rmdir(String path) {
    beforeChange();
    Path p = real(path, false);
    if (!RealFiles.stat(p, path).isDirectory()) {
      throw new VfsException(Errno.ENOTDIR, path);
    }
    delete(p, path);
  }

  @Override
  public void unlink(String path) {
    beforeChange();
    Path p = real(path, false);
    if (RealFiles.stat(p, path).isDirectory()) {
      throw new VfsException(Errno.EISDIR, path);
    }
    delete(p, path);
  }

  private static void delete(Path p, String path) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw RealFiles.fail(e, path);
    }
  }

  @Override
  public void rename(String from, String to) {
    beforeChange();
    try {
      // ATOMIC_MOVE is a bare rename(2) in the JDK: no copy fallback, EXDEV surfaces
      Files.move(real(from, false), real(to, false), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw RealFiles.fail(e, from);
    }
  }

  @Override
  public void link(String existing, String newPath) {
    beforeChange();
    // link(2) looks the existing name up completely before it looks at the new one's parent
    Path old = real(existing, false);
    if (RealFiles.attrsOrNull(old) == null) {
      throw new VfsException(Errno.ENOENT, existing);
    }
    try {
      Files.createLink(real(newPath, false), old);
    } catch (IOException e) {
      throw RealFiles.fail(e, newPath);
    }
  }

  @Override
  public void symlink(String target, String path) {
    beforeChange();
    try {
      Files.createSymbolicLink(real(path, false), Path.of(target));
    } catch (IOException e) {
      throw RealFiles.fail(e, path);
    }
  }

  @Override
  public String readlink(String path) {
    specials.beforeRead();
    try {
      return Files.readSymbolicLink(real(path, false)).toString();
    } catch (IOException e) {
      throw RealFiles.fail(e, path);
    }
  }

  @Override
  public void chmod(String path, int mode) {
    beforeChange();
    try {
      Files.setAttribute(real(path, true), "unix:mode", mode & 07777, NOFOLLOW);
    } catch (IOException e) {
      throw RealFiles.fail(e, path);
    }
  }

  @Override
  public void chown(String path, int uid, int gid, boolean follow) {
    beforeChange();
    Path p = real(path, follow);
    try {
      if (uid != -1) {
        Files.setAttribute(p, "unix:uid", uid, NOFOLLOW);
      }
      if (gid != -1) {
        Files.setAttribute(p, "unix:gid", gid, NOFOLLOW);
      }
    } catch (IOException e) {
      throw RealFiles.fail(e, path);
    }
  }

  @Override
  public void utimes(String path, Instant atime, Instant mtime, boolean follow) {
    beforeChange();
    try {
      Files.getFileAttributeView(real(path, follow), BasicFileAttributeView.class, NOFOLLOW)
          .setTimes(mtime == null ? null : FileTime.from(mtime),
              atime == null ? null : FileTime.from(atime), null);
    } catch (IOException e) {
      throw RealFiles.fail(e, path);
    }
  }

  @Override
  public void mknod(String path, FileType type, int mode, int major, int minor) {
    xattrs.invalidate();
    if (!type.isDevice()) {
      throw new IllegalArgumentException("only devices: " + type);
    }
    Path p = specials.deferring() ? RealFiles.join(root, RealFiles.names(path)) : real(path, false);
    specials.run(path, List.of("mknod", "-m", Integer.toOctalString(mode & 07777), p.toString(),
        type == FileType.CHAR_DEVICE ? "c" : "b", Integer.toString(major), Integer.toString(minor)));
  }

  @Override
  public byte[] getxattr(String path, String name) {
    specials.beforeRead();
    byte[] v = xattrsOf(path).get(name);
    if (v == null) {
      lstat(path);
      throw new VfsException(Errno.ENODATA, path);
    }
    return v;
  }

  private Map<String, byte[]> xattrsOf(String path) {
    Path p = real(path, false);
    if (!userXattrsOnly) {
      return xattrs.of(p);
    }
    Stat st = RealFiles.stat(p, path);
    if (!st.isRegular() && !st.isDirectory()) {
      return Map.of(); // user.* is refused on symlinks and devices, trusted.* hidden by the mount
    }
    try {
      java.nio.file.attribute.UserDefinedFileAttributeView view = Files.getFileAttributeView(p,
          java.nio.file.attribute.UserDefinedFileAttributeView.class, NOFOLLOW);
      Map<String, byte[]> out = new java.util.LinkedHashMap<>();
      for (String name : view.list()) {
        ByteBuffer b = ByteBuffer.allocate(view.size(name));
        view.read(name, b);
        out.put("user." + name, java.util.Arrays.copyOf(b.array(), b.position()));
      }
      return out;
    } catch (IOException e) {
      throw RealFiles.fail(e, path);
    }
  }

  @Override
  public void setxattr(String path, String name, byte[] value) {
    xattrs.invalidate();
    Path p = specials.deferring() ? RealFiles.join(root, RealFiles.names(path)) : real(path, false);
    List<String> cmd = new ArrayList<>(List.of("setfattr", "-h", "-n", name));
    if (value.length > 0) {
      cmd.addAll(List.of("-v", "0x" + Xattrs.hex(value)));
    }
    cmd.addAll(List.of("--", p.toString()));
    specials.run(path, cmd);
  }

  @Override
  public List<String> listxattr(String path) {
    specials.beforeRead();
    return new ArrayList<>(xattrsOf(path).keySet());
  }

  @Override
  public void removexattr(String path, String name) {
    beforeChange();
    specials.run(path, List.of("setfattr", "-h", "-x", name, "--", real(path, false).toString()));
  }

  @Override
  public String toString() {
    return "disk:" + root;
  }
}
