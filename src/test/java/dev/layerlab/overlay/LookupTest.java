package dev.layerlab.overlay;

import static dev.layerlab.vfs.VfsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.Vfs.WriteMode;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading through the mount: which layer answers, and what a merged directory shows. */
class LookupTest {
  private final Stack stack = new Stack(3);

  private static Errno errno(Runnable call) {
    VfsException e = catchThrowableOfType(VfsException.class, call::run);
    assertThat(e).as("the call should fail").isNotNull();
    return e.errno();
  }

  @Test
  void givenTheSameFileInTwoLayersTheTopOneIsSeen() {
    stack.lower(0).write("etc/os-release", "16.04");
    stack.lower(2).write("etc/os-release", "18.04");
    OverlayVfs mnt = stack.mount();
    assertThat(mnt).path("/etc/os-release").hasContent("18.04");
    assertThat(mnt.layerOf("/etc/os-release")).contains(stack.index(2));
    assertThat(mnt.realPath("/etc/os-release")).isEqualTo("/lower/L2/etc/os-release");
    assertThat(stack.events(OverlayEvent.LookupResolved.class)).last()
        .isEqualTo(new OverlayEvent.LookupResolved("/etc/os-release", stack.index(2), "/lower/L2/etc/os-release"));
  }

  @Test
  void givenDirectoriesInSeveralLayersTheirNamesAreMerged() {
    stack.lower(0).write("etc/hosts", "h").write("etc/passwd", "p");
    stack.lower(1).write("etc/hostname", "n");
    stack.lower(2).write("etc/hosts", "top").mkdir("etc/apt");
    OverlayVfs mnt = stack.mount();
    assertThat(mnt).path("/etc").hasChildren("apt", "hostname", "hosts", "passwd");
    assertThat(mnt).path("/etc/hosts").hasContent("top");
    assertThat(mnt).path("/etc/passwd").hasContent("p");
  }

  @Test
  void givenALowerWhiteoutTheNameIsGoneFromEveryLayerBelowButALayerAboveCanAddItAgain() {
    stack.lower(0).write("tmp/a", "a").write("tmp/b", "b");
    stack.lower(1).whiteout("tmp/a").whiteout("tmp/b");
    stack.lower(2).write("tmp/b", "again");
    OverlayVfs mnt = stack.mount();
    assertThat(mnt).hasNoPath("/tmp/a").path("/tmp").hasChildren("b");
    assertThat(mnt).path("/tmp/b").hasContent("again");
    assertThat(errno(() -> mnt.stat("/tmp/a"))).isEqualTo(Errno.ENOENT);
  }

  @Test
  void givenALowerOpaqueDirNothingBelowItShows() {
    stack.lower(0).write("var/cache/old", "o");
    stack.lower(1).opaque("var/cache").write("var/cache/new", "n");
    OverlayVfs mnt = stack.mount();
    assertThat(mnt).path("/var/cache").hasChildren("new");
    assertThat(mnt).hasNoPath("/var/cache/old");
  }

  @Test
  void aMergedDirectoryShowsTheTopmostAttributesAndLinkCountOne() {
    stack.lower(0).mkdir("srv", 0700);
    stack.disk.chown(stack.lower(0).path("srv"), 5, 5, true);
    stack.lower(1).mkdir("srv", 0755).mkdir("srv/x");
    stack.lower(0).mkdir("only/a").mkdir("only/b");
    OverlayVfs mnt = stack.mount();
    assertThat(mnt).path("/srv").hasMode(0755).hasOwner(0, 0).hasLinkCount(1);
    assertThat(mnt).path("/only").as("a dir in one layer shows its real count").hasLinkCount(4);
  }

  @Test
  void aNonDirectoryHidesADirectoryBelowAndTheOtherWayRound() {
    stack.lower(0).write("opt/x/f", "f").write("data", "file");
    stack.lower(1).write("opt/x", "now a file").mkdir("data").write("data/in", "i");
    stack.lower(2).write("opt/x", "top");
    OverlayVfs mnt = stack.mount();
    assertThat(mnt).path("/opt/x").hasContent("top");
    assertThat(mnt).path("/data").hasChildren("in");
  }

  @Test
  void aFileAddedToALowerLayerWhileMountedShowsOnTheNextLookup() {
    stack.lower(0).mkdir("tmp", 01777);
    stack.lower(1).mkdir("etc");
    OverlayVfs mnt = stack.mount();
    assertThat(mnt).path("/tmp").hasChildren();
    assertThat(mnt).hasNoPath("/tmp/thisIsAFileCreateImageLayer");
    stack.lower(0).write("tmp/thisIsAFileCreateImageLayer", "");
    assertThat(mnt).path("/tmp").hasChildren("thisIsAFileCreateImageLayer");
    assertThat(mnt).path("/tmp/thisIsAFileCreateImageLayer").exists();
    stack.lower(0).write("tmp/thisIsAFileCreateImageLayer", "edited below");
    assertThat(mnt).path("/tmp/thisIsAFileCreateImageLayer").hasContent("edited below");
  }

  @Test
  void statShowsTheOverlaysOwnDeviceAndTheRealInode() {
    stack.lower(0).write("bin/ls", "elf");
    OverlayVfs mnt = stack.mount();
    Stat s = mnt.stat("/bin/ls");
    assertThat(s.ino()).isEqualTo(stack.lower(0).lstat("bin/ls").ino());
    assertThat(s.dev()).isNotEqualTo(stack.disk.stat("/").dev()).isEqualTo(mnt.stat("/").dev());
    assertThat(mnt.stat("/").ino()).as("the mount root is the upper root").isEqualTo(stack.disk.stat("/upper").ino());
    assertThat(mnt.readDir("/bin")).extracting(DirEntry::ino).containsExactly(s.ino());
  }

  @Test
  void symlinksAreFollowedInTheMergedView() {
    stack.lower(0).write("usr/lib/libc.so", "elf").symlink("usr/lib", "lib");
    stack.lower(1).symlink("/lib/libc.so", "libc");
    OverlayVfs mnt = stack.mount();
    assertThat(mnt).path("/lib").isSymlinkTo("usr/lib");
    assertThat(mnt).path("/lib/libc.so").hasContent("elf");
    assertThat(new String(mnt.read("/libc"), StandardCharsets.UTF_8)).isEqualTo("elf");
    assertThat(mnt.stat("/lib").isDirectory()).isTrue();
    assertThat(errno(() -> mnt.readlink("/usr"))).isEqualTo(Errno.EINVAL);
  }

  @Test
  void theOverlaysOwnXattrsAreInvisibleThroughTheMount() {
    stack.lower(0).write("etc/hosts", "h");
    stack.disk.setxattr(stack.lower(0).path("etc/hosts"), "user.note", new byte[] {1});
    OverlayVfs mnt = stack.mount();
    mnt.write("/etc/hosts", new byte[0], WriteMode.APPEND, 0);
    assertThat(stack.disk.listxattr("/upper/etc/hosts")).contains(Xattrs.ORIGIN, "user.note");
    assertThat(mnt.listxattr("/etc/hosts")).containsExactly("user.note");
    assertThat(errno(() -> mnt.getxattr("/etc/hosts", Xattrs.ORIGIN))).isEqualTo(Errno.ENODATA);
    assertThat(mnt.listxattr("/")).isEmpty();
  }

  @Test
  void aTrustedOverlayXattrSetThroughTheMountIsStoredEscaped() {
    stack.lower(0).write("f", "x");
    OverlayVfs mnt = stack.mount();
    mnt.setxattr("/f", "trusted.overlay.foo", new byte[] {'1'});
    LayerAssert.assertThat(stack.upper()).hasXattr("f", "trusted.overlay.overlay.foo", "1");
    assertThat(mnt.getxattr("/f", "trusted.overlay.foo")).containsExactly('1');
    assertThat(mnt.listxattr("/f")).containsExactly("trusted.overlay.foo");
  }

  @Test
  void layerOfTellsUpperFromLower() {
    stack.lower(0).write("a", "a").write("b", "b");
    OverlayVfs mnt = stack.mount();
    mnt.write("/b", new byte[] {'!'}, WriteMode.APPEND, 0);
    assertThat(mnt.layerOf("/a")).contains(stack.index(0));
    assertThat(mnt.layerOf("/b")).isEqualTo(Optional.empty());
    assertThat(errno(() -> mnt.layerOf("/c"))).isEqualTo(Errno.ENOENT);
  }

  @Test
  void mountOptionsAreTheKernel415String() {
    OverlayVfs mnt = stack.mount();
    assertThat(mnt.mountOptions())
        .isEqualTo("rw,relatime,lowerdir=/lower/L2:/lower/L1:/lower/L0,upperdir=/upper,workdir=/work");
    assertThat(stack.mount(new OverlayOptions(false, false, true)).mountOptions())
        .endsWith(",redirect_dir=on,metacopy=on");
  }

  @Test
  void mountingPreparesAnEmptyWorkWorkDir() {
    stack.disk.mkdir("/work/work", 0755);
    stack.disk.write("/work/work/#7", new byte[0], WriteMode.TRUNCATE, 0);
    stack.mount();
    assertThat(stack.disk).path("/work/work").isDirectory().hasMode(0).hasChildren();
    assertThat(stack.disk).path("/upper").hasChildren();
  }

  @Test
  void badMountsFailLikeTheKernel() {
    assertThat(errno(() -> OverlayVfs.mount(stack.disk, List.of(), "/upper", "/work", null, null)))
        .isEqualTo(Errno.EINVAL);
    assertThat(errno(() -> OverlayVfs.mount(stack.disk, List.of("/lower/L0"), null, null, null, null)))
        .as("read-only with one lower").isEqualTo(Errno.EINVAL);
    assertThat(errno(() -> OverlayVfs.mount(stack.disk, List.of("/nope"), "/upper", "/work", null, null)))
        .isEqualTo(Errno.ENOENT);
    stack.disk.mkdir("/upper/w", 0755);
    assertThat(errno(() -> OverlayVfs.mount(stack.disk, List.of("/lower/L0"), "/upper", "/upper/w", null, null)))
        .as("work dir inside the upper dir").isEqualTo(Errno.EINVAL);
  }

  @Test
  void aReadOnlyMountRefusesChangesWithErofs() {
    stack.lower(0).write("etc/hosts", "h");
    stack.lower(1).mkdir("etc");
    OverlayVfs ro = OverlayVfs.mount(stack.disk, List.of("/lower/L1", "/lower/L0"), null, null, null, null);
    assertThat(ro).path("/etc/hosts").hasContent("h");
    assertThat(errno(() -> ro.write("/etc/hosts", new byte[0], WriteMode.APPEND, 0))).isEqualTo(Errno.EROFS);
    assertThat(errno(() -> ro.mkdir("/x", 0755))).isEqualTo(Errno.EROFS);
    assertThat(errno(() -> ro.unlink("/etc/hosts"))).isEqualTo(Errno.EROFS);
    assertThat(errno(() -> ro.unlink("/etc/nope"))).isEqualTo(Errno.ENOENT);
    assertThat(ro.mountOptions()).startsWith("ro,relatime,lowerdir=/lower/L1:/lower/L0");
  }

  @Test
  void aDirectoryOfOneLayerIsListedStraightFromThatLayerStrayWhiteoutsIncluded() {
    stack.lower(2).whiteout("b/c/a").mkdir("b/c/b");
    OverlayVfs mnt = stack.mount();
    assertThat(mnt.readDir("/b/c")).extracting(DirEntry::name).containsExactly("a", "b");
    assertThat(errno(() -> mnt.lstat("/b/c/a"))).as("but lookup hides it").isEqualTo(Errno.ENOENT);
  }

  @Test
  void errorsForMissingAndWrongTypes() {
    stack.lower(0).write("f", "x").mkdir("d");
    OverlayVfs mnt = stack.mount();
    assertThat(errno(() -> mnt.read("/d"))).isEqualTo(Errno.EISDIR);
    assertThat(errno(() -> mnt.readDir("/f"))).isEqualTo(Errno.ENOTDIR);
    assertThat(errno(() -> mnt.stat("/f/x"))).isEqualTo(Errno.ENOTDIR);
    assertThat(errno(() -> mnt.stat("/nope/x"))).isEqualTo(Errno.ENOENT);
    assertThat(errno(() -> mnt.mkdir("/d", 0755))).isEqualTo(Errno.EEXIST);
    assertThat(errno(() -> mnt.unlink("/d"))).isEqualTo(Errno.EISDIR);
    assertThat(errno(() -> mnt.rmdir("/f"))).isEqualTo(Errno.ENOTDIR);
    assertThat(errno(() -> mnt.write("/f", new byte[0], WriteMode.CREATE_NEW, 0))).isEqualTo(Errno.EEXIST);
    assertThat(errno(() -> mnt.link("/d", "/d2"))).isEqualTo(Errno.EPERM);
    LayerAssert.assertThat(stack.upper()).hasEntries("/");
  }
}
