package dev.layerlab.overlay;

import static dev.layerlab.overlay.LayerAssert.assertThat;
import static dev.layerlab.vfs.VfsAssert.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Vfs.WriteMode;
import dev.layerlab.vfs.VfsException;
import org.junit.jupiter.api.Test;

/** Deleting through the mount: whiteouts, opaque dirs, and creating over them. */
class WhiteoutTest {
  private final Stack stack = new Stack(2);
  private final Layer l0 = stack.lower(0);
  private final Layer upper = stack.upper();

  private static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  private static Errno errno(Runnable call) {
    VfsException e = catchThrowableOfType(VfsException.class, call::run);
    assertThat(e).as("the call should fail").isNotNull();
    return e.errno();
  }

  @Test
  void theSeedExperimentDeletingALowerFileLeavesACharDeviceZeroZero() {
    l0.mkdir("tmp", 01777);
    OverlayVfs mnt = stack.mount();
    l0.write("tmp/thisIsAFileCreateImageLayer", "");
    assertThat(mnt).path("/tmp").hasChildren("thisIsAFileCreateImageLayer");
    mnt.unlink("/tmp/thisIsAFileCreateImageLayer");
    assertThat(mnt).path("/tmp").hasChildren();
    assertThat(l0).hasFile("tmp/thisIsAFileCreateImageLayer", "");
    assertThat(upper).hasWhiteout("tmp/thisIsAFileCreateImageLayer")
        .hasMode("tmp", 01777).hasOrigin("tmp", l0, "tmp").isNotImpure("tmp")
        .isImpure("/");
    assertThat(stack.disk).path("/upper/tmp/thisIsAFileCreateImageLayer").hasLinkCount(1);
    assertThat(stack.events(OverlayEvent.WhiteoutCreated.class))
        .containsExactly(new OverlayEvent.WhiteoutCreated("/tmp/thisIsAFileCreateImageLayer"));
  }

  @Test
  void deletingAnUpperOnlyFileIsAPlainUnlink() {
    l0.mkdir("etc");
    OverlayVfs mnt = stack.mount();
    mnt.write("/etc/new", bytes("x"), WriteMode.TRUNCATE, 0644);
    mnt.unlink("/etc/new");
    assertThat(upper).hasEntries("etc");
    assertThat(stack.events(OverlayEvent.UpperRemoved.class)).hasSize(1);
  }

  @Test
  void deletingACopiedUpFileReplacesTheCopyWithAWhiteout() {
    l0.write("etc/os-release", "18.04");
    OverlayVfs mnt = stack.mount();
    mnt.write("/etc/os-release", bytes("!"), WriteMode.APPEND, 0);
    mnt.unlink("/etc/os-release");
    assertThat(upper).hasWhiteout("etc/os-release");
    assertThat(mnt).hasNoPath("/etc/os-release");
  }

  @Test
  void rmdirOfADirThatStillShowsLowerEntriesIsEnotempty() {
    l0.write("data/a", "a");
    OverlayVfs mnt = stack.mount();
    assertThat(errno(() -> mnt.rmdir("/data"))).isEqualTo(Errno.ENOTEMPTY);
    assertThat(upper).hasEntries("/");
  }

  @Test
  void removingALowerTreeLeavesOneWhiteoutForItsTop() {
    l0.write("data/a", "a").write("data/sub/b", "b");
    OverlayVfs mnt = stack.mount();
    mnt.unlink("/data/sub/b");
    mnt.rmdir("/data/sub");
    mnt.unlink("/data/a");
    mnt.rmdir("/data");
    assertThat(upper).hasWhiteout("data").hasEntries("/", "data");
    assertThat(mnt).hasNoPath("/data");
    assertThat(l0).hasFile("data/sub/b", "b");
  }

  @Test
  void mkdirOverAWhiteoutMakesANewOpaqueDir() {
    l0.write("data/old", "o");
    OverlayVfs mnt = stack.mount();
    mnt.unlink("/data/old");
    mnt.rmdir("/data");
    mnt.mkdir("/data", 0700);
    assertThat(upper).hasOpaqueDir("data").hasMode("data", 0700).hasNoOrigin("data").hasEntries("data");
    assertThat(mnt).path("/data").hasChildren();
    assertThat(stack.events(OverlayEvent.OpaqueDirCreated.class))
        .containsExactly(new OverlayEvent.OpaqueDirCreated("/data"));
  }

  @Test
  void mkdirOfABrandNewNameGetsNoXattr() {
    OverlayVfs mnt = stack.mount();
    mnt.mkdir("/fresh", 0755);
    assertThat(upper).hasDir("fresh").isNotOpaque("fresh").hasNoOrigin("fresh");
  }

  @Test
  void creatingAFileOverAWhiteoutReplacesIt() {
    l0.write("etc/added", "lower");
    OverlayVfs mnt = stack.mount();
    mnt.unlink("/etc/added");
    mnt.write("/etc/added", bytes("again"), WriteMode.TRUNCATE, 0600);
    assertThat(upper).hasFile("etc/added", "again").hasMode("etc/added", 0600).hasNoOrigin("etc/added")
        .isNotOpaque("etc");
    assertThat(mnt).path("/etc/added").hasContent("again");
    mnt.unlink("/etc/added");
    mnt.symlink("/dev/null", "/etc/added");
    assertThat(mnt).path("/etc/added").isSymlinkTo("/dev/null");
  }

  @Test
  void aNameWhitedOutInALowerLayerIsCreatedPlainly() {
    l0.write("d/f", "x").mkdir("e");
    stack.lower(1).whiteout("d/f").whiteout("e");
    OverlayVfs mnt = stack.mount();
    mnt.write("/d/f", new byte[0], WriteMode.TRUNCATE, 0644);
    mnt.mkdir("/e", 0755);
    assertThat(upper).hasFile("d/f", "").hasDir("e").isNotOpaque("e");
    assertThat(mnt).path("/e").hasChildren();
  }

  @Test
  void removingADirWithOnlyWhiteoutsInUpperLeavesOneWhiteout() {
    l0.write("srv/a", "a");
    OverlayVfs mnt = stack.mount();
    mnt.write("/srv/b", bytes("b"), WriteMode.TRUNCATE, 0644);
    mnt.unlink("/srv/a");
    mnt.unlink("/srv/b");
    assertThat(upper).hasWhiteout("srv/a");
    mnt.rmdir("/srv");
    assertThat(upper).hasWhiteout("srv");
  }

  @Test
  void rmdirOfAnUpperOnlyDirIsPlain() {
    l0.mkdir("etc");
    OverlayVfs mnt = stack.mount();
    mnt.mkdir("/etc/conf.d", 0755);
    mnt.rmdir("/etc/conf.d");
    assertThat(upper).hasEntries("etc");
  }

  @Test
  void mknodOfAWhiteoutThroughTheMountHidesTheLowerName() {
    l0.write("x", "x");
    OverlayVfs mnt = stack.mount();
    assertThat(errno(() -> mnt.mknod("/x", FileType.CHAR_DEVICE, 0, 0, 0))).isEqualTo(Errno.EEXIST);
    mnt.unlink("/x");
    assertThat(mnt).hasNoPath("/x");
    assertThat(errno(() -> mnt.unlink("/x"))).isEqualTo(Errno.ENOENT);
  }
}
