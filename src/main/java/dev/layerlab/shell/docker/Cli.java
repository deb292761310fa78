package dev.layerlab.shell.docker;

import dev.layerlab.engine.Engine;
import dev.layerlab.shell.ProgramContext;
import java.io.PrintStream;

/** What one run of a docker subcommand works with: the daemon, the caller's context, the session control. */
record Cli(Engine engine, ProgramContext ctx, Sessions sessions) {

  PrintStream out() {
    return ctx.out();
  }

  PrintStream err() {
    return ctx.err();
  }

  /** Whether output goes to a real terminal: progress bars are drawn only then. */
  boolean terminal() {
    return ctx.tty() && sessions.interactive();
  }

  /** Prints a line on stdout with a bare {@code \n}. */
  void println(String s) {
    ctx.out().print(s + "\n");
  }

  void errln(String s) {
    ctx.err().print(s + "\n");
  }
}
