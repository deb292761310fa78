package dev.layerlab.engine;

import dev.layerlab.image.ArchiveImage;
import dev.layerlab.image.Digest;
import dev.layerlab.image.ImageArchives;
import dev.layerlab.image.LayerBlob;
import dev.layerlab.vfs.JimfsVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Times {@code docker load} through the daemon of a large real root filesystem (a GNU tar of this
 * machine's directory, default /usr/bin, wrapped as a one-layer docker-save archive): reading the
 * archive, checking the diffID, extracting into overlay2's diff/, tar-split, layerdb and imagedb
 * on a fresh host, against {@code tar -x} of the same layer tar into a tmpfs. Rounds interleave
 * the two; the ratio is the median of the rounds' ratios after a warm-up round, and the first
 * round (a fresh JVM's) is printed apart. Run: scripts/bench-image-load [directory].
 */
public final class EngineLoadBenchmark {
  private static final int ROUNDS = 7;

  private EngineLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path source = Path.of(args.length > 0 ? args[0] : "/usr/bin");
    Path work = Files.createTempDirectory("layerlab-load-");
    Path shm = Files.createTempDirectory(Path.of("/dev/shm"), "layerlab-load-");
    try {
      Path layer = work.resolve("layer.tar");
      // archived from / so that relative links such as ../lib/x stay inside the layer
      run(work, "tar", "--numeric-owner", "-C", "/", "-cf", layer.toString(), Path.of("/").relativize(source).toString());
      byte[] archive = dockerSave(Files.readAllBytes(layer));
      System.out.printf("archive of %s: %d bytes%n", source, archive.length);
      BenchRounds rounds = new BenchRounds();
      for (int round = 0; round < ROUNDS + 2; round++) {
        Path into = shm.resolve("x" + round);
        Files.createDirectory(into);
        long s = System.nanoTime();
        run(work, "tar", "-x", "-f", layer.toString(), "-C", into.toString());
        long untar = System.nanoTime() - s;
        run(work, "rm", "-rf", into.toString());
        Engine engine = new Engine(MountNamespace.host(JimfsVfs.create()), Registry.catalog(), OverlayMounter.kernel(),
            Clock.systemUTC(), new Random(round));
        System.gc();
        s = System.nanoTime();
        engine.load(archive);
        rounds.add(round >= 2, round == 0, System.nanoTime() - s, untar);
      }
      rounds.print("docker load through the engine", "tar -x into tmpfs", 2);
    } finally {
      run(Path.of("/"), "rm", "-rf", work.toString(), shm.toString());
    }
  }

  private static byte[] dockerSave(byte[] tar) {
    Digest diffId = Digest.of(tar);
    byte[] config = ("{\"architecture\":\"amd64\",\"config\":{},\"created\":\"2018-08-22T17:28:57Z\",\"history\":[],"
        + "\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]}}").getBytes();
    ArchiveImage image = new ArchiveImage(config, List.of(LayerBlob.fromTar(tar, diffId)), List.of("big:1"));
    return ImageArchives.save(List.of(image), ImageArchives.Format.DOCKER);
  }

  private static void run(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed");
    }
  }
}
