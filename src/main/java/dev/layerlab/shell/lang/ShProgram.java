package dev.layerlab.shell.lang;

import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.VfsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code sh} and {@code bash} as programs: {@code sh -c 'cmd' [arg0 args...]}, {@code sh script args}, or a script on stdin. */
final class ShProgram {
  private ShProgram() {}

  static int run(ProgramContext ctx) {
    List<String> args = ctx.operands();
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-") && !args.get(i).equals("-c")) {
      i++;
    }
    if (i < args.size() && args.get(i).equals("-c")) {
      if (i + 1 >= args.size()) {
        ctx.error("-c: option requires an argument");
        return 2;
      }
      String source = args.get(i + 1);
      List<String> rest = args.subList(Math.min(i + 2, args.size()), args.size());
      String arg0 = rest.isEmpty() ? ctx.name() : rest.get(0);
      List<String> positional = rest.isEmpty() ? List.of() : rest.subList(1, rest.size());
      return ctx.scripts().run(source, arg0, positional, ctx);
    }
    if (i < args.size()) {
      String file = args.get(i);
      try {
        String source = new String(ctx.vfs().read(ctx.path(file)), StandardCharsets.UTF_8);
        return ctx.scripts().run(source, file, args.subList(i + 1, args.size()), ctx);
      } catch (VfsException e) {
        ctx.err().print(ctx.name() + ": " + file + ": " + e.reason() + "\n");
        return 127;
      }
    }
    try {
      String source = new String(ctx.in().readAllBytes(), StandardCharsets.UTF_8);
      return ctx.scripts().run(source, ctx.name(), List.of(), ctx);
    } catch (IOException e) {
      return 1;
    }
  }
}
