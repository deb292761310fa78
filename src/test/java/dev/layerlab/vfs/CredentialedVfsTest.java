package dev.layerlab.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the differential suite against the kernel cannot reach with the shell's utilities:
 * device nodes, fifos, setgid inheritance of new directories, root's pass and symlink loops.
 */
class CredentialedVfsTest {
  private final JimfsVfs disk = JimfsVfs.create();
  private final Vfs nobody = CredentialedVfs.as(disk, new Credentials(65534, 65534, List.of()));

  CredentialedVfsTest() {
    disk.mkdir("/open", 0777);
    disk.mkdir("/shared", 02777);
    disk.chown("/shared", 0, 4321, false);
  }

  private static void fails(Runnable call, Errno errno) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(VfsException.class, e -> assertThat(e.errno()).isEqualTo(errno));
  }

  @Test
  void rootSeesTheFilesystemItself() {
    assertThat(CredentialedVfs.as(disk, Credentials.ROOT)).isSameAs(disk);
  }

  @Test
  void devicesNeedCapMknodButFifosDoNot() {
    fails(() -> nobody.mknod("/open/null", FileType.CHAR_DEVICE, 0666, 1, 3), Errno.EPERM);
    fails(() -> nobody.mknod("/open/sda", FileType.BLOCK_DEVICE, 0660, 8, 0), Errno.EPERM);
    assertThat(disk.exists("/open/null")).isFalse();
    nobody.mknod("/open/pipe", FileType.FIFO, 0644, 0, 0);
    assertThat(disk.lstat("/open/pipe").uid()).isEqualTo(65534);
    fails(() -> nobody.mknod("/pipe", FileType.FIFO, 0644, 0, 0), Errno.EACCES);
  }

  @Test
  void aSetgidDirectoryGivesItsGroupAndItsBitToWhatIsMadeInIt() {
    nobody.mkdir("/shared/d", 0755);
    nobody.write("/shared/f", new byte[0], Vfs.WriteMode.CREATE_NEW, 0644);
    assertThat(disk.stat("/shared/d")).extracting(Stat::uid, Stat::gid, s -> s.mode() & 07777)
        .containsExactly(65534, 4321, 02755);
    assertThat(disk.stat("/shared/f")).extracting(Stat::uid, Stat::gid).containsExactly(65534, 4321);
  }

  @Test
  void symlinkLoopsAndUnsearchableDirectoriesStopTheWalk() {
    disk.symlink("b", "/open/a");
    disk.symlink("a", "/open/b");
    fails(() -> nobody.stat("/open/a"), Errno.ELOOP);
    assertThat(nobody.lstat("/open/a").isSymlink()).isTrue();
    disk.mkdir("/private", 0700);
    disk.write("/private/f", new byte[] {1}, Vfs.WriteMode.CREATE_NEW, 0644);
    fails(() -> nobody.lstat("/private/f"), Errno.EACCES);
    assertThat(nobody.exists("/private/f")).isFalse();
    fails(() -> nobody.lstat("/private/../private/f"), Errno.EACCES);
  }

  @Test
  void userAttributesOnlyOnFilesAndDirectories() {
    nobody.symlink("x", "/open/l");
    fails(() -> nobody.setxattr("/open/l", "user.a", new byte[] {1}), Errno.EPERM);
    nobody.write("/open/f", new byte[0], Vfs.WriteMode.CREATE_NEW, 0644);
    nobody.setxattr("/open/f", "user.a", new byte[] {1});
    disk.setxattr("/open/f", "trusted.overlay.origin", new byte[] {2});
    assertThat(nobody.listxattr("/open/f")).containsExactly("user.a");
    fails(() -> nobody.getxattr("/open/f", "trusted.overlay.origin"), Errno.ENODATA);
    fails(() -> nobody.removexattr("/open/f", "trusted.overlay.origin"), Errno.EPERM);
  }
}
