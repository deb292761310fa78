package dev.layerlab.bench;

import dev.layerlab.overlay.OverlayOptions;
import dev.layerlab.overlay.OverlayVfs;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.JimfsVfs;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.Vfs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The overlay benchmarks, run by {@code scripts/bench-overlay} (never by a plain {@code mvn test}:
 * the class name matches no test pattern). Each figure is layerlab against the same Java code on a
 * real kernel overlay mount of the same stack, in the same run, as medians after a warm-up; the
 * ratio is layerlab's time over the kernel's (target: at most 1.0). Nothing here asserts a time.
 */
class OverlayBench {
  private static final int LAYERS = 128;
  private static final int COPY_UP_BYTES = 64 << 20;
  private static final byte[] ONE = {'\n'};

  /** Keeps the attribute reads from being optimised away. */
  private static long sink;

  private final int warmups = Integer.getInteger("layerlab.bench.warmups", 5);
  private final int runs = Integer.getInteger("layerlab.bench.runs", 15);

  @Test
  void benchmarks() throws Exception {
    Path scratch = Path.of(System.getProperty("layerlab.bench.dir", System.getProperty("java.io.tmpdir")));
    String why = RealOverlay.whyNot();
    Assumptions.assumeTrue(why == null, () -> "no kernel overlay to compare with: " + why);
    System.out.printf("overlay benchmarks: %d warm-up + %d measured iterations, medians; scratch %s (%s)%n",
        warmups, runs, scratch, RealOverlay.fsType(scratch));
    walk(scratch);
    copyUp(scratch);
  }

  /** (a) walk the merged tree of a 128-layer stack, entry by entry with its attributes. */
  private void walk(Path scratch) throws IOException {
    LayerStack stack = LayerStack.of(LAYERS);
    try (RealOverlay real = RealOverlay.build(scratch, stack)) {
      real.mount();
      JimfsVfs base = JimfsVfs.create();
      List<String> lowers = InMemoryStack.build(base, stack);
      base.mkdir("/upper", 0755);
      base.mkdir("/work", 0755);
      Vfs merged = OverlayVfs.mount(base, lowers, "/upper", "/work", OverlayOptions.DEFAULTS, null);
      long kernelCount = javaWalk(real.mergedDir());
      long ourCount = vfsWalk(merged, "/");
      double[] ours = new double[runs];
      double[] kernel = new double[runs];
      for (int i = -warmups; i < runs; i++) {
        long t0 = System.nanoTime();
        vfsWalk(merged, "/");
        long t1 = System.nanoTime();
        javaWalk(real.mergedDir());
        long t2 = System.nanoTime();
        if (i >= 0) {
          ours[i] = (t1 - t0) / 1e6;
          kernel[i] = (t2 - t1) / 1e6;
        }
      }
      report("walk of a " + LAYERS + "-layer merged tree (" + kernelCount + " entries"
          + (ourCount == kernelCount ? "" : "; layerlab saw " + ourCount + "!") + ")", ours, kernel);
    }
  }

  /** The same Java code a user would write for the real mount: Files.walk plus attributes. */
  private static long javaWalk(Path root) throws IOException {
    long[] n = {0};
    try (Stream<Path> s = Files.walk(root)) {
      s.forEach(p -> {
        try {
          PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          n[0]++;
          sink += a.size() + a.permissions().size();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    }
    return n[0];
  }

  /** The walk through layerlab's filesystem interface: readdir plus lstat of every entry. */
  private static long vfsWalk(Vfs fs, String dir) {
    long n = 1;
    for (DirEntry e : fs.readDir(dir)) {
      String p = dir.equals("/") ? "/" + e.name() : dir + "/" + e.name();
      Stat st = fs.lstat(p);
      n += st.type() == FileType.DIRECTORY ? vfsWalk(fs, p) : 1;
    }
    return n;
  }

  /** (b) copy_up of a 64 MiB lower file on its first open for append, onto a fresh upper each time. */
  private void copyUp(Path scratch) throws IOException {
    byte[] big = new byte[COPY_UP_BYTES];
    new Random(7).nextBytes(big);
    LayerStack.Entry file = new LayerStack.Entry("/big", 'f', big);
    double[] ours = new double[runs];
    double[] kernel = new double[runs];
    JimfsVfs base = JimfsVfs.create();
    base.mkdir("/lower", 0755);
    base.write("/lower/big", big, Vfs.WriteMode.TRUNCATE, 0644);
    try (RealOverlay real = RealOverlay.buildOne(scratch, file)) {
      for (int i = -warmups; i < runs; i++) {
        String upper = "/upper" + (i + warmups);
        String work = "/work" + (i + warmups);
        base.mkdir(upper, 0755);
        base.mkdir(work, 0755);
        Vfs merged = OverlayVfs.mount(base, List.of("/lower"), upper, work, OverlayOptions.DEFAULTS, null);
        long t0 = System.nanoTime();
        merged.write("/big", ONE, Vfs.WriteMode.APPEND, 0644);
        long t1 = System.nanoTime();
        removeUpper(base, upper, work);

        real.freshUpper();
        real.mount();
        long t2 = System.nanoTime();
        try (FileChannel ch = FileChannel.open(real.mergedDir().resolve("big"),
            StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
          ch.write(ByteBuffer.wrap(ONE));
        }
        long t3 = System.nanoTime();
        real.umount();
        if (i >= 0) {
          ours[i] = (t1 - t0) / 1e6;
          kernel[i] = (t3 - t2) / 1e6;
        }
      }
    }
    report("copy_up of a 64 MiB file (open for append, one byte written)", ours, kernel);
  }

  private static void removeUpper(Vfs base, String upper, String work) {
    base.unlink(upper + "/big");
    base.rmdir(upper);
    for (DirEntry e : base.readDir(work)) {
      removeTree(base, work + "/" + e.name());
    }
    base.rmdir(work);
  }

  private static void removeTree(Vfs fs, String p) {
    if (fs.lstat(p).isDirectory()) {
      for (DirEntry e : fs.readDir(p)) {
        removeTree(fs, p + "/" + e.name());
      }
      fs.rmdir(p);
    } else {
      fs.unlink(p);
    }
  }

  private static void report(String what, double[] ours, double[] kernel) {
    double o = median(ours);
    double k = median(kernel);
    System.out.printf("%s%n  layerlab %8.2f ms   kernel via Java %8.2f ms   ratio %.2f (target <= 1.0)%n",
        what, o, k, o / k);
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  /** The layer dirs of the stack in a layerlab filesystem, top-first as lowerdir= lists them. */
  static final class InMemoryStack {
    private InMemoryStack() {}

    static List<String> build(Vfs base, LayerStack stack) {
      List<String> lowers = new ArrayList<>();
      for (int n = 0; n < stack.layers().size(); n++) {
        String root = "/l" + n;
        base.mkdir(root, 0755);
        for (LayerStack.Entry e : stack.layers().get(n)) {
          makeParents(base, root + e.path());
          switch (e.kind()) {
            case 'd' -> base.mkdir(root + e.path(), 0755);
            case 'f' -> base.write(root + e.path(), e.data(), Vfs.WriteMode.TRUNCATE, 0644);
            default -> base.mknod(root + e.path(), FileType.CHAR_DEVICE, 0, 0, 0);
          }
        }
        lowers.add(0, root);
      }
      return lowers;
    }

    private static void makeParents(Vfs base, String path) {
      int slash = path.lastIndexOf('/');
      String parent = path.substring(0, slash);
      if (!parent.isEmpty() && !base.exists(parent)) {
        makeParents(base, parent);
        base.mkdir(parent, 0755);
      }
    }
  }
}
