package dev.layerlab.overlay.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether this machine can mount a real overlayfs for the differential tests (Linux, root,
 * the {@code attr} tools, a working {@code mount -t overlay}), checked once, and the scratch
 * dir and umask the tests run with.
 */
final class KernelOverlay {
  private static final String SCRATCH_PROPERTY = "layerlab.kernel.tmp";
  private static String whyNot;
  private static int umask = -1;
  private static boolean probed;

  private KernelOverlay() {}

  /** Skips the calling test, printing why, unless the kernel can be asked. */
  static synchronized void assumeAvailable() {
    if (!probed) {
      probed = true;
      whyNot = probe();
      if (whyNot != null) {
        System.out.println("[kernel differential] skipped: " + whyNot);
      }
    }
    Assumptions.assumeTrue(whyNot == null, () -> "kernel overlayfs not available: " + whyNot);
  }

  /**
   * Where the real layer dirs go: {@code -Dlayerlab.kernel.tmp=DIR}, else {@code target/kernel-scratch}
   * (the build dir, usually on the checkout's disk: /tmp is often a tmpfs, whose origin file
   * handles do not name inodes the way ext4's do).
   */
  static Path scratch() {
    String dir = System.getProperty(SCRATCH_PROPERTY);
    return dir != null ? Path.of(dir) : Path.of("target", "kernel-scratch").toAbsolutePath();
  }

  /** The process umask (layerlab's creates get the same one, so modes can be compared). */
  static int umask() {
    return umask;
  }

  private static String probe() {
    if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
      return "not Linux (" + System.getProperty("os.name") + ")";
    }
    try {
      int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      if (uid != 0) {
        return "not root (uid " + uid + "); mounting overlayfs needs root";
      }
    } catch (IOException | RuntimeException e) {
      return "cannot tell the uid: " + e;
    }
    for (String tool : List.of("mount", "umount", "mknod", "getfattr", "setfattr", "sh")) {
      if (!Proc.onPath(tool)) {
        return tool + " is missing" + (tool.endsWith("fattr") ? " (install the attr package)" : "");
      }
    }
    try {
      Files.createDirectories(scratch());
      Path d = Files.createTempDirectory(scratch(), "umask-");
      Path probe = Files.createDirectory(d.resolve("d"));
      umask = 0777 & ~(Integer) Files.getAttribute(probe, "unix:mode");
      Files.delete(probe);
      Files.delete(d);
    } catch (IOException e) {
      return "cannot use " + scratch() + ": " + e;
    }
    KernelSide side = new KernelSide(scratch());
    try {
      side.prepare(1);
      side.lower(0).write("/f", new byte[] {'x'}, dev.layerlab.vfs.Vfs.WriteMode.TRUNCATE, 0644);
      side.lower(0).setxattr("/f", "user.probe", new byte[] {'1'});
      side.mount("");
      side.merged().write("/f", new byte[] {'y'}, dev.layerlab.vfs.Vfs.WriteMode.APPEND, 0644);
      side.finish();
      if (side.upper().listxattr("/f").stream().noneMatch(n -> n.startsWith("trusted.overlay."))) {
        return "the overlay wrote no trusted.overlay.* xattrs on " + scratch();
      }
      Canon.Layers layers = side.layerInodes(1);
      String origin = Canon.decodeHandle(side.upper().getxattr("/f", "trusted.overlay.origin"), layers);
      if (!origin.equals("L0:/f")) {
        return "origin file handles on " + scratch() + " do not name inodes as ext4's do (" + origin
            + "); set -D" + SCRATCH_PROPERTY + "=DIR to a dir on ext4 or xfs";
      }
      return null;
    } catch (Side.MountFailed e) {
      return "mount -t overlay failed: " + e.getMessage();
    } catch (RuntimeException e) {
      return "overlay probe failed: " + e;
    } finally {
      side.close();
    }
  }
}
