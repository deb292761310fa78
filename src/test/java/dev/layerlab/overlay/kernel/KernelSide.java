package dev.layerlab.overlay.kernel;

import dev.layerlab.vfs.Vfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The real overlayfs: layer dirs on the real disk under a temp dir, mounted with
 * {@code mount -t overlay}, driven from Java through {@link DiskVfs}.
 */
final class KernelSide implements Side {
  private final Path dir;
  private final Xattrs xattrs = new Xattrs();
  private final Specials specials = new Specials();
  private int layers;
  private boolean mounted;

  KernelSide(Path parent) {
    try {
      this.dir = Files.createTempDirectory(parent, "ovl-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String name() {
    return "kernel";
  }

  Path lowerDir(int n) {
    return dir.resolve("lower" + n);
  }

  Path upperDir() {
    return dir.resolve("upper");
  }

  Path workDir() {
    return dir.resolve("work");
  }

  Path mountPoint() {
    return dir.resolve("merged");
  }

  @Override
  public void prepare(int lowerLayers) {
    this.layers = lowerLayers;
    try {
      for (int n = 0; n < lowerLayers; n++) {
        Files.createDirectory(lowerDir(n));
      }
      Files.createDirectory(upperDir());
      Files.createDirectory(workDir());
      Files.createDirectory(mountPoint());
      // every layer root 0755 whatever the umask, as the layer dirs in layerlab
      for (Path p : List.of(upperDir(), workDir(), mountPoint())) {
        Files.setAttribute(p, "unix:mode", 0755);
      }
      for (int n = 0; n < lowerLayers; n++) {
        Files.setAttribute(lowerDir(n), "unix:mode", 0755);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    specials.defer(true);
  }

  @Override
  public Vfs lower(int n) {
    return new DiskVfs(lowerDir(n), xattrs, specials);
  }

  @Override
  public Vfs upper() {
    return new DiskVfs(upperDir(), xattrs, specials);
  }

  @Override
  public Vfs merged() {
    if (!mounted) {
      throw new IllegalStateException("not mounted");
    }
    return new DiskVfs(mountPoint(), xattrs, specials, true);
  }

  @Override
  public boolean mounted() {
    return mounted;
  }

  @Override
  public void mount(String options) {
    StringBuilder lowers = new StringBuilder();
    for (int n = layers - 1; n >= 0; n--) {
      lowers.append(lowers.length() == 0 ? "" : ":").append(lowerDir(n));
    }
    List<String> extra = new ArrayList<>();
    boolean noUpper = false;
    for (String o : options.split(",")) {
      if (o.equals("noupper")) {
        noUpper = true;
      } else if (!o.isEmpty()) {
        extra.add(o);
      }
    }
    String opts = "lowerdir=" + lowers
        + (noUpper ? "" : ",upperdir=" + upperDir() + ",workdir=" + workDir())
        + (extra.isEmpty() ? "" : "," + String.join(",", extra));
    String script = specials.take()
        + "mount -t overlay overlay -o " + Proc.q(opts) + " " + Proc.q(mountPoint().toString());
    specials.defer(false);
    xattrs.invalidate();
    Proc.Result r = Proc.sh(script);
    if (!r.ok()) {
      if (isMounted()) {
        mounted = true;
      }
      throw new MountFailed(r.err().strip().replace(dir.toString(), "<T>"));
    }
    mounted = true;
  }

  @Override
  public void umount() {
    xattrs.invalidate();
    Proc.Result r = Proc.sh(umountCommand());
    if (!r.ok()) {
      throw new IllegalStateException("umount failed: " + r.err());
    }
    mounted = false;
  }

  /**
   * umount, tried again for a moment while the mount is busy: a process another test thread
   * starts can hold a copy of one of our open descriptors until it has closed them.
   */
  private String umountCommand() {
    String m = Proc.q(mountPoint().toString());
    return "(for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do umount " + m
        + " 2>/dev/null && exit 0; sleep 0.05; done; umount " + m + ")";
  }

  private boolean isMounted() {
    try {
      String m = " " + mountPoint() + " ";
      return Files.readAllLines(Path.of("/proc/self/mounts")).stream().anyMatch(l -> l.contains(m));
    } catch (IOException e) {
      return true;
    }
  }

  /** One shell: the umount, then getfattr over every layer dir for the dumps that follow. */
  @Override
  public void finish() {
    specials.flush();
    List<Path> roots = new ArrayList<>();
    for (int n = 0; n < layers; n++) {
      roots.add(lowerDir(n));
    }
    roots.add(upperDir());
    String umount = mounted ? umountCommand() + " || exit 99; " : "";
    Proc.Result r = Proc.sh(umount + Xattrs.command(roots));
    if (r.exit() == 99) {
      throw new IllegalStateException("umount failed: " + r.err());
    }
    mounted = false;
    xattrs.invalidate();
    xattrs.load(r.out(), roots);
  }

  @Override
  public void close() {
    if (mounted || isMounted()) {
      Proc.Result r = Proc.run(List.of("umount", mountPoint().toString()));
      if (!r.ok()) {
        Proc.run(List.of("umount", "-l", mountPoint().toString()));
      }
      mounted = false;
    }
    if (isMounted()) {
      return; // never delete through a live mount
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
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
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + dir, e);
    }
  }
}
