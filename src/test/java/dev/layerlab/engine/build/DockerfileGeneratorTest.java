package dev.layerlab.engine.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random Dockerfiles: instructions in any letter case, split over continuation lines
 * with comments and blank lines between the parts, under either escape character. The parser
 * must give back every instruction, in order, with its text joined as Docker joins it.
 * Reproduce with {@code mvn -o test -Dtest=DockerfileGeneratorTest -Ddockerfile.seed=N}.
 */
class DockerfileGeneratorTest {
  private static final String[] KEYWORDS = {"run", "cmd", "env", "label", "workdir", "expose", "user", "copy",
      "volume", "stopsignal", "entrypoint", "arg"};

  @Test
  void generatedDockerfilesParseBackToTheirInstructions() {
    long seed = Long.getLong("dockerfile.seed", System.nanoTime());
    System.out.println("DockerfileGeneratorTest seed: " + seed);
    Random r = new Random(seed);
    for (int round = 0; round < 300; round++) {
      char escape = r.nextBoolean() ? '\\' : '`';
      StringBuilder file = new StringBuilder(escape == '`' ? "# escape=`\n" : "");
      List<String> keywords = new ArrayList<>();
      List<String> joined = new ArrayList<>();
      List<Integer> lines = new ArrayList<>();
      int line = escape == '`' ? 2 : 1;
      file.append("FROM base\n");
      keywords.add("from");
      joined.add("FROM base");
      lines.add(line++);
      int n = 1 + r.nextInt(8);
      for (int i = 0; i < n; i++) {
        if (r.nextInt(4) == 0) {
          file.append(r.nextBoolean() ? "# note " + i + "\n" : "\n");
          line++;
        }
        String kw = KEYWORDS[r.nextInt(KEYWORDS.length)];
        String written = randomCase(r, kw);
        List<String> parts = new ArrayList<>();
        int words = (kw.equals("copy") ? 2 : 1) + r.nextInt(3);
        for (int w = 0; w < words; w++) {
          parts.add((kw.equals("env") || kw.equals("label") || kw.equals("arg") ? "k" + w + "=v" : "w" + w)
              + r.nextInt(100));
        }
        if (kw.equals("arg") || kw.equals("workdir") || kw.equals("user") || kw.equals("stopsignal")) {
          parts = parts.subList(0, 1);
        }
        lines.add(line);
        StringBuilder text = new StringBuilder(written);
        file.append(written);
        for (String p : parts) {
          if (r.nextInt(3) == 0) {
            file.append(" ").append(escape).append("\n");
            line++;
            if (r.nextBoolean()) {
              file.append("# inside\n");
              line++;
            }
            file.append("  ").append(p);
            text.append("   ").append(p); // the space before the escape stays, the next line keeps its indent
          } else {
            file.append(" ").append(p);
            text.append(" ").append(p);
          }
        }
        file.append("\n");
        line++;
        keywords.add(kw);
        joined.add(text.toString());
      }
      DockerfileParser.Parsed parsed = DockerfileParser.parse(file.toString());
      assertThat(parsed.escape()).as(file.toString()).isEqualTo(escape);
      assertThat(parsed.instructions()).extracting(Instruction::keyword).as(file.toString()).isEqualTo(keywords);
      assertThat(parsed.instructions()).extracting(Instruction::original).as(file.toString()).isEqualTo(joined);
      assertThat(parsed.instructions()).extracting(Instruction::line).as(file.toString()).isEqualTo(lines);
    }
  }

  private static String randomCase(Random r, String kw) {
    StringBuilder b = new StringBuilder();
    for (char c : kw.toCharArray()) {
      b.append(r.nextInt(3) == 0 ? c : Character.toUpperCase(c));
    }
    return r.nextBoolean() ? b.toString() : kw.toUpperCase(Locale.ROOT);
  }
}
