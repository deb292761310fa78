package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code cat [-n] [FILE...]}: {@code -} or no operand reads standard input. */
final class Cat implements Program {
  @Override
  public int run(ProgramContext ctx) {
    Args a = Args.parseOrReport(ctx, "nAEvtu", "number=n");
    if (a == null) {
      return 1;
    }
    List<String> files = a.operands().isEmpty() ? List.of("-") : a.operands();
    int status = 0;
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (String f : files) {
      byte[] data = Input.read(ctx, f);
      if (data == null) {
        status = 1;
        continue;
      }
      all.writeBytes(data);
    }
    byte[] bytes = all.toByteArray();
    if (a.has("n")) {
      String text = new String(bytes, StandardCharsets.UTF_8);
      StringBuilder sb = new StringBuilder();
      int n = 1;
      int start = 0;
      while (start < text.length()) {
        int nl = text.indexOf('\n', start);
        int end = nl < 0 ? text.length() : nl + 1;
        sb.append(String.format("%6d\t", n++)).append(text, start, end);
        start = end;
      }
      bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    }
    ctx.out().write(bytes, 0, bytes.length);
    return status;
  }
}
