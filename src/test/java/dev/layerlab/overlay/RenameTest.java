package dev.layerlab.overlay;

import static dev.layerlab.overlay.LayerAssert.assertThat;
import static dev.layerlab.vfs.VfsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.VfsException;
import org.junit.jupiter.api.Test;

/** rename(2) through the mount: files move, lower directories cannot without redirect_dir. */
class RenameTest {
  private final Stack stack = new Stack(1);
  private final Layer l0 = stack.lower(0);
  private final Layer upper = stack.upper();

  private static Errno errno(Runnable call) {
    VfsException e = catchThrowableOfType(VfsException.class, call::run);
    assertThat(e).as("the call should fail").isNotNull();
    return e.errno();
  }

  @Test
  void renamingALowerFileCopiesItUpMovesItAndWhitesOutTheOldName() {
    l0.write("etc/motd", "hello");
    OverlayVfs mnt = stack.mount();
    long ino = mnt.stat("/etc/motd").ino();
    mnt.rename("/etc/motd", "/etc/motd.bak");
    assertThat(upper).hasWhiteout("etc/motd").hasFile("etc/motd.bak", "hello")
        .hasOrigin("etc/motd.bak", l0, "etc/motd").isImpure("etc");
    assertThat(mnt).hasNoPath("/etc/motd").path("/etc/motd.bak").hasContent("hello");
    assertThat(mnt.stat("/etc/motd.bak").ino()).isEqualTo(ino);
  }

  @Test
  void movingACopiedUpFileToAnotherDirMarksThatDirImpure() {
    l0.write("d/g", "x").mkdir("other");
    OverlayVfs mnt = stack.mount();
    mnt.rename("/d/g", "/h");
    assertThat(upper).hasWhiteout("d/g").isImpure("d").isImpure("/").hasOrigin("h", l0, "d/g");
  }

  @Test
  void renamingALowerDirIsExdevWithRedirectDirOff() {
    l0.write("a/f", "x");
    OverlayVfs mnt = stack.mount();
    assertThat(errno(() -> mnt.rename("/a", "/b"))).isEqualTo(Errno.EXDEV);
    assertThat(upper).hasEntries("/");
    assertThat(stack.events(OverlayEvent.CrossDeviceRename.class))
        .containsExactly(new OverlayEvent.CrossDeviceRename("/a", "/b"));
  }

  @Test
  void withRedirectDirOnALowerDirMovesAndRemembersWhereItCameFrom() {
    l0.write("a/f", "x").mkdir("a/sub").write("b/x", "y");
    OverlayVfs mnt = stack.mount(new OverlayOptions(true, false, false));
    mnt.rename("/a", "/a2");
    mnt.mkdir("/n", 0755);
    mnt.rename("/b", "/n/b");
    mnt.unlink("/a2/f");
    assertThat(upper).hasWhiteout("a").hasRedirect("a2", "a").hasOrigin("a2", l0, "a").isNotOpaque("a2")
        .hasWhiteout("a2/f").hasWhiteout("b")
        .hasOpaqueDir("n").isImpure("n").hasRedirect("n/b", "/b");
    assertThat(mnt).path("/a2").hasChildren("sub");
    assertThat(mnt).path("/n/b/x").hasContent("y");
    assertThat(mnt).hasNoPath("/a").hasNoPath("/b");
  }

  @Test
  void anUpperOnlyDirMovedIntoAMergedDirBecomesOpaque() {
    l0.write("m/f", "x").mkdir("t");
    OverlayVfs mnt = stack.mount();
    mnt.mkdir("/m/new", 0755);
    mnt.rename("/m/new", "/m/new2");
    mnt.mkdir("/n", 0755);
    mnt.rename("/n", "/t/n");
    assertThat(upper).hasOpaqueDir("m/new2").hasOpaqueDir("t/n").hasNoEntry("m/new").hasNoEntry("n");
  }

  @Test
  void anUpperOnlyFileMovesWithoutLeavingAWhiteout() {
    l0.mkdir("etc");
    OverlayVfs mnt = stack.mount();
    mnt.symlink("x", "/etc/l");
    mnt.rename("/etc/l", "/etc/l2");
    assertThat(upper).hasEntries("etc", "l2");
  }

  @Test
  void renamingOverALowerFileHidesIt() {
    l0.write("a", "A").write("b", "B");
    OverlayVfs mnt = stack.mount();
    mnt.rename("/a", "/b");
    assertThat(mnt).path("/b").hasContent("A");
    assertThat(mnt).hasNoPath("/a");
    assertThat(upper).hasWhiteout("a").hasFile("b", "A");
  }

  @Test
  void renameErrorsComeBeforeAnyCopyUp() {
    l0.write("f", "x").write("full/x", "x").mkdir("empty").mkdir("d/sub");
    OverlayVfs mnt = stack.mount();
    assertThat(errno(() -> mnt.rename("/nope", "/x"))).isEqualTo(Errno.ENOENT);
    assertThat(errno(() -> mnt.rename("/f", "/nope/x"))).isEqualTo(Errno.ENOENT);
    assertThat(errno(() -> mnt.rename("/f", "/empty"))).isEqualTo(Errno.EISDIR);
    assertThat(errno(() -> mnt.rename("/empty", "/f"))).isEqualTo(Errno.ENOTDIR);
    assertThat(errno(() -> mnt.rename("/empty", "/full"))).as("EXDEV is checked first").isEqualTo(Errno.EXDEV);
    mnt.mkdir("/new", 0755);
    assertThat(errno(() -> mnt.rename("/new", "/full"))).isEqualTo(Errno.ENOTEMPTY);
    mnt.rmdir("/new");
    assertThat(errno(() -> mnt.rename("/full/x", "/full"))).as("onto its own ancestor").isEqualTo(Errno.ENOTEMPTY);
    assertThat(errno(() -> mnt.rename("/nope", "/f/x"))).as("both parents first").isEqualTo(Errno.ENOTDIR);
    assertThat(errno(() -> mnt.rename("/d", "/d/sub/x"))).isEqualTo(Errno.EINVAL);
    assertThat(errno(() -> mnt.rename("/", "/x"))).isEqualTo(Errno.EBUSY);
    assertThat(upper).hasEntries("/").isNotImpure("/");
  }
}
