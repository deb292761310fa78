package dev.layerlab.shell;

import java.util.Random;

/** A seeded generator of file operations (mkdir, touch, rm, mv, cp, ln, chmod, echo >) on a few names. */
final class RandomTreeOps {
  private static final String[] NAMES = {"a", "b", "c", "d/x", "d/y", "e/f/g", "d", "e", "e/f"};
  private static final String[] MODES = {"644", "755", "700", "4755", "1777", "u+x", "go-r", "a=r", "o+w"};
  private final Random random;

  RandomTreeOps(long seed) {
    this.random = new Random(seed);
  }

  String script(int operations) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < operations; i++) {
      sb.append(op()).append("; echo \"$?\"\n");
    }
    return sb.toString();
  }

  private String op() {
    String a = pick(NAMES);
    String b = pick(NAMES);
    return switch (random.nextInt(14)) {
      case 0 -> "mkdir " + a;
      case 1 -> "mkdir -p " + a;
      case 2 -> "touch " + a;
      case 3 -> "echo " + random.nextInt(1000) + " > " + a;
      case 4 -> "echo more >> " + a;
      case 5 -> "rm " + a;
      case 6 -> "rm -rf " + a;
      case 7 -> "rmdir " + a;
      case 8 -> "mv " + a + " " + b;
      case 9 -> "cp " + a + " " + b;
      case 10 -> "cp -r " + a + " " + b;
      case 11 -> "ln -s " + a + " " + b;
      case 12 -> "ln " + a + " " + b;
      default -> "chmod " + pick(MODES) + " " + a;
    };
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
