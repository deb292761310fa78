package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code wc [-lwcm] [FILE...]}, with GNU's column widths. */
final class Wc implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "lwcmL", "lines=l", "words=w", "bytes=c", "chars=m");
    if (a == null) {
      return 1;
    }
    boolean l = a.has("l");
    boolean w = a.has("w");
    boolean c = a.has("c");
    boolean m = a.has("m");
    if (!l && !w && !c && !m) {
      l = w = c = true;
    }
    List<String> files = a.operands().isEmpty() ? List.of("-") : a.operands();
    List<long[]> counts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    long[] total = new long[4];
    int status = 0;
    boolean stdinOnly = a.operands().isEmpty();
    for (String f : files) {
      byte[] data = Input.read(ctx, f);
      if (data == null) {
        status = 1;
        continue;
      }
      long[] v = count(data);
      for (int i = 0; i < 4; i++) {
        total[i] += v[i];
      }
      counts.add(v);
      names.add(stdinOnly ? null : f);
    }
    if (files.size() > 1) {
      counts.add(total);
      names.add("total");
    }
    int fields = (l ? 1 : 0) + (w ? 1 : 0) + (c ? 1 : 0) + (m ? 1 : 0);
    long regularTotal = 0;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i) != null && !names.get(i).equals("-") && !(files.size() > 1 && i == names.size() - 1)) {
        regularTotal += counts.get(i)[3];
      }
    }
    boolean anyStdin = files.contains("-");
    int width = (fields == 1 && files.size() == 1) ? 1 : Math.max(Long.toString(regularTotal).length(), anyStdin ? 7 : 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < counts.size(); i++) {
      long[] v = counts.get(i);
      List<String> cols = new ArrayList<>();
      if (l) {
        cols.add(pad(v[0], width));
      }
      if (w) {
        cols.add(pad(v[1], width));
      }
      if (m) {
        cols.add(pad(v[2], width));
      }
      if (c) {
        cols.add(pad(v[3], width));
      }
      out.append(String.join(" ", cols));
      if (names.get(i) != null) {
        out.append(' ').append(names.get(i));
      }
      out.append('\n');
    }
    ctx.out().print(out);
    return status;
  }

  private static String pad(long v, int width) {
    return String.format("%" + width + "d", v);
  }

  /** lines, words, characters, bytes. */
  private static long[] count(byte[] data) {
    long lines = 0;
    long words = 0;
    boolean inWord = false;
    for (byte b : data) {
      if (b == '\n') {
        lines++;
      }
      boolean space = b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == 0x0b || b == 0x0c;
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    long chars = new String(data, StandardCharsets.UTF_8).codePointCount(0, new String(data, StandardCharsets.UTF_8).length());
    return new long[] {lines, words, chars, data.length};
  }
}
