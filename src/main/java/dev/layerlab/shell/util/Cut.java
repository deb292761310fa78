package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import java.util.ArrayList;
import java.util.List;

/** {@code cut -c LIST | -f LIST [-d DELIM] [FILE...]}. */
final class Cut implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "c:b:f:d:s", "characters=c", "bytes=b", "fields=f", "delimiter=d");
    if (a == null) {
      return 1;
    }
    String list = a.value("c") != null ? a.value("c") : a.value("b") != null ? a.value("b") : a.value("f");
    if (list == null) {
      ctx.error("you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.");
      return 1;
    }
    boolean fields = a.has("f");
    String delim = a.value("d") == null ? "\t" : a.value("d");
    List<int[]> ranges = new ArrayList<>();
    for (String part : list.split(",")) {
      String[] se = part.split("-", -1);
      int from = se[0].isEmpty() ? 1 : Integer.parseInt(se[0]);
      int to = se.length == 1 ? from : se[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(se[1]);
      ranges.add(new int[] {from, to});
    }
    StringBuilder out = new StringBuilder();
    int status = 0;
    for (String f : a.operands().isEmpty() ? List.of("-") : a.operands()) {
      byte[] data = Input.read(ctx, f);
      if (data == null) {
        status = 1;
        continue;
      }
      for (String line : Lines.of(data)) {
        if (fields) {
          if (!line.contains(delim)) {
            if (!a.has("s")) {
              out.append(line).append('\n');
            }
            continue;
          }
          String[] parts = line.split(java.util.regex.Pattern.quote(delim), -1);
          List<String> picked = new ArrayList<>();
          for (int i = 1; i <= parts.length; i++) {
            if (in(ranges, i)) {
              picked.add(parts[i - 1]);
            }
          }
          out.append(String.join(delim, picked)).append('\n');
        } else {
          StringBuilder sb = new StringBuilder();
          for (int i = 1; i <= line.length(); i++) {
            if (in(ranges, i)) {
              sb.append(line.charAt(i - 1));
            }
          }
          out.append(sb).append('\n');
        }
      }
    }
    Text.print(ctx.out(), out.toString());
    return status;
  }

  private static boolean in(List<int[]> ranges, int i) {
    for (int[] r : ranges) {
      if (i >= r[0] && i <= r[1]) {
        return true;
      }
    }
    return false;
  }
}
