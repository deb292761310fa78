package dev.layerlab.shell.util;

import java.util.ArrayList;
import java.util.List;

/** The edit script between two lists of lines (longest common subsequence), printed as diff prints it. */
final class LineDiff {
  /** A run of changes: lines [a0, a1) of the left replaced by [b0, b1) of the right. */
  record Hunk(int a0, int a1, int b0, int b1) {}

  private LineDiff() {}

  static List<Hunk> hunks(List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Hunk> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        i++;
        j++;
        continue;
      }
      int i0 = i;
      int j0 = j;
      while ((i < n || j < m) && !(i < n && j < m && a.get(i).equals(b.get(j)))) {
        if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) {
          i++;
        } else {
          j++;
        }
      }
      out.add(new Hunk(i0, i, j0, j));
    }
    return out;
  }

  /** The classic {@code 2c2}, {@code 3a4}, {@code 1d0} format. */
  static String normal(List<String> a, List<String> b, boolean aEndsNl, boolean bEndsNl) {
    StringBuilder out = new StringBuilder();
    for (Hunk h : hunks(a, b)) {
      String left = range(h.a0() + 1, h.a1());
      String right = range(h.b0() + 1, h.b1());
      if (h.a0() == h.a1()) {
        out.append(h.a0()).append('a').append(right).append('\n');
      } else if (h.b0() == h.b1()) {
        out.append(left).append('d').append(h.b0()).append('\n');
      } else {
        out.append(left).append('c').append(right).append('\n');
      }
      for (int i = h.a0(); i < h.a1(); i++) {
        out.append("< ").append(a.get(i)).append('\n');
        noNewline(out, i == a.size() - 1 && !aEndsNl);
      }
      if (h.a0() != h.a1() && h.b0() != h.b1()) {
        out.append("---\n");
      }
      for (int j = h.b0(); j < h.b1(); j++) {
        out.append("> ").append(b.get(j)).append('\n');
        noNewline(out, j == b.size() - 1 && !bEndsNl);
      }
    }
    return out.toString();
  }

  private static void noNewline(StringBuilder out, boolean missing) {
    if (missing) {
      out.append("\\ No newline at end of file\n");
    }
  }

  private static String range(int from, int to) {
    return from >= to ? Integer.toString(Math.max(from, to)) : from + "," + to;
  }

  /** The unified format's hunks, three lines of context. */
  static String unified(List<String> a, List<String> b, boolean aEndsNl, boolean bEndsNl) {
    List<Hunk> hunks = hunks(a, b);
    StringBuilder out = new StringBuilder();
    int k = 0;
    while (k < hunks.size()) {
      int start = k;
      while (k + 1 < hunks.size() && hunks.get(k + 1).a0() - hunks.get(k).a1() <= 6) {
        k++;
      }
      Hunk first = hunks.get(start);
      Hunk last = hunks.get(k);
      int a0 = Math.max(0, first.a0() - 3);
      int a1 = Math.min(a.size(), last.a1() + 3);
      int b0 = Math.max(0, first.b0() - 3);
      int b1 = Math.min(b.size(), last.b1() + 3);
      out.append("@@ -").append(urange(a0, a1)).append(" +").append(urange(b0, b1)).append(" @@\n");
      int i = a0;
      for (int h = start; h <= k; h++) {
        Hunk hk = hunks.get(h);
        for (; i < hk.a0(); i++) {
          out.append(' ').append(a.get(i)).append('\n');
          noNewline(out, i == a.size() - 1 && !aEndsNl);
        }
        for (int x = hk.a0(); x < hk.a1(); x++) {
          out.append('-').append(a.get(x)).append('\n');
          noNewline(out, x == a.size() - 1 && !aEndsNl);
        }
        for (int y = hk.b0(); y < hk.b1(); y++) {
          out.append('+').append(b.get(y)).append('\n');
          noNewline(out, y == b.size() - 1 && !bEndsNl);
        }
        i = hk.a1();
      }
      for (; i < a1; i++) {
        out.append(' ').append(a.get(i)).append('\n');
        noNewline(out, i == a.size() - 1 && !aEndsNl);
      }
      k++;
    }
    return out.toString();
  }

  private static String urange(int from, int to) {
    int len = to - from;
    if (len == 1) {
      return Integer.toString(from + 1);
    }
    return (len == 0 ? from : from + 1) + "," + len;
  }
}
