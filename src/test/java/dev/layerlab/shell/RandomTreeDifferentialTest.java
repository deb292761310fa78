package dev.layerlab.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of file operations run with GNU coreutils in a temp dir and with layerlab's
 * utilities in the simulated host; every status, message and the resulting tree must agree.
 * Rerun one with {@code mvn -o test -Dtest=RandomTreeDifferentialTest -Dlayerlab.seed=SEED}.
 */
class RandomTreeDifferentialTest {
  private static final String INSPECT = "find . -mindepth 1 -printf '%y %m %n %s %p %l\\n' | sort; cat a b c d/x d/y e/f/g 2>&1";

  @Test
  void randomFileOperationsLeaveTheSameTree() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "compares owners and modes as root");
    long seed = Seeds.seed();
    System.out.println("RandomTreeDifferentialTest seed: " + seed);
    RandomTreeOps ops = new RandomTreeOps(seed);
    for (int round = 0; round < 25; round++) {
      String script = ops.script(12) + INSPECT;
      Path dir = Files.createTempDirectory("layerlab-ops");
      try {
        Sim.Result real = RealBash.run(dir, script);
        Sim sim = new Sim();
        sim.host.vfs().mkdir("/work", 0755);
        sim.out("cd /work");
        Sim.Result ours = sim.run(script);
        String context = "seed " + seed + ", round " + round + ":\n" + script;
        assertThat(ours.out()).as(context).isEqualTo(real.out());
        assertThat(ours.err()).as(context).isEqualTo(RealBash.interactiveErrors(real.err()));
      } finally {
        RealTree.delete(dir);
      }
    }
  }
}
