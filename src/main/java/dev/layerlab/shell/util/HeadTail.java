package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** {@code head} and {@code tail} with {@code -n N} / {@code -N} / {@code -c N} and file headers. */
final class HeadTail implements Program {
  private final boolean head;

  HeadTail(boolean head) {
    this.head = head;
  }

  @Override
  public int run(ProgramContext ctx) {
    List<String> raw = new java.util.ArrayList<>();
    String previous = "";
    for (String s : ctx.operands()) {
      boolean takesValue = previous.equals("-n") || previous.equals("-c");
      raw.add(!takesValue && s.matches("-[0-9]+") ? "-n" + s.substring(1) : s);
      previous = s;
    }
    Args a;
    try {
      a = Args.parse(raw, "n:c:qvf", "lines=n", "bytes=c", "quiet=q", "verbose=v", "follow=f");
    } catch (Args.UsageError e) {
      ctx.error(e.getMessage());
      ctx.err().print("Try '" + ctx.name() + " --help' for more information.\n");
      return 1;
    }
    String n = a.value("n");
    String c = a.value("c");
    long count;
    boolean fromStart = false;
    String spec = c != null ? c : n != null ? n : "10";
    if (!head && spec.startsWith("+")) {
      fromStart = true;
      spec = spec.substring(1);
    }
    try {
      count = Long.parseLong(spec.startsWith("-") ? spec.substring(1) : spec);
    } catch (NumberFormatException e) {
      ctx.error("invalid number of " + (c != null ? "bytes" : "lines") + ": " + Input.quote(spec));
      return 1;
    }
    boolean allBut = head && spec.startsWith("-");
    List<String> files = a.operands().isEmpty() ? List.of("-") : a.operands();
    boolean headers = (files.size() > 1 && !a.has("q")) || a.has("v");
    int status = 0;
    boolean first = true;
    for (String f : files) {
      byte[] data = Input.read(ctx, f);
      if (data == null) {
        ctx.err().flush();
        status = 1;
        continue;
      }
      if (headers) {
        ctx.out().print((first ? "" : "\n") + "==> " + (f.equals("-") ? "standard input" : f) + " <==\n");
      }
      first = false;
      byte[] part = c != null ? bytes(data, count, allBut, fromStart) : lines(data, count, allBut, fromStart);
      ctx.out().write(part, 0, part.length);
    }
    return status;
  }

  private byte[] bytes(byte[] data, long count, boolean allBut, boolean fromStart) {
    int len = data.length;
    int from;
    int to;
    if (head) {
      from = 0;
      to = (int) (allBut ? Math.max(0, len - count) : Math.min(len, count));
    } else if (fromStart) {
      from = (int) Math.min(len, Math.max(0, count - 1));
      to = len;
    } else {
      from = (int) Math.max(0, len - count);
      to = len;
    }
    return java.util.Arrays.copyOfRange(data, from, to);
  }

  private byte[] lines(byte[] data, long count, boolean allBut, boolean fromStart) {
    int[] starts = lineStarts(data);
    int total = starts.length - 1;
    int fromLine;
    int toLine;
    if (head) {
      fromLine = 0;
      toLine = (int) (allBut ? Math.max(0, total - count) : Math.min(total, count));
    } else if (fromStart) {
      fromLine = (int) Math.min(total, Math.max(0, count - 1));
      toLine = total;
    } else {
      fromLine = (int) Math.max(0, total - count);
      toLine = total;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(data, starts[fromLine], starts[toLine] - starts[fromLine]);
    return out.toByteArray();
  }

  /** Offsets where each line starts, plus the end offset. */
  private static int[] lineStarts(byte[] data) {
    java.util.ArrayList<Integer> starts = new java.util.ArrayList<>();
    starts.add(0);
    for (int i = 0; i < data.length; i++) {
      if (data[i] == '\n' && i + 1 <= data.length) {
        starts.add(i + 1);
      }
    }
    if (starts.get(starts.size() - 1) != data.length) {
      starts.add(data.length);
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
