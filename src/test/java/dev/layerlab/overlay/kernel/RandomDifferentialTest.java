package dev.layerlab.overlay.kernel;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The kernel differential suite, random part: seeded random lower stacks and operation
 * sequences ({@link RandomScripts}), each applied to a real overlayfs mount and to layerlab's
 * OverlayVfs, compared as the named cases are.
 *
 * <p>Every run prints its base seed; sequence {@code i} uses seed {@code base + i}. A diverging
 * sequence prints its own seed, its script and both outcomes, and replays alone with
 * {@code mvn -q test -Dtest=RandomDifferentialTest -Dlayerlab.seed=SEED} (one sequence; add
 * {@code -Dlayerlab.random.count=N} for N from there). {@code -Dlayerlab.random.threads} sets
 * how many run at once (4).
 */
class RandomDifferentialTest {
  private static final int DEFAULT_COUNT = 1000;
  private static final int REPORTED = 3;

  @BeforeEach
  void kernel() {
    KernelOverlay.assumeAvailable();
  }

  /**
   * Why the default run would be skipped, or null when layerlab agrees with the kernel. An
   * explicit {@code -Dlayerlab.seed} or {@code -Dlayerlab.random.count} always runs the sequences.
   */
  private static final String OPEN_DIVERGENCES = null;

  @Test
  void randomSequencesAgreeWithTheKernel() throws InterruptedException {
    String fixed = System.getProperty("layerlab.seed");
    if (fixed == null && System.getProperty("layerlab.random.count") == null) {
      Assumptions.assumeTrue(OPEN_DIVERGENCES == null, () -> {
        System.out.println("[random differential] skipped: " + OPEN_DIVERGENCES);
        return OPEN_DIVERGENCES;
      });
    }
    long base = fixed != null ? Long.parseLong(fixed) : System.nanoTime() & 0xffffffffL;
    int count = Integer.getInteger("layerlab.random.count", fixed != null ? 1 : DEFAULT_COUNT);
    System.out.println("[random differential] base seed " + base + ", " + count + " sequences");
    long start = System.nanoTime();
    // sequences are independent (own dirs, own mount): run a few at once, since most of a
    // sequence's time is spent waiting on mount, umount and the journal, not on a core
    int threads = Integer.getInteger("layerlab.random.threads", 4);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Differential.Result>> results = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long seed = base + i;
      results.add(pool.submit(() -> Differential.compare(RandomScripts.generate(seed),
          () -> new KernelSide(KernelOverlay.scratch()), LayerlabSide::new, KernelOverlay.umask(), false)));
    }
    pool.shutdown();
    List<String> failures = new ArrayList<>();
    int divergent = 0;
    for (int i = 0; i < count; i++) {
      long seed = base + i;
      Differential.Result r;
      try {
        r = results.get(i).get();
      } catch (ExecutionException e) {
        pool.shutdownNow();
        throw new AssertionError("seed " + seed + " broke the harness; script:\n"
            + RandomScripts.generate(seed).text(), e.getCause());
      }
      if (!r.agree()) {
        divergent++;
        if (failures.size() < REPORTED) {
          failures.add(r.report() + "replay: mvn -q test -Dtest=RandomDifferentialTest -Dlayerlab.seed="
              + seed + "\n");
        }
      }
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("[random differential] %d sequences in %d ms, %d divergent (base seed %d)%n",
        count, ms, divergent, base);
    if (divergent > 0) {
      fail(divergent + " of " + count + " random sequences diverge from the kernel (base seed " + base
          + "); the first " + failures.size() + ":\n\n" + String.join("\n", failures));
    }
  }
}
