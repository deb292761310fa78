package dev.layerlab.shell.util.awk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random small programs over random columns, run by the real mawk and by layerlab's awk.
 * {@code -Dlayerlab.seed=N} replays a run ({@code random} explores a new one); the seed is printed.
 */
class RandomAwkDifferentialTest {
  private static final int PROGRAMS = 150;

  @Test
  void randomProgramsMatchMawk() throws IOException {
    assumeTrue(AwkHarness.realAwkIsMawk(), "mawk is not installed");
    String value = System.getProperty("layerlab.seed");
    long seed = value == null || value.isBlank() ? 20181001L
        : value.equals("random") ? System.nanoTime() : Long.parseLong(value);
    System.out.println("RandomAwkDifferentialTest seed " + seed + " (replay: -Dlayerlab.seed=" + seed + ")");
    Random seeds = new Random(seed);
    for (int i = 0; i < PROGRAMS; i++) {
      long caseSeed = seeds.nextLong();
      RandomAwkPrograms gen = new RandomAwkPrograms(caseSeed);
      boolean colons = caseSeed % 4 == 0;
      Map<String, String> files = Map.of("in.txt", gen.text(colons));
      String program = gen.program();
      String command = "awk " + (colons ? "-F: " : "") + "'" + program + "' in.txt" + (gen.unordered() ? " | sort" : "");
      assertThat(AwkHarness.simulated(files, command))
          .as("seed %d, program %d:\n%s\ninput:\n%s", seed, i, command, files.get("in.txt"))
          .isEqualTo(AwkHarness.real(files, command));
    }
  }
}
