package dev.layerlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Random scripts through real bash and through layerlab's shell. The seed is printed; rerun one
 * with {@code mvn -o test -Dtest=RandomScriptDifferentialTest -Dlayerlab.seed=SEED}, explore new
 * ones with {@code -Dlayerlab.seed=random}, more of them with {@code -Dlayerlab.scripts=N}.
 */
class RandomScriptDifferentialTest {
  private static final int SCRIPTS = Integer.getInteger("layerlab.scripts", 60);

  @Test
  void randomScriptsBehaveLikeBash() throws IOException {
    long seed = Seeds.seed();
    System.out.println("RandomScriptDifferentialTest seed: " + seed);
    RandomScripts scripts = new RandomScripts(seed);
    Path dir = Files.createTempDirectory("layerlab-random");
    try {
      for (int i = 0; i < SCRIPTS; i++) {
        String script = scripts.script();
        Sim.Result real = RealBash.run(dir, script);
        Sim sim = new Sim();
        Sim.Result ours = sim.run(script);
        String context = "seed " + seed + ", script " + i + ":\n" + script;
        assertThat(ours.out()).as(context).isEqualTo(real.out());
        assertThat(ours.err()).as(context).isEqualTo(RealBash.interactiveErrors(real.err()));
        assertThat(ours.status()).as(context).isEqualTo(real.status());
      }
    } finally {
      Files.deleteIfExists(dir);
    }
  }
}
