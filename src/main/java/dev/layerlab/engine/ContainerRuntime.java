package dev.layerlab.engine;

import dev.layerlab.overlay.OverlayEvent;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.JimfsVfs;
import dev.layerlab.vfs.SubtreeVfs;
import dev.layerlab.vfs.Vfs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Mounting and unmounting a container: its overlay at {@code overlay2/<mount-id>/merged} on the
 * host, and inside it the filesystems a container sees (proc, a tmpfs {@code /dev}, sysfs, and
 * the bind-mounted {@code /etc/hosts}, {@code /etc/hostname}, {@code /etc/resolv.conf}).
 */
final class ContainerRuntime {
  static final String DISK_OPTIONS = "rw,relatime,errors=remount-ro,data=ordered";

  private final MountNamespace host;
  private final LayerStore layers;
  private final OverlayMounter overlay;
  private final Clock clock;

  ContainerRuntime(MountNamespace host, LayerStore layers, OverlayMounter overlay, Clock clock) {
    this.host = host;
    this.layers = layers;
    this.overlay = overlay;
    this.clock = clock;
  }

  /** The option string Docker passes to mount(2) for layer dir {@code id}, as /proc/mounts echoes it. */
  String options(String id) {
    String dir = DockerPaths.layerDir(id);
    return "rw,relatime,lowerdir=" + String.join(":", layers.lowerLinks(id)) + ",upperdir=" + dir + "/diff,workdir="
        + dir + "/work";
  }

  /** Mounts layer dir {@code id} at its {@code merged/}, visible on the host. */
  Vfs mountLayer(String id, Consumer<OverlayEvent> events) {
    String dir = DockerPaths.layerDir(id);
    Vfs disk = host.root();
    Vfs merged = overlay.mount(disk, layers.lowerLinks(id), dir + "/diff", dir + "/work", events);
    host.mkdir(dir + "/merged", 0700);
    host.mount(new MountEntry("overlay", dir + "/merged", "overlay", options(id)), merged);
    return merged;
  }

  /** Unmounts {@code overlay2/<id>/merged} and removes the mount point, as the driver's Put does. */
  void unmountLayer(String id) {
    String mergedDir = DockerPaths.layerDir(id) + "/merged";
    if (host.isMountPoint(mergedDir)) {
      host.umount(mergedDir);
    }
    if (host.exists(mergedDir)) {
      host.rmdir(mergedDir);
    }
  }

  /** Starts {@code c}: mounts its layer and builds the namespace its processes see. */
  void start(Container c, Consumer<OverlayEvent> events) {
    Vfs merged = mountLayer(c.mountId(), events);
    MountNamespace ns = new MountNamespace(merged, new MountEntry("overlay", "/", "overlay", options(c.mountId())));
    JimfsVfs proc = JimfsVfs.create(clock);
    proc.chmod("/", 0555);
    proc.symlink("1", "/self");
    proc.mkdir("/1", 0555);
    ns.mount(new MountEntry("proc", "/proc", "proc", "rw,nosuid,nodev,noexec,relatime"), proc);
    ns.mount(new MountEntry("tmpfs", "/dev", "tmpfs", "rw,nosuid,size=65536k,mode=755"), devTmpfs());
    ns.mount(new MountEntry("devpts", "/dev/pts", "devpts",
        "rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666"), JimfsVfs.create(clock));
    ns.mount(new MountEntry("sysfs", "/sys", "sysfs", "ro,nosuid,nodev,noexec,relatime"),
        JimfsVfs.create(clock).readOnlyView());
    ns.mount(new MountEntry("mqueue", "/dev/mqueue", "mqueue", "rw,nosuid,nodev,noexec,relatime"),
        JimfsVfs.create(clock));
    String files = DockerPaths.CONTAINERS + "/" + c.id();
    for (String f : List.of("resolv.conf", "hostname", "hosts")) {
      ns.mount(new MountEntry("/dev/sda1", "/etc/" + f, "ext4", DISK_OPTIONS), new SubtreeVfs(host, files + "/" + f));
    }
    ns.mount(new MountEntry("shm", "/dev/shm", "tmpfs", "rw,nosuid,nodev,noexec,relatime,size=65536k"),
        new SubtreeVfs(host, files + "/mounts/shm"));
    byte[] table = procMounts(ns).getBytes(StandardCharsets.UTF_8);
    proc.write("/mounts", table, Vfs.WriteMode.CREATE_NEW, 0444);
    proc.write("/1/mounts", table, Vfs.WriteMode.CREATE_NEW, 0444);
    c.filesystem = ns;
  }

  void stop(Container c) {
    c.filesystem = null;
    unmountLayer(c.mountId());
  }

  private static String procMounts(MountNamespace ns) {
    StringBuilder b = new StringBuilder();
    ns.mounts().forEach(m -> b.append(m.procLine()).append('\n'));
    return b.toString();
  }

  /** The tmpfs on /dev: the device nodes runc creates, and the mount points below it. */
  private Vfs devTmpfs() {
    JimfsVfs dev = JimfsVfs.create(clock);
    String[][] nodes = {{"null", "1", "3"}, {"zero", "1", "5"}, {"full", "1", "7"}, {"random", "1", "8"},
        {"urandom", "1", "9"}, {"tty", "5", "0"}};
    for (String[] n : nodes) {
      dev.mknod("/" + n[0], FileType.CHAR_DEVICE, 0666, Integer.parseInt(n[1]), Integer.parseInt(n[2]));
    }
    for (String d : List.of("pts", "shm", "mqueue")) {
      dev.mkdir("/" + d, 0755);
    }
    dev.symlink("/proc/self/fd", "/fd");
    dev.symlink("/proc/self/fd/0", "/stdin");
    dev.symlink("/proc/self/fd/1", "/stdout");
    dev.symlink("/proc/self/fd/2", "/stderr");
    dev.symlink("/proc/kcore", "/core");
    dev.symlink("pts/ptmx", "/ptmx");
    return dev;
  }
}
