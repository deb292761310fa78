package dev.layerlab.overlay.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every named case means what it says on the real kernel (each {@code !} step fails, every other
 * step succeeds), and two kernel runs of it agree entry for entry: the harness itself adds no
 * noise that could pass for a divergence.
 */
class HarnessDeterminismTest {

  @BeforeEach
  void kernel() {
    KernelOverlay.assumeAvailable();
  }

  static Stream<Script> cases() {
    return NamedCases.scripts().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void kernelAgreesWithTheCaseAndWithItself(Script script) {
    Differential.Result r = Differential.compare(script,
        () -> new KernelSide(KernelOverlay.scratch()), () -> new KernelSide(KernelOverlay.scratch()),
        KernelOverlay.umask());
    assertThat(r.kernelSurprises()).as(r.report()).isEmpty();
    assertThat(r.divergences()).as(r.report()).isEmpty();
  }

  @Test
  void randomScriptsRunTheSameTwiceOnTheKernel() {
    long base = Long.getLong("layerlab.seed", 7_000L);
    for (long seed = base; seed < base + Integer.getInteger("layerlab.harness.count", 25); seed++) {
      Script script = RandomScripts.generate(seed);
      Differential.Result r = Differential.compare(script,
          () -> new KernelSide(KernelOverlay.scratch()), () -> new KernelSide(KernelOverlay.scratch()),
          KernelOverlay.umask(), false);
      assertThat(r.divergences()).as(r.report()).isEmpty();
    }
  }
}
