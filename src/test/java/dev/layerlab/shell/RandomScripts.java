package dev.layerlab.shell;

import java.util.Random;

/** A seeded generator of small bash scripts mixing quoting, expansions, arithmetic and control flow. */
final class RandomScripts {
  private static final String[] NAMES = {"a", "b", "c"};
  private static final String[] NUMBERS = {"n", "m"};
  private static final String[] LITERALS = {"x", "y", "foo", "-", ".", "1", "a.b", "=", "@", "%"};
  private final Random random;

  RandomScripts(long seed) {
    this.random = new Random(seed);
  }

  String script() {
    StringBuilder sb = new StringBuilder("n=" + random.nextInt(20) + "; m=" + (1 + random.nextInt(9)) + "\n");
    int statements = 3 + random.nextInt(5);
    for (int i = 0; i < statements; i++) {
      sb.append(statement(2)).append(random.nextBoolean() ? "\n" : "; ");
    }
    return sb.toString();
  }

  private String statement(int depth) {
    int kind = random.nextInt(depth > 0 ? 8 : 5);
    return switch (kind) {
      case 0 -> pick(NAMES) + "=" + word();
      case 1 -> pick(NUMBERS) + "=$((" + arith(2) + "))";
      case 2 -> "echo " + words();
      case 3 -> "printf '%s|' " + words() + "; echo";
      case 4 -> (random.nextBoolean() ? "true" : "false") + (random.nextBoolean() ? " && " : " || ") + "echo " + words();
      case 5 -> "p=" + word() + "; q=" + word() + "; if [ \"$p\"" + (random.nextBoolean() ? " = " : " != ") + "\"$q\" ]; then "
          + statement(depth - 1)
          + "; else " + statement(depth - 1) + "; fi";
      case 6 -> "for v in " + words() + "; do echo \"<$v>\"; done";
      default -> "x=$(" + statement(depth - 1) + "); echo \"[$x]\"";
    };
  }

  private String words() {
    StringBuilder sb = new StringBuilder();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      sb.append(i > 0 ? " " : "").append(word());
    }
    return sb.toString();
  }

  private String word() {
    StringBuilder sb = new StringBuilder();
    int parts = 1 + random.nextInt(3);
    for (int i = 0; i < parts; i++) {
      sb.append(part());
    }
    return sb.toString();
  }

  private String part() {
    String name = pick(NAMES);
    return switch (random.nextInt(10)) {
      case 0 -> pick(LITERALS);
      case 1 -> "'" + pick(LITERALS) + " " + pick(LITERALS) + "'";
      case 2 -> "\"" + pick(LITERALS) + " $" + name + "\"";
      case 3 -> "$" + name;
      case 4 -> "${" + name + ":-" + pick(LITERALS) + "}";
      case 5 -> "\"${#" + name + "}\"";
      case 6 -> "$((" + arith(1) + "))";
      case 7 -> "\\" + pick(new String[] {"$", " ", "'", "\"", "x"});
      case 8 -> "\"$(echo " + pick(LITERALS) + ")\"";
      default -> "${" + name + ":+" + pick(LITERALS) + "}";
    };
  }

  private String arith(int depth) {
    if (depth == 0 || random.nextInt(3) == 0) {
      return random.nextBoolean() ? Integer.toString(random.nextInt(50)) : pick(NUMBERS);
    }
    String op = pick(new String[] {"+", "-", "*", "/", "%", "<", "==", "&&"});
    String right = op.equals("/") || op.equals("%") ? Integer.toString(1 + random.nextInt(9)) : arith(depth - 1);
    return "(" + arith(depth - 1) + " " + op + " " + right + ")";
  }

  private String pick(String[] options) {
    return options[random.nextInt(options.length)];
  }
}
