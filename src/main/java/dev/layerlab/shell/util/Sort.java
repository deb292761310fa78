package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code sort [-rnuf] [-k N] [-t SEP] [FILE...]} in the C locale (byte order). */
final class Sort implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "rnufk:t:", "reverse=r", "numeric-sort=n", "unique=u", "ignore-case=f",
        "key=k", "field-separator=t");
    if (a == null) {
      return 2;
    }
    List<String> lines = new ArrayList<>();
    List<String> files = a.operands().isEmpty() ? List.of("-") : a.operands();
    for (String f : files) {
      byte[] data = Input.read(ctx, f);
      if (data == null) {
        return 2;
      }
      lines.addAll(Lines.of(data));
    }
    String sep = a.value("t");
    int key = a.has("k") ? Integer.parseInt(a.value("k").replaceAll("[^0-9].*", "")) : 0;
    Comparator<String> keyOrder = Comparator.comparing((String l) -> key(l, key, sep), comparator(a));
    Comparator<String> order = a.has("u") ? keyOrder : keyOrder.thenComparing(Comparator.naturalOrder());
    if (a.has("r")) {
      order = order.reversed();
    }
    lines.sort(order);
    StringBuilder out = new StringBuilder();
    String previous = null;
    for (String l : lines) {
      if (a.has("u") && previous != null && keyOrder.compare(previous, l) == 0) {
        continue;
      }
      out.append(l).append('\n');
      previous = l;
    }
    Text.print(ctx.out(), out.toString());
    return 0;
  }

  private static Comparator<String> comparator(Args a) {
    if (a.has("n")) {
      return Comparator.comparingDouble(Sort::number);
    }
    return a.has("f") ? String.CASE_INSENSITIVE_ORDER : Comparator.naturalOrder();
  }

  private static String key(String line, int field, String sep) {
    if (field <= 0) {
      return line;
    }
    String[] parts = sep == null ? line.trim().split("\\s+") : line.split(java.util.regex.Pattern.quote(sep), -1);
    return field <= parts.length ? parts[field - 1] : "";
  }

  private static double number(String s) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*(-?[0-9]*\\.?[0-9]+)").matcher(s);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
