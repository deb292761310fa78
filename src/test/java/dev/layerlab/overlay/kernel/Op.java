package dev.layerlab.overlay.kernel;

import java.nio.charset.StandardCharsets;

/**
 * One operation of a differential script, in the words of the op language of the kernel
 * experiments: the same record is applied to the real overlayfs and to layerlab's overlay.
 *
 * <p>Paths are absolute inside the step's target (a lower layer, the upper dir or the merged
 * view). Content strings hold one char per byte (ISO-8859-1), so any byte can be written.
 */
sealed interface Op {

  /** Forces at least {@code count} lower layers. */
  record Layers(int count) implements Op {}

  /** Mounts the overlay; {@code options} are extra mount options ("" for the defaults). */
  record Mount(String options) implements Op {}

  /** Unmounts the overlay. */
  record Umount() implements Op {}

  /** Unmounts and mounts again over the same dirs; null options keep the previous ones. */
  record Remount(String options) implements Op {}

  /** open(O_WRONLY|O_CREAT|O_TRUNC) and write exactly {@code content}. */
  record Write(String path, String content) implements Op {}

  /** open(O_WRONLY|O_CREAT|O_APPEND) and write exactly {@code content}. */
  record Append(String path, String content) implements Op {}

  /** GNU touch: open(O_WRONLY|O_CREAT) (EISDIR tolerated), then utimensat. */
  record Touch(String path) implements Op {}

  /** mkdir, or {@code mkdir -m MODE} when {@code mode} is not null (the mode is then exact). */
  record Mkdir(String path, Integer mode) implements Op {}

  /** rm (unlink; EISDIR for a directory) or {@code rm -r}. */
  record Rm(String path, boolean recursive) implements Op {}

  /** rmdir(2). */
  record Rmdir(String path) implements Op {}

  /** chmod(2), following symlinks, all twelve bits. */
  record Chmod(int mode, String path) implements Op {}

  /** {@code chown -h UID:GID}: lchown(2). */
  record Chown(int uid, int gid, String path) implements Op {}

  /** GNU mv: rename(2), and on EXDEV a copy (modes, owners, links, xattrs kept) plus rm -r. */
  record Mv(String from, String to) implements Op {}

  /** Raw rename(2): EXDEV is the outcome, no fallback. */
  record Rename(String from, String to) implements Op {}

  /** symlink(2); the target is stored verbatim. */
  record Symlink(String target, String path) implements Op {}

  /** link(2): a hard link. */
  record Link(String existing, String path) implements Op {}

  /** {@code truncate -s SIZE}: creates a missing file, then truncate(2). */
  record Truncate(String path, long size) implements Op {}

  /** {@code mknod P c|b MAJ MIN}: a device node, mode 0666 less the umask. */
  record Mknod(String path, char kind, int major, int minor) implements Op {}

  /** A whiteout as the kernel stores it, made by hand in a layer: {@code mknod P c 0 0}. */
  record Whiteout(String path) implements Op {}

  /** Marks a layer's dir opaque ({@code trusted.overlay.opaque=y}), creating it if missing. */
  record Opaque(String path) implements Op {}

  /** lsetxattr(2) with a raw value. */
  record SetXattr(String name, String value, String path) implements Op {}

  /** lremovexattr(2). */
  record RmXattr(String name, String path) implements Op {}

  /** Observation: the content of a file. */
  record Cat(String path) implements Op {}

  /** Observation: the names in a directory. */
  record Ls(String path) implements Op {}

  /** Observation: whether lstat succeeds (fails with ENOENT when absent). */
  record Exists(String path) implements Op {}

  /** Observation: the canonical line of one entry plus nlink and owner. */
  record Stat(String path) implements Op {}

  /** Observation: which real layer file has the st_ino this path reports. */
  record Ino(String path) implements Op {}

  /** Free text carried into the report. */
  record Note(String text) implements Op {}

  /** The bytes a content string stands for. */
  static byte[] bytes(String content) {
    return content.getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * The path an op creates in a layer, which then gets its missing parents (0755) as the
   * experiments' layer building does, or null for ops that create nothing.
   */
  static String createdPath(Op op) {
    if (op instanceof Write o) {
      return o.path();
    } else if (op instanceof Append o) {
      return o.path();
    } else if (op instanceof Touch o) {
      return o.path();
    } else if (op instanceof Mkdir o) {
      return o.path();
    } else if (op instanceof Mknod o) {
      return o.path();
    } else if (op instanceof Whiteout o) {
      return o.path();
    } else if (op instanceof Opaque o) {
      return o.path();
    } else if (op instanceof Symlink o) {
      return o.path();
    } else if (op instanceof Link o) {
      return o.path();
    } else if (op instanceof Truncate o) {
      return o.path();
    }
    return null;
  }
}
