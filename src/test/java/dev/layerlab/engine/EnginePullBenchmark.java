package dev.layerlab.engine;

import dev.layerlab.image.Catalog;
import dev.layerlab.image.Image;
import dev.layerlab.image.LayerBlob;
import dev.layerlab.image.Pulls;
import dev.layerlab.vfs.JimfsVfs;
import java.time.Clock;
import java.util.Random;

/**
 * Times a whole {@code docker pull} through the daemon on a fresh host (overlay2 dirs, extraction,
 * tar-split, layerdb, imagedb) against sha256 over the same tar bytes, in the same process.
 * Run: scripts/bench-engine-pull [image] (prints the ratio; no thresholds here).
 */
public final class EnginePullBenchmark {
  private EnginePullBenchmark() {}

  public static void main(String[] args) {
    String ref = args.length > 0 ? args[0] : "ubuntu:18.04";
    Image image = Catalog.builtIn().resolve(ref);
    long tarBytes = image.layers().stream().mapToLong(LayerBlob::tarSize).sum();
    long pull = Long.MAX_VALUE;
    for (int round = 0; round < 6; round++) {
      MountNamespace host = MountNamespace.host(JimfsVfs.create());
      Engine engine = new Engine(host, Registry.catalog(), OverlayMounter.kernel(), Clock.systemUTC(), new Random(round));
      System.gc();
      long s = System.nanoTime();
      engine.pull(ref, e -> {});
      pull = Math.min(pull, System.nanoTime() - s);
    }
    long hash = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long s = System.nanoTime();
      Pulls.sha256Reference(tarBytes);
      hash = Math.min(hash, System.nanoTime() - s);
    }
    System.out.printf("image %s: %d tar bytes%n", ref, tarBytes);
    System.out.printf("sha256 over the tar bytes, best of 5: %d ms%n", hash / 1_000_000);
    System.out.printf("docker pull through the engine, best of 6: %d ms, ratio %.2f (target <= 3)%n",
        pull / 1_000_000, (double) pull / hash);
  }
}
