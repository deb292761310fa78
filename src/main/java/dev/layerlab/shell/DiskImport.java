package dev.layerlab.shell;

import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.Vfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies a directory tree from the real disk into a {@link Vfs}, keeping what {@code ls -l} and
 * {@code stat} show: file types, modes (setuid, sticky...), owners, device numbers, hard links,
 * symlink targets, {@code user.*} extended attributes and access and modification times.
 */
public final class DiskImport {
  private final Vfs vfs;
  private final Map<Object, String> seenInodes = new HashMap<>();

  private DiskImport(Vfs vfs) {
    this.vfs = vfs;
  }

  /** Copies the contents of {@code source} into the existing directory {@code target} of {@code vfs}. */
  public static void importTree(Path source, Vfs vfs, String target) {
    DiskImport imp = new DiskImport(vfs);
    try {
      imp.children(source, target);
      imp.attributes(source, target, attrs(source));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void children(Path dir, String target) throws IOException {
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.sorted().toList();
    }
    for (Path p : entries) {
      String to = VPaths.child(target, p.getFileName().toString());
      one(p, to);
    }
  }

  private void one(Path p, String to) throws IOException {
    Map<String, Object> a = attrs(p);
    int mode = (Integer) a.get("mode");
    int format = mode & 0170000;
    Object fileKey = a.get("ino");
    if (format != 0040000 && ((Integer) a.get("nlink")) > 1 && seenInodes.containsKey(fileKey)) {
      vfs.link(seenInodes.get(fileKey), to);
      return;
    }
    switch (format) {
      case 0040000 -> {
        vfs.mkdir(to, mode & 07777);
        children(p, to);
      }
      case 0120000 -> vfs.symlink(Files.readSymbolicLink(p).toString(), to);
      case 0100000 -> vfs.write(to, Files.readAllBytes(p), Vfs.WriteMode.CREATE_NEW, mode & 07777);
      default -> {
        long rdev = (Long) a.get("rdev");
        int major = (int) ((rdev >> 8) & 0xfff);
        int minor = (int) ((rdev & 0xff) | ((rdev >> 12) & 0xfff00));
        FileType type = switch (format) {
          case 0020000 -> FileType.CHAR_DEVICE;
          case 0060000 -> FileType.BLOCK_DEVICE;
          case 0010000 -> FileType.FIFO;
          default -> FileType.SOCKET;
        };
        vfs.mknod(to, type, mode & 07777, major, minor);
      }
    }
    seenInodes.put(fileKey, to);
    attributes(p, to, a);
  }

  private void attributes(Path p, String to, Map<String, Object> a) throws IOException {
    int format = (Integer) a.get("mode") & 0170000;
    boolean link = format == 0120000;
    // Java reads xattrs by opening the file, which a device node refuses (ENXIO)
    boolean readable = format == 0100000 || format == 0040000;
    vfs.chown(to, (Integer) a.get("uid"), (Integer) a.get("gid"), false);
    if (!link) {
      vfs.chmod(to, (Integer) a.get("mode") & 07777);
      UserDefinedFileAttributeView view = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class,
          LinkOption.NOFOLLOW_LINKS);
      if (view != null && readable) {
        for (String name : view.list()) {
          ByteBuffer buf = ByteBuffer.allocate(view.size(name));
          view.read(name, buf);
          vfs.setxattr(to, "user." + name, buf.array());
        }
      }
    }
    Instant atime = ((FileTime) a.get("lastAccessTime")).toInstant();
    Instant mtime = ((FileTime) a.get("lastModifiedTime")).toInstant();
    vfs.utimes(to, atime, mtime, false);
  }

  private static Map<String, Object> attrs(Path p) throws IOException {
    return Files.readAttributes(p, "unix:*", LinkOption.NOFOLLOW_LINKS);
  }
}
