package dev.layerlab.shell.util;

import dev.layerlab.shell.ProgramContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** GNU sed's {@code e} command: a shell command run by the machine's own shell. */
final class SedExec {
  private SedExec() {}

  /**
   * With a command, runs it and writes what it prints before the pattern space, which stays;
   * without one, runs the pattern space and returns its output (less a final newline) as the new
   * pattern space.
   */
  static String run(ProgramContext ctx, String command, String patternSpace, SedOutput out) {
    String source = command.isEmpty() ? patternSpace : command;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(captured, true, StandardCharsets.UTF_8);
    ProgramContext child = new ProgramContext(List.of("sh"), ctx.machine(), ctx.cwd(), ctx.env(),
        new ByteArrayInputStream(new byte[0]), stream, ctx.err(), false, false, ctx.width(), ctx.scripts());
    byte[] script = source.getBytes(StandardCharsets.ISO_8859_1);
    ctx.scripts().run(new String(script, StandardCharsets.UTF_8), "sh", List.of(), child);
    String result = new String(captured.toByteArray(), StandardCharsets.ISO_8859_1);
    if (!command.isEmpty()) {
      out.write(result);
      return patternSpace;
    }
    return result.endsWith("\n") ? result.substring(0, result.length() - 1) : result;
  }
}
