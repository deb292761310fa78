package dev.layerlab.vfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.vfs.SubtreeVfs.ErrorPaths;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A directory of the host's disk seen as a filesystem of its own, as a bind mount shows it. */
class SubtreeVfsTest {
  private final JimfsVfs disk = JimfsVfs.create();

  SubtreeVfsTest() {
    disk.mkdir("/var", 0755);
    disk.mkdir("/var/c1", 0755);
    disk.write("/var/c1/hosts", bytes("127.0.0.1 localhost\n"), Vfs.WriteMode.TRUNCATE, 0644);
    disk.write("/secret", bytes("host only\n"), Vfs.WriteMode.TRUNCATE, 0600);
  }

  @Test
  void pathsOfTheViewAreTheDirectorysPathsOnDisk() {
    Vfs view = new SubtreeVfs(disk, "/var/c1");
    view.write("/hostname", bytes("c1\n"), Vfs.WriteMode.TRUNCATE, 0644);
    view.rename("/hosts", "/hosts.old");

    assertThat(disk.read("/var/c1/hostname")).asString(StandardCharsets.UTF_8).isEqualTo("c1\n");
    assertThat(disk.exists("/var/c1/hosts")).isFalse();
    assertThat(view.readDir("/")).extracting(DirEntry::name).containsExactly("hostname", "hosts.old");
  }

  @Test
  void dotDotStopsAtTheViewsRoot() {
    Vfs view = new SubtreeVfs(disk, "/var/c1/");
    assertThat(view.read("/../../hosts")).asString(StandardCharsets.UTF_8).startsWith("127.0.0.1");
    assertThatThrownBy(() -> view.read("/../secret"))
        .isInstanceOfSatisfying(VfsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
  }

  @Test
  void aTrailingSlashStillAsksForADirectory() {
    Vfs view = new SubtreeVfs(disk, "/var/c1");
    assertThatThrownBy(() -> view.stat("/hosts/"))
        .isInstanceOfSatisfying(VfsException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOTDIR));
  }

  @Test
  void errorsNameThePathOnDiskUnlessAskedToNameItInTheView() {
    Vfs mount = new SubtreeVfs(disk, "/var/c1");
    Vfs layer = new SubtreeVfs(disk, "/var/c1", ErrorPaths.VIEW);

    assertThatThrownBy(() -> mount.lstat("/missing"))
        .isInstanceOfSatisfying(VfsException.class, e -> assertThat(e.path()).isEqualTo("/var/c1/missing"));
    assertThatThrownBy(() -> layer.lstat("/missing"))
        .isInstanceOfSatisfying(VfsException.class, e -> {
          assertThat(e.errno()).isEqualTo(Errno.ENOENT);
          assertThat(e.path()).isEqualTo("/missing");
        });
    assertThatThrownBy(() -> layer.rmdir("/"))
        .isInstanceOfSatisfying(VfsException.class, e -> assertThat(e.path()).isEqualTo("/"));
    assertThatThrownBy(() -> layer.link("/hosts", "/nowhere/hosts"))
        .isInstanceOfSatisfying(VfsException.class, e -> assertThat(e.path()).isEqualTo("/nowhere/hosts"));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
