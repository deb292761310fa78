package dev.layerlab.vfs;

import static dev.layerlab.vfs.VfsAssert.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.layerlab.vfs.Vfs.WriteMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JimfsVfsTest {
  private final FakeClock clock = new FakeClock();
  private final JimfsVfs vfs = JimfsVfs.create(clock);

  private void write(String path, String s) {
    vfs.write(path, s.getBytes(UTF_8), WriteMode.TRUNCATE, 0644);
  }

  /** The call fails with {@code errno} and leaves the tree as it was. */
  private void fails(Errno errno, Runnable call) {
    long before = vfs.treeVersion();
    VfsException e = catchThrowableOfType(VfsException.class, call::run);
    assertThat(e).as("expected %s", errno).isNotNull();
    assertThat(e.errno()).isEqualTo(errno);
    assertThat(vfs.treeVersion()).as("tree unchanged after a failed call").isEqualTo(before);
  }

  @Test
  void rootIsAnEmptyDirectoryNumberedTwo() {
    Stat root = vfs.stat("/");
    assertThat(root.isDirectory()).isTrue();
    assertThat(root.ino()).isEqualTo(2);
    assertThat(root.mode()).isEqualTo(0755);
    assertThat(root.nlink()).isEqualTo(2);
    assertThat(vfs.readDir("/")).isEmpty();
  }

  @Test
  void writeCreatesReadsAppendsAndOverwrites() {
    write("/f", "hello");
    assertThat(vfs).path("/f").isRegularFile().hasContent("hello").hasMode(0644).hasSize(5).hasLinkCount(1);
    vfs.write("/f", " world".getBytes(UTF_8), WriteMode.APPEND, 0);
    assertThat(vfs).path("/f").hasContent("hello world");
    vfs.write("/f", "J".getBytes(UTF_8), WriteMode.OVERWRITE, 0);
    assertThat(vfs).path("/f").hasContent("Jello world");
    write("/f", "x");
    assertThat(vfs).path("/f").hasContent("x");
    fails(Errno.EEXIST, () -> vfs.write("/f", new byte[0], WriteMode.CREATE_NEW, 0644));
    vfs.write("/g", "new".getBytes(UTF_8), WriteMode.CREATE_NEW, 0600);
    assertThat(vfs).path("/g").hasContent("new").hasMode(0600);
  }

  @Test
  void writeErrors() {
    vfs.mkdir("/d", 0755);
    fails(Errno.EISDIR, () -> write("/d", "x"));
    fails(Errno.ENOENT, () -> write("/missing/f", "x"));
    write("/f", "x");
    fails(Errno.ENOTDIR, () -> write("/f/g", "x"));
    fails(Errno.ENOTDIR, () -> write("/f/", "x"));
    vfs.mknod("/wh", FileType.CHAR_DEVICE, 0, 0, 0);
    fails(Errno.ENXIO, () -> write("/wh", "x"));
  }

  @Test
  void writeThroughADanglingSymlinkCreatesTheTarget() {
    vfs.symlink("target", "/link");
    write("/link", "via link");
    assertThat(vfs).path("/target").hasContent("via link");
    fails(Errno.EEXIST, () -> vfs.write("/link", new byte[0], WriteMode.CREATE_NEW, 0644));
  }

  @Test
  void timesComeFromTheClockAndFollowLinuxRules() {
    Instant t0 = clock.instant();
    vfs.mkdir("/d", 0755);
    Instant t1 = clock.advanceSeconds(10);
    write("/d/f", "a");
    Stat d = vfs.stat("/d");
    assertThat(d.mtime()).isEqualTo(t1);
    assertThat(d.ctime()).isEqualTo(t1);
    assertThat(vfs.stat("/d/f").mtime()).isEqualTo(t1);
    Instant t2 = clock.advanceSeconds(10);
    vfs.chmod("/d/f", 0600);
    Stat f = vfs.stat("/d/f");
    assertThat(f.ctime()).isEqualTo(t2);
    assertThat(f.mtime()).isEqualTo(t1);
    assertThat(vfs.stat("/d").mtime()).as("chmod of a child leaves the dir alone").isEqualTo(t1);
    clock.advanceSeconds(10);
    vfs.write("/d/f", new byte[0], WriteMode.APPEND, 0);
    assertThat(vfs.stat("/d/f").mtime()).as("an empty append writes nothing").isEqualTo(t1);
    Instant t4 = clock.advanceSeconds(10);
    vfs.unlink("/d/f");
    assertThat(vfs.stat("/d").mtime()).isEqualTo(t4);
    assertThat(vfs.stat("/").mtime()).isEqualTo(t0);
  }

  @Test
  void readUpdatesAtimeTheRelatimeWay() {
    write("/f", "x");
    Instant t1 = clock.advanceSeconds(5);
    vfs.read("/f");
    assertThat(vfs.stat("/f").atime()).as("first read after a change").isEqualTo(t1);
    clock.advanceSeconds(5);
    vfs.read("/f");
    assertThat(vfs.stat("/f").atime()).as("atime newer than mtime: not updated").isEqualTo(t1);
    Instant t3 = clock.advanceSeconds(86400);
    vfs.read("/f");
    assertThat(vfs.stat("/f").atime()).as("a day later").isEqualTo(t3);
  }

  @Test
  void utimesSetsTimesAndCtimeNow() {
    write("/f", "x");
    Instant t = clock.advanceSeconds(100);
    Instant old = Instant.parse("2000-01-01T00:00:00Z");
    vfs.utimes("/f", null, old, true);
    Stat s = vfs.stat("/f");
    assertThat(s.mtime()).isEqualTo(old);
    assertThat(s.ctime()).isEqualTo(t);
    fails(Errno.ENOENT, () -> vfs.utimes("/nope", old, old, true));
  }

  @Test
  void directoriesCountLinksLikeExt4() {
    vfs.mkdir("/a", 0755);
    vfs.mkdir("/a/b", 0755);
    vfs.mkdir("/a/c", 0755);
    write("/a/f", "x");
    assertThat(vfs).path("/a").hasLinkCount(4).hasChildren("b", "c", "f");
    assertThat(vfs).path("/").hasLinkCount(3);
    vfs.rmdir("/a/c");
    assertThat(vfs).path("/a").hasLinkCount(3);
  }

  @Test
  void mkdirErrors() {
    vfs.mkdir("/a", 01777);
    assertThat(vfs).path("/a").isDirectory().hasMode(01777);
    fails(Errno.EEXIST, () -> vfs.mkdir("/a", 0755));
    fails(Errno.EEXIST, () -> vfs.mkdir("/", 0755));
    fails(Errno.ENOENT, () -> vfs.mkdir("/x/y", 0755));
    write("/f", "");
    fails(Errno.ENOTDIR, () -> vfs.mkdir("/f/y", 0755));
    vfs.symlink("nowhere", "/dangling");
    fails(Errno.EEXIST, () -> vfs.mkdir("/dangling", 0755));
  }

  @Test
  void rmdirErrors() {
    vfs.mkdir("/a", 0755);
    write("/a/f", "x");
    fails(Errno.ENOTEMPTY, () -> vfs.rmdir("/a"));
    fails(Errno.ENOTDIR, () -> vfs.rmdir("/a/f"));
    fails(Errno.ENOENT, () -> vfs.rmdir("/b"));
    fails(Errno.EBUSY, () -> vfs.rmdir("/"));
    vfs.unlink("/a/f");
    vfs.rmdir("/a");
    assertThat(vfs).hasNoPath("/a");
  }

  @Test
  void unlinkErrorsAndHardLinks() {
    write("/f", "data");
    vfs.link("/f", "/g");
    assertThat(vfs).path("/f").hasLinkCount(2);
    assertThat(vfs.stat("/g").ino()).isEqualTo(vfs.stat("/f").ino());
    vfs.write("/g", "!".getBytes(UTF_8), WriteMode.APPEND, 0);
    assertThat(vfs).path("/f").hasContent("data!");
    vfs.unlink("/f");
    assertThat(vfs).path("/g").hasLinkCount(1).hasContent("data!");
    vfs.mkdir("/d", 0755);
    fails(Errno.EISDIR, () -> vfs.unlink("/d"));
    fails(Errno.ENOENT, () -> vfs.unlink("/f"));
    fails(Errno.EPERM, () -> vfs.link("/d", "/d2"));
    fails(Errno.EEXIST, () -> vfs.link("/g", "/d"));
    fails(Errno.ENOENT, () -> vfs.link("/nope", "/x"));
  }

  @Test
  void symlinksAreStoredVerbatimAndFollowedInTheMiddle() {
    vfs.mkdir("/usr", 0755);
    vfs.mkdir("/usr/lib", 0755);
    write("/usr/lib/libc.so", "elf");
    vfs.symlink("usr/lib", "/lib");
    assertThat(vfs).path("/lib").isSymlinkTo("usr/lib").hasMode(0777).hasSize(7);
    assertThat(vfs).path("/lib/libc.so").hasContent("elf");
    assertThat(vfs.stat("/lib").isDirectory()).isTrue();
    assertThat(vfs.readDir("/lib")).extracting(DirEntry::name).containsExactly("libc.so");
    vfs.symlink("/usr/lib/../lib/libc.so", "/abs");
    assertThat(new String(vfs.read("/abs"), UTF_8)).isEqualTo("elf");
    fails(Errno.EINVAL, () -> vfs.readlink("/usr"));
    fails(Errno.ENOENT, () -> vfs.symlink("", "/empty"));
    fails(Errno.EEXIST, () -> vfs.symlink("x", "/lib"));
  }

  @Test
  void symlinkLoopsGiveEloop() {
    vfs.symlink("b", "/a");
    vfs.symlink("a", "/b");
    fails(Errno.ELOOP, () -> vfs.stat("/a"));
    fails(Errno.ELOOP, () -> vfs.read("/a/x"));
    assertThat(vfs.lstat("/a").isSymlink()).isTrue();
  }

  @Test
  void devicesFifosAndSocketsAreRealNodes() {
    vfs.mknod("/null", FileType.CHAR_DEVICE, 0666, 1, 3);
    vfs.mknod("/sda", FileType.BLOCK_DEVICE, 0660, 8, 0);
    vfs.mknod("/fifo", FileType.FIFO, 0644, 0, 0);
    vfs.mknod("/sock", FileType.SOCKET, 0755, 0, 0);
    vfs.mknod("/wh", FileType.CHAR_DEVICE, 0, 0, 0);
    assertThat(vfs).path("/null").isCharDevice(1, 3).hasMode(0666).hasSize(0);
    assertThat(vfs.lstat("/sda").type()).isEqualTo(FileType.BLOCK_DEVICE);
    assertThat(vfs.lstat("/sda").stMode()).isEqualTo(0060660);
    assertThat(vfs.lstat("/fifo").type()).isEqualTo(FileType.FIFO);
    assertThat(vfs.lstat("/sock").type()).isEqualTo(FileType.SOCKET);
    assertThat(vfs).path("/wh").isWhiteout();
    assertThat(vfs.lstat("/wh").isWhiteout()).isTrue();
    assertThat(vfs.read("/null")).isEmpty();
    fails(Errno.ENXIO, () -> vfs.read("/wh"));
    fails(Errno.EPERM, () -> vfs.mknod("/d", FileType.DIRECTORY, 0755, 0, 0));
    fails(Errno.EINVAL, () -> vfs.mknod("/l", FileType.SYMLINK, 0777, 0, 0));
    fails(Errno.EEXIST, () -> vfs.mknod("/null", FileType.CHAR_DEVICE, 0666, 1, 3));
    assertThat(vfs.readDir("/")).extracting(DirEntry::type)
        .containsExactly(FileType.FIFO, FileType.CHAR_DEVICE, FileType.BLOCK_DEVICE, FileType.SOCKET, FileType.CHAR_DEVICE);
  }

  @Test
  void fullModeBitsAndNumericOwners() {
    write("/su", "x");
    vfs.chmod("/su", 04755);
    assertThat(vfs).path("/su").hasMode(04755);
    vfs.mkdir("/tmp", 0755);
    vfs.chmod("/tmp", 01777);
    vfs.chown("/tmp", 1000, 100, true);
    assertThat(vfs).path("/tmp").hasMode(01777).hasOwner(1000, 100);
    vfs.chown("/su", -1, 50, true);
    assertThat(vfs).path("/su").hasOwner(0, 50).as("chown drops setuid").hasMode(0755);
    vfs.chmod("/su", 02755);
    vfs.chown("/su", 7, -1, true);
    assertThat(vfs).path("/su").hasMode(0755);
    vfs.chmod("/su", 02644);
    vfs.chown("/su", 8, -1, true);
    assertThat(vfs).path("/su").as("setgid without group exec is kept").hasMode(02644);
    fails(Errno.ENOENT, () -> vfs.chmod("/nope", 0));
    fails(Errno.ENOENT, () -> vfs.chown("/nope", 0, 0, true));
  }

  @Test
  void chownWithoutFollowChangesTheLinkItself() {
    write("/f", "x");
    vfs.symlink("f", "/l");
    vfs.chown("/l", 5, 5, false);
    assertThat(vfs).path("/l").hasOwner(5, 5);
    assertThat(vfs).path("/f").hasOwner(0, 0);
    vfs.chown("/l", 6, 6, true);
    assertThat(vfs).path("/f").hasOwner(6, 6);
  }

  @Test
  void truncateCutsAndExtendsWithNuls() {
    write("/f", "hello");
    vfs.truncate("/f", 2);
    assertThat(vfs).path("/f").hasContent("he");
    vfs.truncate("/f", 4);
    assertThat(vfs.read("/f")).containsExactly('h', 'e', 0, 0);
    vfs.truncate("/f", 0);
    assertThat(vfs).path("/f").hasSize(0);
    vfs.mkdir("/d", 0755);
    fails(Errno.EISDIR, () -> vfs.truncate("/d", 0));
    fails(Errno.EINVAL, () -> vfs.truncate("/f", -1));
    fails(Errno.ENOENT, () -> vfs.truncate("/nope", 0));
  }

  @Test
  void readErrors() {
    vfs.mkdir("/d", 0755);
    fails(Errno.EISDIR, () -> vfs.read("/d"));
    fails(Errno.ENOENT, () -> vfs.read("/nope"));
    write("/f", "x");
    fails(Errno.ENOTDIR, () -> vfs.readDir("/f"));
    fails(Errno.ENOTDIR, () -> vfs.stat("/f/"));
    fails(Errno.ENOTDIR, () -> vfs.lstat("/f/x"));
  }

  @Test
  void renameMovesNamesAndKeepsInodes() {
    vfs.mkdir("/a", 0755);
    vfs.mkdir("/b", 0755);
    write("/a/f", "x");
    long ino = vfs.stat("/a/f").ino();
    vfs.rename("/a/f", "/b/g");
    assertThat(vfs).path("/b/g").hasContent("x");
    assertThat(vfs.stat("/b/g").ino()).isEqualTo(ino);
    assertThat(vfs).hasNoPath("/a/f");
    vfs.rename("/a", "/b/a");
    assertThat(vfs).path("/b").hasLinkCount(3).hasChildren("a", "g");
    assertThat(vfs).path("/").hasLinkCount(3);
    write("/h", "replaced");
    vfs.rename("/h", "/b/g");
    assertThat(vfs).path("/b/g").hasContent("replaced");
    vfs.mkdir("/e", 0755);
    vfs.rename("/e", "/b/a");
    assertThat(vfs).path("/b/a").isDirectory();
  }

  @Test
  void renameErrors() {
    vfs.mkdir("/a", 0755);
    vfs.mkdir("/a/sub", 0755);
    vfs.mkdir("/full", 0755);
    write("/full/x", "x");
    write("/f", "x");
    fails(Errno.ENOENT, () -> vfs.rename("/nope", "/x"));
    fails(Errno.ENOENT, () -> vfs.rename("/f", "/nope/x"));
    fails(Errno.ENOTDIR, () -> vfs.rename("/a", "/f"));
    fails(Errno.EISDIR, () -> vfs.rename("/f", "/a"));
    fails(Errno.ENOTEMPTY, () -> vfs.rename("/a", "/full"));
    fails(Errno.EINVAL, () -> vfs.rename("/a", "/a/sub/inner"));
    fails(Errno.EBUSY, () -> vfs.rename("/", "/x"));
    write("/a/sub/file", "x");
    fails(Errno.ENOTEMPTY, () -> vfs.rename("/a/sub/file", "/a"));
    fails(Errno.EINVAL, () -> vfs.rename("/a", "/a/sub/file"));
    fails(Errno.ENOTDIR, () -> vfs.rename("/missing", "/f/x")); // both parents before the name
    vfs.link("/f", "/f2");
    vfs.rename("/f", "/f2");
    assertThat(vfs).path("/f").exists();
    assertThat(vfs).path("/f2").hasLinkCount(2);
  }

  @Test
  void xattrsInEveryNamespace() {
    vfs.mkdir("/d", 0755);
    vfs.setxattr("/d", "trusted.overlay.opaque", "y".getBytes(UTF_8));
    vfs.setxattr("/d", "user.note", new byte[] {1, 2});
    vfs.setxattr("/d", "security.selinux", new byte[0]);
    assertThat(vfs).path("/d").hasXattr("trusted.overlay.opaque", "y").hasXattr("user.note", new byte[] {1, 2});
    assertThat(vfs.listxattr("/d")).containsExactly("trusted.overlay.opaque", "user.note", "security.selinux");
    vfs.setxattr("/d", "trusted.overlay.opaque", "x".getBytes(UTF_8));
    assertThat(vfs.listxattr("/d")).first().isEqualTo("trusted.overlay.opaque");
    vfs.removexattr("/d", "user.note");
    assertThat(vfs).path("/d").hasNoXattr("user.note");
    fails(Errno.ENODATA, () -> vfs.getxattr("/d", "user.note"));
    fails(Errno.ENODATA, () -> vfs.removexattr("/d", "user.note"));
    fails(Errno.EOPNOTSUPP, () -> vfs.setxattr("/d", "bogus", new byte[0]));
    vfs.mknod("/wh", FileType.CHAR_DEVICE, 0, 0, 0);
    fails(Errno.EPERM, () -> vfs.setxattr("/wh", "user.x", new byte[0]));
    vfs.setxattr("/wh", "trusted.x", new byte[0]);
    vfs.symlink("d", "/l");
    vfs.setxattr("/l", "trusted.overlay.origin", new byte[] {0, (byte) 0xfb});
    assertThat(vfs.listxattr("/l")).containsExactly("trusted.overlay.origin");
    assertThat(vfs.listxattr("/d")).doesNotContain("trusted.overlay.origin");
  }

  @Test
  void xattrChangesCtime() {
    write("/f", "x");
    Instant t = clock.advanceSeconds(3);
    vfs.setxattr("/f", "user.a", new byte[] {1});
    assertThat(vfs.stat("/f").ctime()).isEqualTo(t);
  }

  @Test
  void inodeNumbersAreStableAndUnique() {
    write("/a", "x");
    write("/b", "y");
    long a = vfs.stat("/a").ino();
    assertThat(vfs.stat("/b").ino()).isNotEqualTo(a);
    vfs.chmod("/a", 0600);
    write("/a", "changed");
    assertThat(vfs.stat("/a").ino()).isEqualTo(a);
    assertThat(vfs.readDir("/")).extracting(DirEntry::ino).contains(a);
    assertThat(vfs.stat("/a").dev()).isEqualTo(vfs.stat("/").dev()).isEqualTo(0x801);
  }

  @Test
  void copyContentSharesBytesUntilEitherIsWritten() {
    byte[] big = new byte[1 << 20];
    big[12345] = 7;
    vfs.write("/big", big, WriteMode.TRUNCATE, 0644);
    vfs.write("/copy", new byte[0], WriteMode.CREATE_NEW, 0644);
    vfs.copyContent("/big", "/copy");
    assertThat(vfs.read("/copy")).isEqualTo(big);
    vfs.write("/copy", new byte[] {1}, WriteMode.APPEND, 0);
    assertThat(vfs.stat("/copy").size()).isEqualTo(big.length + 1);
    assertThat(vfs.read("/big")).isEqualTo(big);
    vfs.truncate("/big", 1);
    assertThat(vfs.read("/copy")[12345]).isEqualTo((byte) 7);
    vfs.write("/copy2", new byte[0], WriteMode.CREATE_NEW, 0644);
    vfs.copyContent("/big", "/copy2");
    vfs.write("/copy2", new byte[0], WriteMode.TRUNCATE, 0);
    assertThat(vfs).path("/copy2").hasSize(0);
    assertThat(vfs.stat("/big").size()).isEqualTo(1);
    vfs.mkdir("/d", 0755);
    fails(Errno.EISDIR, () -> vfs.copyContent("/d", "/copy"));
  }

  @Test
  void readDirIsSortedBytewise() {
    for (String n : List.of("b", "B", "a", "_x", "Z", "é")) {
      write("/" + n, "");
    }
    assertThat(vfs.readDir("/")).extracting(DirEntry::name).containsExactly("B", "Z", "_x", "a", "b", "é");
  }

  @Test
  void dotDotGoesToThePhysicalParent() {
    vfs.mkdir("/a", 0755);
    vfs.mkdir("/a/b", 0755);
    vfs.symlink("/a/b", "/lb");
    write("/a/f", "in a");
    assertThat(new String(vfs.read("/lb/../f"), UTF_8)).isEqualTo("in a");
    assertThat(vfs.stat("/..").ino()).isEqualTo(2);
  }

  @Test
  void readOnlyViewRefusesEveryChangeWithErofs() {
    vfs.mkdir("/d", 0755);
    write("/d/f", "x");
    Vfs ro = vfs.readOnlyView();
    assertThat(ro).path("/d/f").hasContent("x");
    fails(Errno.EROFS, () -> ro.write("/d/f", new byte[0], WriteMode.APPEND, 0));
    fails(Errno.EROFS, () -> ro.write("/d/new", new byte[0], WriteMode.TRUNCATE, 0644));
    fails(Errno.EROFS, () -> ro.mkdir("/e", 0755));
    fails(Errno.EEXIST, () -> ro.mkdir("/d", 0755));
    fails(Errno.ENOENT, () -> ro.unlink("/nope"));
    fails(Errno.EROFS, () -> ro.unlink("/d/f"));
    fails(Errno.EROFS, () -> ro.rmdir("/d"));
    fails(Errno.EROFS, () -> ro.chmod("/d", 0));
    fails(Errno.EROFS, () -> ro.chown("/d", 1, 1, false));
    fails(Errno.EROFS, () -> ro.rename("/d", "/e"));
    fails(Errno.EROFS, () -> ro.setxattr("/d", "user.a", new byte[0]));
    fails(Errno.EROFS, () -> ro.truncate("/d/f", 0));
    fails(Errno.EROFS, () -> ro.symlink("x", "/s"));
    fails(Errno.EROFS, () -> ro.mknod("/c", FileType.CHAR_DEVICE, 0, 0, 0));
    fails(Errno.EROFS, () -> ro.link("/d/f", "/h"));
    fails(Errno.EROFS, () -> ro.utimes("/d", null, null, true));
    assertThat(vfs).path("/d/f").hasContent("x").hasMode(0644);
  }
}
