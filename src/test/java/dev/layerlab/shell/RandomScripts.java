package dev.layerlab.shell;

import java.util.Random;

/**
 * A seeded generator of small bash scripts mixing quoting, expansions, arithmetic, control flow,
 * arrays and {@code [[ ]]} conditions.
 */
final class RandomScripts {
  private static final String[] NAMES = {"a", "b", "c"};
  private static final String[] NUMBERS = {"n", "m"};
  private static final String[] LITERALS = {"x", "y", "foo", "-", ".", "1", "a.b", "=", "@", "%"};
  private static final String[] KEYS = {"x", "y", "foo", "a.b", "1", "'a b'", "\"$a\"x", "0"};
  private static final String[] PATTERNS = {"x", "*", "?", "f*", "*.b", "[xy]", "o", "\\*", "'*'", "\"$a\""};
  private static final String[] REGEXES = {"^x", "o+", "[.]", "^(a|f)", "b$", "\\.", "'.'", "^$", "(o)(o)"};
  private static final String[] ESCAPES = {"\\n", "\\t", "\\'", "\\\\", "\\x41", "\\101", "\\e", "q"};
  private final Random random;
  /**
   * True while a {@code [[ ]]} operand is made: bash 5.2 word-splits what follows a quoted array
   * expansion of no elements there ({@code "${r[@]:2}"$a}), a quirk left out of the comparison.
   */
  private boolean inCondition;

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
    int kind = random.nextInt(depth > 0 ? 16 : 5);
    return switch (kind) {
      case 8 -> "r=(" + arrayWords() + "); r+=(" + arrayWords() + "); r[" + random.nextInt(6) + "]=" + word()
          + "; echo ${#r[@]} ${!r[@]}; printf '<%s>' \"${r[@]}\"; echo";
      case 9 -> "r=(" + arrayWords() + "); unset 'r[" + random.nextInt(3) + "]'; for v in \"${r[@]}\"; do echo \"[$v]\"; done; echo \"${r[*]}\" ${r[-1]}";
      case 10 -> {
        inCondition = true;
        String condition = condition(2);
        inCondition = false;
        yield "[[ " + condition + " ]] && echo T || echo F";
      }
      case 11 -> "((" + arith(2) + ")); echo $?";
      case 13 -> "declare -A h=([" + pick(KEYS) + "]=" + arrayWord() + " [" + pick(KEYS) + "]=" + arrayWord() + "); h[" + pick(KEYS)
          + "]+=" + word() + "; declare -p h; echo ${#h[@]}; for k in \"${!h[@]}\"; do echo \"<$k=${h[$k]}>\"; done";
      case 14 -> "f() { local v=" + word() + "; local -a w=(" + arrayWords() + "); w+=(" + arrayWords()
          + "); echo \"$v ${#w[@]}\"; declare -p w; }; v=outer; f; echo \"$v\"";
      case 12 -> {
        inCondition = true;
        String subject = word();
        inCondition = false;
        yield "[[ " + subject + " =~ " + pick(REGEXES) + " ]]; echo $? \"${BASH_REMATCH[@]}\" ${#BASH_REMATCH[@]}";
      }
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

  /**
   * Words for {@code r=(...)}, without backslashes: bash 5.2 misreads some ({@code \\'},
   * {@code \\ }, {@code \\$"}) in an array assignment inside {@code $(...)}, reporting an
   * unterminated quote or ending the substitution early.
   */
  private String arrayWords() {
    while (true) {
      String words = words();
      if (!words.contains("\\")) {
        return words;
      }
    }
  }

  /** One word for inside {@code (...)} of an assignment, without backslashes (see {@link #arrayWords()}). */
  private String arrayWord() {
    while (true) {
      String word = word();
      if (!word.contains("\\")) {
        return word;
      }
    }
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

  private String condition(int depth) {
    if (depth > 0 && random.nextInt(3) == 0) {
      String op = random.nextBoolean() ? " && " : " || ";
      String c = condition(depth - 1) + op + condition(depth - 1);
      return random.nextBoolean() ? "( " + c + " )" : c;
    }
    return switch (random.nextInt(7)) {
      case 0 -> (random.nextBoolean() ? "-z " : "-n ") + word();
      case 1 -> "! " + word() + " == " + pick(PATTERNS);
      case 2 -> word() + (random.nextBoolean() ? " == " : " != ") + pick(PATTERNS);
      case 3 -> word() + (random.nextBoolean() ? " < " : " > ") + word();
      case 4 -> "$((" + arith(1) + ")) " + pick(new String[] {"-eq", "-ne", "-lt", "-gt", "-le", "-ge"}) + " " + pick(NUMBERS);
      case 5 -> (random.nextBoolean() ? "-e " : "-f ") + word();
      default -> word();
    };
  }

  private String part() {
    String name = pick(NAMES);
    int kind = random.nextInt(inCondition ? 15 : 16);
    if (kind >= 10) {
      return switch (kind) {
        case 10 -> "${" + name + ":" + random.nextInt(4) + (random.nextBoolean() ? ":" + random.nextInt(3) : "") + "}";
        case 11 -> "${" + name + pick(new String[] {"/", "//", "/#", "/%"}) + pick(PATTERNS) + "/" + pick(LITERALS) + "}";
        case 12 -> "\"${" + name + pick(new String[] {"^^", ",,", "^", "#", "##", "%", "%%"}) + pick(PATTERNS) + "}\"";
        case 13 -> "$'" + pick(ESCAPES) + pick(LITERALS) + pick(ESCAPES) + "'";
        case 14 -> "${r[" + random.nextInt(4) + "]}";
        default -> "\"${r[@]:" + random.nextInt(3) + "}\"";
      };
    }
    return switch (kind) {
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
