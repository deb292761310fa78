package dev.layerlab.shell.util;

import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import java.util.List;

/** {@code echo [-neE] [string...]}, as bash's builtin and coreutils print it. */
final class Echo implements Program {
  @Override
  public int run(ProgramContext ctx) {
    List<String> args = ctx.operands();
    boolean newline = true;
    boolean escapes = false;
    int i = 0;
    while (i < args.size() && args.get(i).matches("-[neE]+")) {
      for (char c : args.get(i).substring(1).toCharArray()) {
        if (c == 'n') {
          newline = false;
        } else {
          escapes = c == 'e';
        }
      }
      i++;
    }
    StringBuilder out = new StringBuilder();
    boolean[] stop = {false};
    for (int k = i; k < args.size() && !stop[0]; k++) {
      if (k > i) {
        out.append(' ');
      }
      out.append(escapes ? Escapes.expand(args.get(k), true, stop) : args.get(k));
    }
    if (newline && !stop[0]) {
      out.append('\n');
    }
    Text.print(ctx.out(), out.toString());
    return 0;
  }
}
