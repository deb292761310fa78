package dev.layerlab.shell.util.awk;

import java.util.List;
import java.util.Random;

/** Small random awk programs over random columnar text, for the differential test. */
final class RandomAwkPrograms {
  private static final List<String> WORDS = List.of("apple", "Bob", "cat", "dog", "eve", "x", "lima", "NaNa", "a-b",
      "zed", "Paris", "q1");
  private static final List<String> NUMBERS = List.of("0", "1", "7", "-3", "42", "3.5", "0.25", "-0.5", "1e3", "007",
      "100", "12.50", "99", "-0", "2147483647");
  private static final List<String> REGEXES = List.of("a", "^[A-Z]", "[0-9]$", "e|o", "^-", "\\.", "[[:digit:]]+",
      "^[a-z]+$", "(ab|q)", "x*y", "[^a-z]", "l+", "^.$");
  private static final List<String> FORMATS = List.of("%s", "%d", "%5.2f", "%-8s|", "%x", "%o", "%e", "%g", "%05d",
      "%.3s", "%i", "%10.3e", "%+d", "%.0f");

  private final Random random;
  private boolean unordered;

  RandomAwkPrograms(long seed) {
    this.random = new Random(seed);
  }

  /** The input file's text: lines of blank- or colon-separated columns. */
  String text(boolean colons) {
    StringBuilder sb = new StringBuilder();
    int lines = 1 + random.nextInt(8);
    for (int i = 0; i < lines; i++) {
      int fields = random.nextInt(6);
      if (!colons && random.nextInt(6) == 0) {
        sb.append(' ');
      }
      for (int f = 0; f < fields; f++) {
        if (f > 0) {
          sb.append(colons ? ":" : random.nextInt(5) == 0 ? "\t " : " ".repeat(1 + random.nextInt(2)));
        }
        sb.append(random.nextBoolean() ? pick(WORDS) : pick(NUMBERS));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** A whole program: BEGIN, one to three pattern-action items, and END. */
  String program() {
    unordered = false;
    StringBuilder sb = new StringBuilder();
    if (random.nextInt(4) == 0) {
      sb.append("BEGIN { ").append(pick(List.of("OFS = \"-\"", "n = " + pick(NUMBERS), "RS = \"\"",
          "CONVFMT = \"%.2g\"", "ORS = \"|\\n\""))).append(" } ");
    }
    int items = 1 + random.nextInt(3);
    for (int i = 0; i < items; i++) {
      String pattern = pattern();
      sb.append(pattern);
      if (pattern.isEmpty() || random.nextInt(4) != 0) {
        sb.append(" { ").append(statements()).append(" } ");
      } else {
        sb.append(random.nextBoolean() ? "\n" : "; ");
      }
    }
    if (random.nextBoolean()) {
      sb.append("END { ").append(endAction()).append(" }");
    }
    return sb.toString();
  }

  boolean unordered() {
    return unordered;
  }

  private String pattern() {
    return switch (random.nextInt(10)) {
      case 0 -> "NR % " + (2 + random.nextInt(3)) + " == " + random.nextInt(2);
      case 1 -> field() + " > " + pick(NUMBERS);
      case 2 -> field() + " ~ /" + pick(REGEXES) + "/";
      case 3 -> "/" + pick(REGEXES) + "/";
      case 4 -> "NF > " + random.nextInt(4);
      case 5 -> field() + " == \"" + pick(WORDS) + "\"";
      case 6 -> "NR == " + (1 + random.nextInt(3)) + ", NR == " + (2 + random.nextInt(4));
      case 7 -> "!(" + field() + " < " + field() + ")";
      case 8 -> field() + " !~ /" + pick(REGEXES) + "/ && NF";
      default -> "";
    };
  }

  private String statements() {
    int n = 1 + random.nextInt(2);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append("; ");
      }
      sb.append(statement());
    }
    return sb.toString();
  }

  private String statement() {
    return switch (random.nextInt(16)) {
      case 0, 1 -> "print " + expr(2) + (random.nextBoolean() ? ", " + expr(2) : "");
      case 9 -> "n = split(" + expr(1) + ", parts, \"" + pick(List.of("e", ":", " ", "[0-9]", "")) + "\"); print n, parts[1], parts[n]";
      case 10 -> "if (match(" + field() + ", /" + pick(REGEXES) + "/)) print RSTART, RLENGTH; else print RSTART, RLENGTH, \"no\"";
      case 11 -> "sub(/" + pick(REGEXES) + "/, \"[\\\\&]\", " + field() + "); print";
      case 12 -> "t = \"\"; for (i = NF; i >= 1; i--) t = t \"/\" $i; print t";
      case 13 -> "$0 = " + expr(1) + "; print NF, $1";
      case 14 -> "printf \"%s|%5s|%-4d|%.2f\\n\", " + expr(1) + ", " + expr(1) + ", " + expr(1) + ", " + expr(1);
      case 15 -> "x = " + expr(1) + "; y = x; x++; print x, y \"\", (y < " + expr(1) + ")";
      case 2 -> {
        String fmt = pick(FORMATS);
        yield "printf \"" + fmt + "\\n\", " + expr(2);
      }
      case 3 -> field() + " = " + expr(1) + "; print";
      case 4 -> "s += " + field() + "; print s";
      case 5 -> {
        unordered = true;
        yield "count[" + field() + "]++";
      }
      case 6 -> "n = gsub(/" + pick(REGEXES) + "/, \"<&>\"" + (random.nextBoolean() ? ", " + field() : "") + "); print n, $0";
      case 7 -> "if (" + expr(1) + " > " + expr(1) + ") print \"gt\", NR; else print \"le\", NF";
      default -> "NF = " + random.nextInt(4) + "; print; print NF";
    };
  }

  private String endAction() {
    if (unordered) {
      return "for (k in count) print k, count[k]";
    }
    return "print NR, s + 0, " + expr(1);
  }

  private String field() {
    return random.nextInt(5) == 0 ? "$NF" : "$" + random.nextInt(6);
  }

  private String expr(int depth) {
    int choice = random.nextInt(depth <= 0 ? 4 : 12);
    return switch (choice) {
      case 0 -> field();
      case 1 -> pick(NUMBERS);
      case 2 -> "\"" + pick(WORDS) + "\"";
      case 3 -> random.nextBoolean() ? "NR" : "NF";
      case 4 -> "(" + expr(depth - 1) + " " + pick(List.of("+", "-", "*", "/", "%")) + " "
          + List.of("2", "3", "0.5", "7").get(random.nextInt(4)) + ")";
      case 5 -> expr(depth - 1) + " " + expr(depth - 1);
      case 6 -> "length(" + expr(depth - 1) + ")";
      case 7 -> "substr(" + expr(depth - 1) + ", " + (1 + random.nextInt(3)) + ", " + random.nextInt(4) + ")";
      case 8 -> pick(List.of("toupper", "tolower", "int")) + "(" + expr(depth - 1) + ")";
      case 9 -> "(" + expr(depth - 1) + " " + pick(List.of("<", "<=", "==", "!=", ">=")) + " " + expr(depth - 1) + ")";
      case 10 -> "(" + expr(depth - 1) + " ? " + expr(depth - 1) + " : " + expr(depth - 1) + ")";
      default -> "index(" + expr(depth - 1) + ", \"" + "aeo".charAt(random.nextInt(3)) + "\")";
    };
  }

  private String pick(List<String> list) {
    return list.get(random.nextInt(list.size()));
  }
}
