package dev.layerlab.ui;

import java.util.List;

/** A readable line diff for failed transcript comparisons (longest common subsequence). */
final class Diff {

  private Diff() {}

  /** Lines of {@code a} and {@code b}, prefixed {@code "  "} when shared, {@code "- "} or {@code "+ "} when not. */
  static String lines(String a, String b) {
    List<String> x = List.of(a.split("\n", -1));
    List<String> y = List.of(b.split("\n", -1));
    int[][] lcs = new int[x.size() + 1][y.size() + 1];
    for (int i = x.size() - 1; i >= 0; i--) {
      for (int j = y.size() - 1; j >= 0; j--) {
        lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    int j = 0;
    while (i < x.size() || j < y.size()) {
      if (i < x.size() && j < y.size() && x.get(i).equals(y.get(j))) {
        out.append("  ").append(x.get(i++)).append('\n');
        j++;
      } else if (j < y.size() && (i == x.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        out.append("+ ").append(y.get(j++)).append('\n');
      } else {
        out.append("- ").append(x.get(i++)).append('\n');
      }
    }
    return out.toString();
  }
}
