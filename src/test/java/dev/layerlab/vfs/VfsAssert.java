package dev.layerlab.vfs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;

/**
 * Fluent checks on a {@link Vfs}: {@code assertThat(vfs).path("/dev/null").isCharDevice(1, 3)}.
 * Usable from every package's tests.
 */
public final class VfsAssert extends AbstractAssert<VfsAssert, Vfs> {

  private VfsAssert(Vfs vfs) {
    super(vfs, VfsAssert.class);
  }

  public static VfsAssert assertThat(Vfs vfs) {
    return new VfsAssert(vfs);
  }

  /** Checks on one path (not following a final symlink). */
  public PathAssert path(String path) {
    return new PathAssert(actual, path);
  }

  public VfsAssert hasPath(String path) {
    if (!actual.exists(path)) {
      failWithMessage("expected %s to exist", path);
    }
    return this;
  }

  public VfsAssert hasNoPath(String path) {
    if (actual.exists(path)) {
      failWithMessage("expected %s to be absent but it is %s", path, actual.lstat(path));
    }
    return this;
  }

  /** Checks on one path of a filesystem. */
  public static final class PathAssert extends AbstractAssert<PathAssert, String> {
    private final Vfs vfs;

    PathAssert(Vfs vfs, String path) {
      super(path, PathAssert.class);
      this.vfs = vfs;
    }

    /** Back to the filesystem. */
    public VfsAssert and() {
      return new VfsAssert(vfs);
    }

    private Stat st() {
      try {
        return vfs.lstat(actual);
      } catch (VfsException e) {
        failWithMessage("expected %s to exist but lstat failed: %s", actual, e.errno());
        throw e;
      }
    }

    private PathAssert isType(FileType type) {
      Stat s = st();
      if (s.type() != type) {
        failWithMessage("expected %s to be a %s but it is a %s", actual, type.statName(), s.type().statName());
      }
      return this;
    }

    public PathAssert exists() {
      st();
      return this;
    }

    public PathAssert doesNotExist() {
      if (vfs.exists(actual)) {
        failWithMessage("expected %s to be absent but it is %s", actual, vfs.lstat(actual));
      }
      return this;
    }

    public PathAssert isDirectory() {
      return isType(FileType.DIRECTORY);
    }

    public PathAssert isRegularFile() {
      return isType(FileType.REGULAR);
    }

    public PathAssert isSymlinkTo(String target) {
      isType(FileType.SYMLINK);
      Assertions.assertThat(vfs.readlink(actual)).as("target of %s", actual).isEqualTo(target);
      return this;
    }

    public PathAssert isCharDevice(int major, int minor) {
      isType(FileType.CHAR_DEVICE);
      Stat s = st();
      if (s.rdevMajor() != major || s.rdevMinor() != minor) {
        failWithMessage("expected %s to be char %d:%d but it is %d:%d", actual, major, minor, s.rdevMajor(), s.rdevMinor());
      }
      return this;
    }

    /** A whiteout as the kernel makes it: char 0:0, mode 0000. */
    public PathAssert isWhiteout() {
      return isCharDevice(0, 0).hasMode(0);
    }

    public PathAssert hasMode(int mode) {
      int m = st().mode();
      if (m != mode) {
        failWithMessage("expected %s to have mode %04o but it has %04o", actual, mode, m);
      }
      return this;
    }

    public PathAssert hasOwner(int uid, int gid) {
      Stat s = st();
      if (s.uid() != uid || s.gid() != gid) {
        failWithMessage("expected %s to be owned by %d:%d but it is %d:%d", actual, uid, gid, s.uid(), s.gid());
      }
      return this;
    }

    public PathAssert hasLinkCount(long nlink) {
      Assertions.assertThat(st().nlink()).as("link count of %s", actual).isEqualTo(nlink);
      return this;
    }

    public PathAssert hasContent(String content) {
      isRegularFile();
      Assertions.assertThat(new String(vfs.read(actual), StandardCharsets.UTF_8))
          .as("content of %s", actual).isEqualTo(content);
      return this;
    }

    public PathAssert hasSize(long size) {
      Assertions.assertThat(st().size()).as("size of %s", actual).isEqualTo(size);
      return this;
    }

    public PathAssert hasChildren(String... names) {
      isDirectory();
      List<String> got = vfs.readDir(actual).stream().map(DirEntry::name).toList();
      Assertions.assertThat(got).as("entries of %s", actual).containsExactly(names);
      return this;
    }

    public PathAssert hasXattr(String name, String value) {
      return hasXattr(name, value.getBytes(StandardCharsets.UTF_8));
    }

    public PathAssert hasXattr(String name, byte[] value) {
      byte[] got;
      try {
        got = vfs.getxattr(actual, name);
      } catch (VfsException e) {
        failWithMessage("expected %s to carry xattr %s but getxattr said %s", actual, name, e.errno());
        return this;
      }
      if (!Arrays.equals(got, value)) {
        failWithMessage("expected %s xattr %s = %s but it is %s", actual, name, Arrays.toString(value), Arrays.toString(got));
      }
      return this;
    }

    public PathAssert hasXattr(String name) {
      if (!vfs.listxattr(actual).contains(name)) {
        failWithMessage("expected %s to carry xattr %s; it has %s", actual, name, vfs.listxattr(actual));
      }
      return this;
    }

    public PathAssert hasNoXattr(String name) {
      if (vfs.listxattr(actual).contains(name)) {
        failWithMessage("expected %s not to carry xattr %s", actual, name);
      }
      return this;
    }
  }
}
