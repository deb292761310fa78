package dev.layerlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerlab.vfs.Errno;
import dev.layerlab.vfs.FakeClock;
import dev.layerlab.vfs.JimfsVfs;
import dev.layerlab.vfs.SubtreeVfs;
import dev.layerlab.vfs.Vfs;
import dev.layerlab.vfs.VfsException;
import org.junit.jupiter.api.Test;

/** Paths under a mount point are served by the mounted filesystem; the table lists mounts as mount(8) does. */
class MountNamespaceTest {
  private final FakeClock clock = new FakeClock();
  private final JimfsVfs disk = JimfsVfs.create(clock);
  private final MountNamespace ns = MountNamespace.host(disk);

  @Test
  void aMountedFilesystemShadowsTheDirectoryUnderneathUntilUnmounted() {
    disk.mkdir("/mnt", 0755);
    disk.write("/mnt/underneath", new byte[0], Vfs.WriteMode.CREATE_NEW, 0644);
    JimfsVfs other = JimfsVfs.create(clock);
    other.write("/inside", "x".getBytes(), Vfs.WriteMode.CREATE_NEW, 0644);
    ns.mount(new MountEntry("tmpfs", "/mnt", "tmpfs", "rw,relatime"), other);
    assertThat(ns.readDir("/mnt")).extracting(d -> d.name()).containsExactly("inside");
    assertThat(ns.read("/mnt/../mnt/inside")).isEqualTo("x".getBytes());
    assertThat(ns.mounts()).extracting(MountEntry::mountLine).containsExactly(
        "/dev/sda1 on / type ext4 (rw,relatime,errors=remount-ro,data=ordered)",
        "tmpfs on /mnt type tmpfs (rw,relatime)");
    assertThatThrownBy(() -> ns.rmdir("/mnt")).isInstanceOf(VfsException.class)
        .satisfies(e -> assertThat(((VfsException) e).errno()).isEqualTo(Errno.EBUSY));
    assertThatThrownBy(() -> ns.rename("/mnt/inside", "/moved")).satisfies(
        e -> assertThat(((VfsException) e).errno()).isEqualTo(Errno.EXDEV));
    ns.umount("/mnt");
    assertThat(ns.readDir("/mnt")).extracting(d -> d.name()).containsExactly("underneath");
    assertThatThrownBy(() -> ns.umount("/mnt")).satisfies(
        e -> assertThat(((VfsException) e).errno()).isEqualTo(Errno.EINVAL));
  }

  @Test
  void aFileBindMountWritesTheSourceFile() {
    disk.mkdir("/etc", 0755);
    disk.write("/etc/hosts", "old\n".getBytes(), Vfs.WriteMode.CREATE_NEW, 0644);
    disk.write("/src", "host file\n".getBytes(), Vfs.WriteMode.CREATE_NEW, 0644);
    ns.mount(new MountEntry("/dev/sda1", "/etc/hosts", "ext4", "rw"), new SubtreeVfs(disk, "/src"));
    assertThat(ns.read("/etc/hosts")).isEqualTo("host file\n".getBytes());
    ns.write("/etc/hosts", "more\n".getBytes(), Vfs.WriteMode.APPEND, 0644);
    assertThat(disk.read("/src")).isEqualTo("host file\nmore\n".getBytes());
    assertThat(disk.read("/etc/hosts")).isEqualTo("old\n".getBytes());
  }

  @Test
  void mountingOnAMissingPathFails() {
    assertThatThrownBy(() -> ns.mount(new MountEntry("x", "/nope", "tmpfs", "rw"), JimfsVfs.create(clock)))
        .satisfies(e -> assertThat(((VfsException) e).errno()).isEqualTo(Errno.ENOENT));
    assertThat(ns.mounts()).hasSize(1);
  }
}
