package dev.layerlab.overlay;

import static dev.layerlab.overlay.LayerAssert.assertThat;
import static dev.layerlab.vfs.VfsAssert.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.Vfs.WriteMode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** copy_up: the first change to a lower object brings all of it into the upper dir first. */
class CopyUpTest {
  private final Stack stack = new Stack(2);
  private final Layer l0 = stack.lower(0);
  private final Layer l1 = stack.lower(1);
  private final Layer upper = stack.upper();

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  @Test
  void givenALowerHostsFileWhenAppendedThroughTheMountThenUpperHasAWholeCopyWithOrigin() {
    l0.write("etc/hosts", "127.0.0.1 localhost\n");
    l1.write("etc/hostname", "box");
    OverlayVfs mnt = stack.mount();
    mnt.write("/etc/hosts", bytes("10.0.0.2 db\n"), WriteMode.APPEND, 0);
    assertThat(upper).hasFile("etc/hosts", "127.0.0.1 localhost\n10.0.0.2 db\n")
        .hasOrigin("etc/hosts", l0, "etc/hosts")
        .hasOrigin("etc", l1, "etc")
        .isImpure("etc").isImpure("/")
        .hasNoEntry("etc/hostname");
    assertThat(l0).hasFile("etc/hosts", "127.0.0.1 localhost\n");
    assertThat(stack.events(OverlayEvent.CopiedUp.class)).containsExactly(
        new OverlayEvent.CopiedUp("/etc", stack.index(1), 0, false, true),
        new OverlayEvent.CopiedUp("/etc/hosts", stack.index(0), 20, false, true));
  }

  @Test
  void openingForAppendWithNothingToWriteStillCopiesUp() {
    l0.write("var/log/dpkg.log", "log");
    OverlayVfs mnt = stack.mount();
    mnt.write("/var/log/dpkg.log", new byte[0], WriteMode.APPEND, 0);
    assertThat(upper).hasFile("var/log/dpkg.log", "log").hasOrigin("var/log/dpkg.log", l0, "var/log/dpkg.log");
  }

  @Test
  void truncateToZeroLeavesAnEmptyCopyThatStillCarriesOrigin() {
    l0.write("f", "content");
    OverlayVfs mnt = stack.mount();
    mnt.truncate("/f", 0);
    assertThat(upper).hasFile("f", "").hasOrigin("f", l0, "f");
    assertThat(mnt).path("/f").hasSize(0);
  }

  @Test
  void chmodChownAndTouchEachCopyUpTheWholeFileWithMetacopyOff() {
    l0.write("a", "A").write("b", "B").write("c", "C");
    OverlayVfs mnt = stack.mount();
    mnt.chmod("/a", 0600);
    mnt.chown("/b", 33, 33, true);
    Instant t = Instant.parse("2018-01-01T00:00:00Z");
    mnt.utimes("/c", t, t, true);
    assertThat(upper).hasFile("a", "A").hasMode("a", 0600)
        .hasFile("b", "B").hasOwner("b", 33, 33)
        .hasFile("c", "C").hasOrigin("c", l0, "c");
    assertThat(mnt.stat("/c").mtime()).isEqualTo(t);
    assertThat(l0).hasMode("a", 0644).hasOwner("b", 0, 0);
  }

  @Test
  void ancestorsComeUpFirstWithTheirModeOwnerTimesAndXattrsButNotTheirOtherChildren() {
    l0.mkdir("a", 0755).mkdir("a/b", 0750).write("a/b/f", "f").write("a/b/sibling", "s");
    stack.disk.chown(l0.path("a/b"), 1, 2, true);
    stack.disk.setxattr(l0.path("a/b"), "user.tag", bytes("v"));
    Instant old = Instant.parse("2017-05-05T00:00:00Z");
    stack.disk.utimes(l0.path("a/b"), old, old, true);
    stack.clock.advanceSeconds(3600);
    OverlayVfs mnt = stack.mount();
    mnt.chmod("/a/b/f", 0600);
    assertThat(upper).hasDir("a/b").hasMode("a/b", 0750).hasOwner("a/b", 1, 2)
        .hasXattr("a/b", "user.tag", "v").hasOrigin("a/b", l0, "a/b")
        .hasEntries("a/b", "f");
    assertThat(stack.disk.lstat("/upper/a/b").mtime()).as("times kept, parent's put back").isEqualTo(old);
  }

  @Test
  void copyUpGoesThroughTheWorkDirAndLeavesNothingThere() {
    l0.write("f", "x");
    OverlayVfs mnt = stack.mount();
    mnt.chmod("/f", 0640);
    assertThat(stack.disk).path("/work/work").hasChildren();
    assertThat(upper).hasFile("f", "x");
  }

  @Test
  void copyUpIsPermanentEvenWhenTheChangeIsUndone() {
    l0.write("etc/motd", "hi");
    OverlayVfs mnt = stack.mount();
    mnt.write("/etc/new", bytes("n"), WriteMode.TRUNCATE, 0644);
    mnt.unlink("/etc/new");
    assertThat(upper).hasDir("etc").hasEntries("etc").hasOrigin("etc", l0, "etc").isNotImpure("etc");
  }

  @Test
  void theMergedInodeNumberSurvivesCopyUp() {
    l0.write("etc/hosts", "h");
    OverlayVfs mnt = stack.mount();
    long before = mnt.stat("/etc/hosts").ino();
    long dirBefore = mnt.stat("/etc").ino();
    mnt.write("/etc/hosts", bytes("!"), WriteMode.APPEND, 0);
    assertThat(mnt.stat("/etc/hosts").ino()).isEqualTo(before).isEqualTo(l0.lstat("etc/hosts").ino());
    assertThat(mnt.stat("/etc").ino()).isEqualTo(dirBefore);
    assertThat(mnt.stat("/etc").nlink()).as("now merged").isEqualTo(1);
  }

  @Test
  void lowerHardLinksBreakOnCopyUpAndTheCopyHasNoOrigin() {
    l0.write("bin/busybox", "BB").link("bin/busybox", "bin/sh");
    OverlayVfs mnt = stack.mount();
    mnt.write("/bin/sh", bytes("SH"), WriteMode.TRUNCATE, 0);
    assertThat(mnt).path("/bin/sh").hasContent("SH");
    assertThat(mnt).path("/bin/busybox").hasContent("BB");
    assertThat(upper).hasFile("bin/sh", "SH").hasNoOrigin("bin/sh").hasNoEntry("bin/busybox")
        .as("every copy-up marks its parent, origin or not").isImpure("bin");
    assertThat(mnt.stat("/bin/sh").ino()).isEqualTo(stack.disk.lstat("/upper/bin/sh").ino());
  }

  @Test
  void aNewHardLinkToALowerFileCopiesTheSourceUpAndLinksInUpper() {
    l0.write("usr/bin/vi", "vim");
    OverlayVfs mnt = stack.mount();
    mnt.link("/usr/bin/vi", "/usr/bin/vim");
    assertThat(upper).hasFile("usr/bin/vi", "vim").hasOrigin("usr/bin/vi", l0, "usr/bin/vi");
    assertThat(stack.disk.lstat("/upper/usr/bin/vim").nlink()).isEqualTo(2);
    assertThat(stack.disk.lstat("/upper/usr/bin/vim").ino()).isEqualTo(stack.disk.lstat("/upper/usr/bin/vi").ino());
  }

  @Test
  void setxattrAndRemovexattrCopyUpButRemovingAMissingXattrDoesNot() {
    l0.write("f", "x").write("g", "y");
    stack.disk.setxattr(l0.path("g"), "user.a", bytes("1"));
    OverlayVfs mnt = stack.mount();
    mnt.setxattr("/f", "user.b", bytes("2"));
    assertThat(upper).hasXattr("f", "user.b", "2").hasFile("f", "x");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> mnt.removexattr("/g", "user.zzz"))
        .hasMessageContaining("No data available");
    assertThat(upper).hasNoEntry("g");
    mnt.removexattr("/g", "user.a");
    assertThat(upper).hasNoXattr("g", "user.a").hasFile("g", "y");
    assertThat(l0).hasXattr("g", "user.a", "1");
  }

  @Test
  void aUserXattrOnASymlinkIsRefusedBeforeAnythingIsCopiedUp() {
    l0.symlink("target", "link");
    OverlayVfs mnt = stack.mount();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> mnt.setxattr("/link", "user.k", bytes("v")))
        .hasMessageContaining("Operation not permitted");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> mnt.setxattr("/link", "nonsense", bytes("v")))
        .hasMessageContaining("Operation not supported");
    assertThat(upper).hasEntries("/");
  }

  @Test
  void writingToALowerDeviceGoesToTheDeviceAndCopiesNothingUp() {
    stack.disk.mkdir(l0.path("dev"), 0755);
    stack.disk.mknod(l0.path("dev/null"), dev.layerlab.vfs.FileType.CHAR_DEVICE, 0666, 1, 3);
    OverlayVfs mnt = stack.mount();
    mnt.write("/dev/null", bytes("discarded"), WriteMode.APPEND, 0);
    assertThat(upper).hasEntries("/");
  }

  @Test
  void symlinksAndDevicesAreCopiedUpAsThemselves() {
    l0.symlink("../usr/lib", "lib");
    stack.disk.mkdir(l0.path("dev"), 0755);
    stack.disk.mknod(l0.path("dev/null"), dev.layerlab.vfs.FileType.CHAR_DEVICE, 0666, 1, 3);
    OverlayVfs mnt = stack.mount();
    mnt.chown("/lib", 1, 1, false);
    mnt.chmod("/dev/null", 0600);
    assertThat(stack.disk).path("/upper/lib").isSymlinkTo("../usr/lib").hasOwner(1, 1);
    assertThat(stack.disk).path("/upper/dev/null").isCharDevice(1, 3).hasMode(0600);
    assertThat(upper).hasOrigin("lib", l0, "lib");
  }

  @Test
  void writesNeverReachALowerDir() {
    l0.write("etc/a", "a").mkdir("var/lib");
    l1.write("etc/b", "b");
    long before = stack.disk.treeVersion();
    List<String> l0Before = stack.disk.readDir(l0.path("etc")).stream().map(e -> e.name()).toList();
    Stat aBefore = l0.lstat("etc/a");
    OverlayVfs mnt = stack.mount();
    mnt.write("/etc/a", bytes("changed"), WriteMode.TRUNCATE, 0);
    mnt.chmod("/etc/b", 0);
    mnt.unlink("/etc/a");
    mnt.rmdir("/var/lib");
    mnt.mkdir("/var/lib", 0700);
    assertThat(stack.disk.treeVersion()).isGreaterThan(before);
    assertThat(l0).hasFile("etc/a", "a").hasDir("var/lib");
    assertThat(l1).hasFile("etc/b", "b").hasMode("etc/b", 0644);
    assertThat(stack.disk.readDir(l0.path("etc")).stream().map(e -> e.name()).toList()).isEqualTo(l0Before);
    assertThat(l0.lstat("etc/a").mtime()).isEqualTo(aBefore.mtime());
  }

  @Test
  void withMetacopyOnChmodCopiesOnlyMetadataUntilTheFirstWrite() {
    l0.write("big", "0123456789");
    OverlayVfs mnt = stack.mount(new OverlayOptions(false, false, true));
    mnt.chmod("/big", 0600);
    assertThat(upper).hasXattr("big", Xattrs.METACOPY, "").hasOrigin("big", l0, "big").hasMode("big", 0600);
    assertThat(stack.disk.read("/upper/big")).as("same size, no data").containsOnly(0).hasSize(10);
    assertThat(mnt).path("/big").hasContent("0123456789").hasMode(0600);
    assertThat(stack.events(OverlayEvent.CopiedUp.class)).last().extracting(OverlayEvent.CopiedUp::metadataOnly).isEqualTo(true);
    mnt.write("/big", bytes("!"), WriteMode.APPEND, 0);
    assertThat(upper).hasFile("big", "0123456789!").hasNoXattr("big", Xattrs.METACOPY);
  }

  @Test
  void withMetacopyOnANewHardLinkFindsTheLowerDataThroughAnAbsoluteRedirect() {
    l0.write("b", "data").mkdir("d");
    OverlayVfs mnt = stack.mount(new OverlayOptions(false, false, true));
    mnt.link("/b", "/d/b2");
    assertThat(upper).hasXattr("b", Xattrs.METACOPY, "").hasRedirect("b", "/b").hasRedirect("d/b2", "/b");
    assertThat(mnt).path("/d/b2").hasContent("data");
    assertThat(mnt).path("/b").hasContent("data");
  }

  @Test
  void withIndexOnLowerHardLinksStayLinkedThroughTheIndex() {
    l0.write("bin/busybox", "BB").link("bin/busybox", "bin/sh").link("bin/busybox", "bin/ls");
    OverlayVfs mnt = stack.mount(new OverlayOptions(false, true, false));
    long ino = mnt.stat("/bin/busybox").ino();
    mnt.write("/bin/sh", bytes("+"), WriteMode.APPEND, 0);
    assertThat(mnt).path("/bin/busybox").as("the other name shows the change").hasContent("BB+").hasLinkCount(3);
    assertThat(upper).hasFile("bin/sh", "BB+").hasOrigin("bin/sh", l0, "bin/busybox")
        .hasXattr("bin/sh", Xattrs.NLINK, "U+1").hasNoEntry("bin/busybox");
    String index = "/work/index/" + FileHandle.indexName(l0.lstat("bin/busybox").ino());
    assertThat(stack.disk.lstat(index).ino()).isEqualTo(stack.disk.lstat("/upper/bin/sh").ino());
    mnt.unlink("/bin/ls");
    assertThat(upper).hasWhiteout("bin/ls").hasXattr("bin/sh", Xattrs.NLINK, "U+0");
    assertThat(mnt).path("/bin/sh").hasLinkCount(2);
    mnt.chmod("/bin/busybox", 0700);
    assertThat(mnt).path("/bin/sh").hasMode(0700);
    assertThat(upper).hasXattr("bin/busybox", Xattrs.NLINK, "U-1");
    assertThat(mnt.stat("/bin/sh").ino()).isEqualTo(ino);
    assertThat(l0).hasFile("bin/sh", "BB");
  }

  @Test
  void withIndexOnTheUpperRootNamesTheTopLowerRoot() {
    stack.mount(new OverlayOptions(false, true, false));
    assertThat(upper).hasOrigin("/", l1, "/");
    assertThat(stack.disk).path("/work/index").isDirectory();
  }

  @Test
  void copyingUpALargeFileSharesItsBytesUntilWritten() {
    byte[] big = new byte[64 << 20];
    big[big.length - 1] = 42;
    stack.disk.mkdir(l0.path("data"), 0755);
    stack.disk.write(l0.path("data/blob"), big, WriteMode.TRUNCATE, 0644);
    OverlayVfs mnt = stack.mount();
    mnt.write("/data/blob", new byte[0], WriteMode.APPEND, 0);
    assertThat(stack.events(OverlayEvent.CopiedUp.class)).last()
        .isEqualTo(new OverlayEvent.CopiedUp("/data/blob", stack.index(0), 64L << 20, false, true));
    mnt.write("/data/blob", new byte[] {7}, WriteMode.OVERWRITE, 0);
    assertThat(stack.disk.read(l0.path("data/blob"))[0]).isEqualTo((byte) 0);
    byte[] got = mnt.read("/data/blob");
    assertThat(got[0]).isEqualTo((byte) 7);
    assertThat(got[got.length - 1]).isEqualTo((byte) 42);
  }
}
