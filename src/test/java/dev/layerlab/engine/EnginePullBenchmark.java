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
 * diffID check, tar-split, layerdb, imagedb) against sha256 over the same tar bytes, in the same
 * process. Each round hashes and then pulls, so both see the same machine load; the ratio printed
 * is the median of the rounds' ratios, after warm-up rounds. The first pull of the process (cold
 * JIT) is printed apart. Run: scripts/bench-engine-pull [image] (no thresholds here).
 */
public final class EnginePullBenchmark {
  private static final int WARMUP = 5;
  private static final int ROUNDS = 15;

  private EnginePullBenchmark() {}

  public static void main(String[] args) {
    String ref = args.length > 0 ? args[0] : "ubuntu:18.04";
    long c0 = System.nanoTime();
    Image image = Catalog.builtIn().resolve(ref);
    long tarBytes = image.layers().stream().mapToLong(LayerBlob::tarSize).sum();
    long catalog = System.nanoTime() - c0;
    BenchRounds rounds = new BenchRounds();
    for (int round = 0; round < WARMUP + ROUNDS; round++) {
      long s = System.nanoTime();
      Pulls.sha256Reference(tarBytes);
      long hash = System.nanoTime() - s;
      MountNamespace host = MountNamespace.host(JimfsVfs.create());
      Engine engine = new Engine(host, Registry.catalog(), OverlayMounter.kernel(), Clock.systemUTC(), new Random(round));
      System.gc();
      s = System.nanoTime();
      engine.pull(ref, e -> {});
      rounds.add(round >= WARMUP || round == 0, round == 0, System.nanoTime() - s, hash);
    }
    System.out.printf("image %s: %d tar bytes; catalog built on first use in %d ms%n", ref, tarBytes, catalog / 1_000_000);
    rounds.print("docker pull through the engine", "sha256 over the tar bytes", 3);
  }
}
