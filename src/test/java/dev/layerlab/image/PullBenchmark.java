package dev.layerlab.image;

import dev.layerlab.vfs.JimfsVfs;
import java.util.List;

/**
 * Times pulling an image (catalog build once, then verify + gunzip + hash + extract into a fresh
 * in-memory disk) against sha256 over the same number of bytes, in the same process.
 * Run: scripts/bench-image-pull [image] (prints the ratios; no thresholds here).
 */
public final class PullBenchmark {
  private PullBenchmark() {}

  public static void main(String[] args) {
    String ref = args.length > 0 ? args[0] : "ubuntu:18.04";
    long t0 = System.nanoTime();
    Image image = Catalog.builtIn().resolve(ref);
    long build = System.nanoTime() - t0;
    long tarBytes = 0;
    long pull = Long.MAX_VALUE;
    long verified = Long.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      boolean verify = round % 2 == 1;
      JimfsVfs vfs = JimfsVfs.create();
      vfs.mkdir("/layers", 0700);
      System.gc();
      long s = System.nanoTime();
      List<Pulls.Extracted> done = Pulls.materialize(image, vfs, "/layers", verify);
      long took = System.nanoTime() - s;
      if (verify) {
        verified = Math.min(verified, took);
      } else {
        pull = Math.min(pull, took);
      }
      tarBytes = done.stream().mapToLong(Pulls.Extracted::tarBytes).sum();
    }
    long hash = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long s = System.nanoTime();
      Pulls.sha256Reference(tarBytes);
      hash = Math.min(hash, System.nanoTime() - s);
    }
    System.out.printf("image %s: %d tar bytes%n", ref, tarBytes);
    System.out.printf("catalog build (first use, includes gzip of every layer): %d ms%n", build / 1_000_000);
    System.out.printf("sha256 over the tar bytes, best of 5: %d ms%n", hash / 1_000_000);
    System.out.printf("pull (re-tar+hash+extract), best of 5: %d ms, ratio %.2f (target <= 3)%n", pull / 1_000_000,
        (double) pull / hash);
    System.out.printf("pull verifying blobs (sha256 blob+gunzip+hash+parse+extract), best of 5: %d ms, ratio %.2f%n",
        verified / 1_000_000, (double) verified / hash);
  }
}
