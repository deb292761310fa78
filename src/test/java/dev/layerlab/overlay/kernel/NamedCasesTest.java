package dev.layerlab.overlay.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kernel differential suite, named cases: each case file (src/test/resources/.../cases) is
 * applied to a real overlayfs mount and to layerlab's OverlayVfs over the same lower layers;
 * every step's outcome and the merged view, the upper dir and the lower layers must agree
 * entry for entry. Run one: {@code mvn -q test -Dtest='NamedCasesTest#*' -Dlayerlab.case=NAME}.
 */
class NamedCasesTest {

  @BeforeEach
  void kernel() {
    KernelOverlay.assumeAvailable();
  }

  static Stream<NamedCases.Case> cases() {
    String only = System.getProperty("layerlab.case", "");
    return NamedCases.all().stream().filter(c -> only.isEmpty() || c.script().name().equals(only));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void layerlabDoesWhatTheKernelDoes(NamedCases.Case c) {
    Differential.Result r = Differential.compare(c.script(),
        () -> new KernelSide(KernelOverlay.scratch()), LayerlabSide::new, KernelOverlay.umask());
    assertThat(r.kernelSurprises()).as(r.report()).isEmpty();
    if (c.knownDivergence() != null) {
      if (r.agree()) {
        fail("case " + c + " agrees with the kernel now: remove its '# known divergence' line");
      }
      System.out.println("[known divergence] " + r.report());
      Assumptions.abort("known divergence: " + c.knownDivergence());
    }
    if (!r.agree()) {
      fail(r.report());
    }
  }
}
