package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import java.util.List;

/** {@code uniq [-c] [-d] [-u] [INPUT]}. */
final class Uniq implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "cdui", "count=c", "repeated=d", "unique=u", "ignore-case=i");
    if (a == null) {
      return 1;
    }
    byte[] data = Input.read(ctx, a.operands().isEmpty() ? "-" : a.operands().get(0));
    if (data == null) {
      return 1;
    }
    List<String> lines = Lines.of(data);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < lines.size()) {
      int j = i + 1;
      while (j < lines.size() && same(lines.get(i), lines.get(j), a.has("i"))) {
        j++;
      }
      int n = j - i;
      boolean show = (!a.has("d") || n > 1) && (!a.has("u") || n == 1);
      if (show) {
        out.append(a.has("c") ? String.format("%7d ", n) : "").append(lines.get(i)).append('\n');
      }
      i = j;
    }
    Text.print(ctx.out(), out.toString());
    return 0;
  }

  private static boolean same(String x, String y, boolean ignoreCase) {
    return ignoreCase ? x.equalsIgnoreCase(y) : x.equals(y);
  }
}
