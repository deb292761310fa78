package dev.layerlab.image;

import dev.layerlab.vfs.JimfsVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times {@code docker load} of a large real root filesystem (a GNU tar of this machine's
 * directory, default /usr/bin, wrapped as a one-layer docker-save archive): reading and verifying
 * the archive and extracting the layer into a fresh in-memory disk, against {@code tar -x} of
 * the same layer into a tmpfs. Run: scripts/bench-image-load [directory]. Prints the ratio.
 */
public final class LoadBenchmark {
  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path source = Path.of(args.length > 0 ? args[0] : "/usr/bin");
    Path work = Files.createTempDirectory("layerlab-load-");
    Path shm = Files.createTempDirectory(Path.of("/dev/shm"), "layerlab-load-");
    try {
      Path layer = work.resolve("layer.tar");
      // archived from / so that relative links such as ../lib/x stay inside the layer
      run(work, "tar", "--numeric-owner", "-C", "/", "-cf", layer.toString(), Path.of("/").relativize(source).toString());
      byte[] tar = Files.readAllBytes(layer);
      Digest diffId = Digest.of(tar);
      byte[] config = ("{\"architecture\":\"amd64\",\"config\":{},\"created\":\"2018-08-22T17:28:57Z\",\"history\":[],"
          + "\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diffId + "\"]}}").getBytes();
      ArchiveFiles files = new ArchiveFiles();
      files.put("l/layer.tar", tar, 0);
      files.put(Digest.of(config).hex() + ".json", config, 0);
      files.put("manifest.json", ("[{\"Config\":\"" + Digest.of(config).hex() + ".json\",\"RepoTags\":[\"big:1\"],"
          + "\"Layers\":[\"l/layer.tar\"]}]").getBytes(), 0);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      files.writeTar(out);
      byte[] archive = out.toByteArray();
      System.out.printf("archive of %s: %d bytes%n", source, archive.length);
      long load = Long.MAX_VALUE;
      long untar = Long.MAX_VALUE;
      for (int round = 0; round < 3; round++) {
        System.gc();
        long s = System.nanoTime();
        List<ArchiveImage> images = ImageArchives.load(archive);
        JimfsVfs vfs = JimfsVfs.create();
        vfs.mkdir("/diff", 0755);
        Pulls.materialize(images.get(0).layers().get(0), vfs, "/diff");
        load = Math.min(load, System.nanoTime() - s);
        Path into = shm.resolve("x" + round);
        Files.createDirectory(into);
        s = System.nanoTime();
        run(work, "tar", "-x", "-f", layer.toString(), "-C", into.toString());
        untar = Math.min(untar, System.nanoTime() - s);
        run(work, "rm", "-rf", into.toString());
      }
      System.out.printf("docker load (read+verify+extract), best of 3: %d ms%n", load / 1_000_000);
      System.out.printf("tar -x into tmpfs, best of 3: %d ms%n", untar / 1_000_000);
      System.out.printf("ratio load/tar-x: %.2f (target <= 2)%n", (double) load / untar);
    } finally {
      run(Path.of("/"), "rm", "-rf", work.toString(), shm.toString());
    }
  }

  private static void run(Path dir, String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed");
    }
  }
}
