package dev.layerlab.vfs;

import java.time.Instant;
import java.util.List;

/**
 * The filesystem interface everything in layerlab uses: the host's in-memory disk, one layer's
 * directory, and an overlay mount all look like this.
 *
 * <p>Paths are absolute, {@code /}-separated strings inside this filesystem; {@code .} and
 * {@code ..} are allowed. Symlinks in intermediate components are always followed (relative to
 * the link's directory, absolute ones from this filesystem's root); whether the last component
 * is followed is the same as for the system call each method is named after. Every failure is a
 * {@link VfsException} carrying the errno the kernel would return; a failed call changes nothing.
 *
 * <p>New inodes are owned by uid 0, gid 0 (calls are made as root; {@link CredentialedVfs} makes
 * them as another user); the caller applies its umask to {@code mode}.
 */
public interface Vfs {

  /** stat(2): follows a final symlink. */
  Stat stat(String path);

  /** lstat(2): describes a final symlink itself. */
  Stat lstat(String path);

  /**
   * lstat(2), or null when there is nothing at {@code path} (or an ancestor is missing or not a
   * directory): for callers that probe many paths, such as an overlay looking through its layers.
   */
  default Stat lstatOrNull(String path) {
    try {
      return lstat(path);
    } catch (VfsException e) {
      if (e.errno() == Errno.ENOENT || e.errno() == Errno.ENOTDIR) {
        return null;
      }
      throw e;
    }
  }

  /** True when lstat would succeed. */
  default boolean exists(String path) {
    try {
      lstat(path);
      return true;
    } catch (VfsException e) {
      return false;
    }
  }

  /** The names in a directory (following a final symlink), without {@code .} and {@code ..}, sorted bytewise. */
  List<DirEntry> readDir(String path);

  /** The whole content of a regular file (following symlinks); EISDIR for a directory. */
  byte[] read(String path);

  /**
   * open(2) for writing, then write(2) of {@code data}: like O_WRONLY|O_CREAT with
   * O_TRUNC, O_APPEND or O_EXCL as {@code how} says. Opening counts as a change even when
   * {@code data} is empty (overlayfs copies up at open).
   *
   * @param createMode permission bits for a file this call creates
   */
  void write(String path, byte[] data, WriteMode how, int createMode);

  /** Writes a file's bytes into a stream, for content its owner never holds whole. */
  @FunctionalInterface
  interface Source {
    void writeTo(java.io.OutputStream out) throws java.io.IOException;
  }

  /**
   * {@link #write} with {@link WriteMode#CREATE_NEW} of the {@code size} bytes {@code source}
   * writes: extracting a layer this way never holds a large file's bytes twice. Filesystems
   * that keep bytes in blocks take them as they come; the others get them gathered first.
   */
  default void create(String path, int createMode, long size, Source source) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream((int) Math.min(size, Integer.MAX_VALUE - 8));
    try {
      source.writeTo(bytes);
    } catch (java.io.IOException e) {
      throw new VfsException(Errno.EIO, path);
    }
    write(path, bytes.toByteArray(), WriteMode.CREATE_NEW, createMode);
  }

  /** truncate(2): follows symlinks; extends with NUL bytes or cuts. */
  void truncate(String path, long size);

  /** mkdir(2): EEXIST if anything has the name; the parent must exist. */
  void mkdir(String path, int mode);

  /** rmdir(2): ENOTEMPTY unless the directory is empty. */
  void rmdir(String path);

  /** unlink(2): removes a non-directory name (EISDIR for a directory). */
  void unlink(String path);

  /** rename(2): replaces a non-directory target or an empty directory target. */
  void rename(String from, String to);

  /** link(2): a new name for an existing non-directory inode. */
  void link(String existing, String newPath);

  /** symlink(2): {@code target} is stored verbatim. */
  void symlink(String target, String path);

  /** readlink(2). EINVAL when the path is not a symlink. */
  String readlink(String path);

  /** chmod(2): follows symlinks; {@code mode} is the 12 permission bits. */
  void chmod(String path, int mode);

  /** lchown(2) when {@code follow} is false, chown(2) otherwise; -1 keeps a value. */
  void chown(String path, int uid, int gid, boolean follow);

  /** utimensat(2); a null time keeps that time. Follows symlinks when {@code follow}. */
  void utimes(String path, Instant atime, Instant mtime, boolean follow);

  /** mknod(2) for devices, fifos and sockets. */
  void mknod(String path, FileType type, int mode, int major, int minor);

  /** lgetxattr(2): ENODATA when the attribute is absent. */
  byte[] getxattr(String path, String name);

  /** lsetxattr(2) with no flags: creates or replaces. */
  void setxattr(String path, String name, byte[] value);

  /** llistxattr(2): names in the order they were first set. */
  List<String> listxattr(String path);

  /** lremovexattr(2): ENODATA when the attribute is absent. */
  void removexattr(String path, String name);

  /**
   * Makes {@code target}, an existing regular file, hold the same bytes as the regular file
   * {@code source} (following symlinks), as {@code cp --reflink} would: filesystems that can
   * share the bytes copy-on-write do, so a whole-file copy is cheap. Counts as a write of
   * {@code target}.
   */
  default void copyContent(String source, String target) {
    write(target, read(source), WriteMode.TRUNCATE, 0);
  }

  /**
   * A number that changes whenever a name is added, removed or renamed anywhere in this
   * filesystem, or an extended attribute changes, so that views built over it (an overlay)
   * can keep what they looked up until it moves; -1 when this filesystem cannot tell.
   */
  default long treeVersion() {
    return -1;
  }

  /** How {@link #write} opens its file. */
  enum WriteMode {
    /** O_TRUNC: replace the content. */
    TRUNCATE,
    /** O_APPEND: add to the end. */
    APPEND,
    /** O_EXCL: the file must not exist yet. */
    CREATE_NEW,
    /** Neither: overwrite from offset 0, keeping any longer tail (like {@code dd conv=notrunc}). */
    OVERWRITE
  }
}
