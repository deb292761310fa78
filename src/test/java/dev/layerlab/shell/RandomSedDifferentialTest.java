package dev.layerlab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random sed scripts over random text, through the real GNU sed and through layerlab's (every fifth
 * one editing its files in place, whose new contents must agree too). The seed
 * is printed; rerun one with {@code mvn -o test -Dtest=RandomSedDifferentialTest
 * -Dlayerlab.seed=SEED}, explore new ones with {@code -Dlayerlab.seed=random}.
 */
class RandomSedDifferentialTest {
  private static final int SCRIPTS = 400;

  @Test
  void randomScriptsBehaveLikeGnuSed() throws IOException {
    long seed = Seeds.seed();
    System.out.println("RandomSedDifferentialTest seed: " + seed);
    RandomSedScripts scripts = new RandomSedScripts(seed);
    Path dir = Files.createTempDirectory("layerlab-random-sed");
    Sim sim = new Sim();
    sim.host.vfs().mkdir("/work", 0755);
    sim.out("cd /work");
    try {
      for (int i = 0; i < SCRIPTS; i++) {
        String one = scripts.text();
        String two = scripts.text();
        List<String> options = scripts.options();
        String script = scripts.script();
        Files.writeString(dir.resolve("one"), one, StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("two"), two, StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("script.sed"), script, StandardCharsets.ISO_8859_1);
        List<String> argv = new ArrayList<>(List.of("sed"));
        boolean inPlace = i % 5 == 4;
        if (inPlace) {
          argv.add("-i");
        }
        argv.addAll(options);
        boolean fromFile = i % 2 == 0;
        if (fromFile) {
          argv.addAll(List.of("-f", "script.sed"));
        } else {
          argv.add(script);
        }
        argv.add("one");
        if (i % 3 == 0) {
          argv.add("two");
        }
        for (String name : List.of("one", "two", "script.sed")) {
          sim.host.vfs().write("/work/" + name, Files.readAllBytes(dir.resolve(name)),
              dev.layerlab.vfs.Vfs.WriteMode.TRUNCATE, 0644);
        }
        Sim.Result real = RealBash.exec(dir, argv);
        StringBuilder line = new StringBuilder();
        for (String arg : argv) {
          line.append(line.length() == 0 ? "" : " ").append("'").append(arg.replace("'", "'\\''")).append("'");
        }
        Sim.Result ours = sim.run(line.toString());
        if (inPlace) {
          for (String name : List.of("one", "two")) {
            assertThat(new String(sim.host.vfs().read("/work/" + name), StandardCharsets.ISO_8859_1))
                .as("seed " + seed + ", script " + i + ", file " + name + " after " + argv)
                .isEqualTo(Files.readString(dir.resolve(name), StandardCharsets.ISO_8859_1));
          }
        }
        String context = "seed " + seed + ", script " + i + ": " + argv + "\n--- script:\n" + script + "\n--- one:\n" + one + "\n--- two:\n" + two;
        assertThat(ours.out()).as(context).isEqualTo(real.out());
        assertThat(ours.err()).as(context).isEqualTo(real.err());
        assertThat(ours.status()).as(context).isEqualTo(real.status());
      }
    } finally {
      RealTree.delete(dir);
    }
  }
}
