package dev.layerlab.engine;

import java.util.ArrayList;
import java.util.List;

/** Timings of a benchmark's rounds, each the measured work and its reference run side by side. */
final class BenchRounds {
  private final List<long[]> measured = new ArrayList<>();
  private long[] first;

  /** Records a round; {@code keep} when it counts for the medians, {@code cold} for the process's first. */
  void add(boolean keep, boolean cold, long work, long reference) {
    if (cold) {
      first = new long[] {work, reference};
    } else if (keep) {
      measured.add(new long[] {work, reference});
    }
  }

  void print(String work, String reference, double target) {
    long[] w = measured.stream().mapToLong(r -> r[0]).sorted().toArray();
    long[] r = measured.stream().mapToLong(x -> x[1]).sorted().toArray();
    double[] ratios = measured.stream().mapToDouble(x -> (double) x[0] / x[1]).sorted().toArray();
    System.out.printf("%s: median %d ms (min %d, max %d) over %d rounds%n", work, w[w.length / 2] / 1_000_000,
        w[0] / 1_000_000, w[w.length - 1] / 1_000_000, w.length);
    System.out.printf("%s: median %d ms (min %d, max %d)%n", reference, r[r.length / 2] / 1_000_000, r[0] / 1_000_000,
        r[r.length - 1] / 1_000_000);
    System.out.printf("ratio, median of the rounds: %.2f (quartiles %.2f..%.2f; target <= %s)%n",
        ratios[ratios.length / 2], ratios[ratios.length / 4], ratios[ratios.length * 3 / 4], fmt(target));
    if (first != null) {
      System.out.printf("first round of the process (cold JIT): %d ms vs %d ms, ratio %.2f%n", first[0] / 1_000_000,
          first[1] / 1_000_000, (double) first[0] / first[1]);
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
