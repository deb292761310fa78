package dev.layerlab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** A layer stack built on the real disk and mounted with the kernel's overlayfs (root only). */
final class RealOverlay implements AutoCloseable {
  private final Path dir;
  private final int layers;
  private boolean mounted;

  private RealOverlay(Path dir, int layers) {
    this.dir = dir;
    this.layers = layers;
  }

  /** Why the kernel cannot be compared with here, or null when it can. */
  static String whyNot() {
    if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
      return "not Linux";
    }
    try {
      if ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") != 0) {
        return "not root";
      }
    } catch (IOException e) {
      return e.toString();
    }
    return null;
  }

  /** The filesystem type holding {@code p}, from /proc/self/mounts. */
  static String fsType(Path p) {
    String best = "?";
    int bestLen = -1;
    try {
      String abs = p.toRealPath().toString();
      for (String line : Files.readAllLines(Path.of("/proc/self/mounts"))) {
        String[] f = line.split(" ");
        if ((abs.equals(f[1]) || abs.startsWith(f[1].equals("/") ? "/" : f[1] + "/")) && f[1].length() > bestLen) {
          best = f[2];
          bestLen = f[1].length();
        }
      }
    } catch (IOException e) {
      return "?";
    }
    return best;
  }

  /** Writes every layer of {@code stack} under a fresh temp dir (whiteouts with one shell). */
  static RealOverlay build(Path scratch, LayerStack stack) throws IOException {
    RealOverlay r = new RealOverlay(Files.createTempDirectory(scratch, "ovb-"), stack.layers().size());
    StringBuilder mknods = new StringBuilder();
    for (int n = 0; n < stack.layers().size(); n++) {
      Path root = Files.createDirectory(r.dir.resolve(Integer.toString(n)));
      for (LayerStack.Entry e : stack.layers().get(n)) {
        Path p = root.resolve(e.path().substring(1));
        Files.createDirectories(p.getParent());
        switch (e.kind()) {
          case 'd' -> Files.createDirectories(p);
          case 'f' -> Files.write(p, e.data());
          default -> mknods.append("mknod -m 0 '").append(p).append("' c 0 0 || exit 1\n");
        }
      }
    }
    if (mknods.length() > 0) {
      r.run(List.of("sh", "-c", mknods.toString()));
    }
    r.freshUpper();
    Files.createDirectory(r.mergedDir());
    return r;
  }

  /** One lower layer holding one file. */
  static RealOverlay buildOne(Path scratch, LayerStack.Entry file) throws IOException {
    RealOverlay r = new RealOverlay(Files.createTempDirectory(scratch, "ovb-"), 1);
    Path root = Files.createDirectory(r.dir.resolve("0"));
    Files.write(root.resolve(file.path().substring(1)), file.data());
    Files.createDirectory(r.mergedDir());
    return r;
  }

  Path mergedDir() {
    return dir.resolve("m");
  }

  /** Empties the upper and work dirs (a new container layer). */
  void freshUpper() throws IOException {
    for (String d : List.of("u", "w")) {
      Path p = dir.resolve(d);
      if (Files.exists(p)) {
        delete(p);
      }
      Files.createDirectory(p);
    }
  }

  void mount() {
    // relative layer paths from the stack's dir, as Docker does with its l/ links, so that 128
    // lowers fit in the one page the kernel allows for the option string
    StringBuilder lowers = new StringBuilder();
    for (int n = layers - 1; n >= 0; n--) {
      lowers.append(lowers.length() == 0 ? "" : ":").append(n);
    }
    run(List.of("mount", "-t", "overlay", "overlay", "-o", "lowerdir=" + lowers + ",upperdir=u,workdir=w",
        mergedDir().toString()));
    mounted = true;
  }

  void umount() {
    run(List.of("umount", mergedDir().toString()));
    mounted = false;
  }

  private void run(List<String> cmd) {
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", cmd).substring(0, 40) + "... failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    if (mounted) {
      umount();
    }
    delete(dir);
  }

  private static void delete(Path root) throws IOException {
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
