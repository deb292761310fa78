package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code cat [-n] [FILE...]}: {@code -} or no operand reads standard input; each file is written as it is read. */
final class Cat implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "nAEvtu", "number=n");
    if (a == null) {
      return 1;
    }
    List<String> files = a.operands().isEmpty() ? List.of("-") : a.operands();
    int status = 0;
    int[] line = {1};
    boolean[] atLineStart = {true};
    for (String f : files) {
      byte[] data = Input.read(ctx, f);
      if (data == null) {
        status = 1;
        continue;
      }
      if (a.has("n")) {
        data = number(data, line, atLineStart);
      }
      ctx.out().write(data, 0, data.length);
      ctx.out().flush();
    }
    return status;
  }

  /** GNU numbers lines across all files, as one stream. */
  private static byte[] number(byte[] data, int[] line, boolean[] atLineStart) {
    String text = new String(data, StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (atLineStart[0]) {
        sb.append(String.format("%6d\t", line[0]++));
        atLineStart[0] = false;
      }
      char c = text.charAt(i);
      sb.append(c);
      if (c == '\n') {
        atLineStart[0] = true;
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
