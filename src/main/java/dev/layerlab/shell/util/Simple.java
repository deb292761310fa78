package dev.layerlab.shell.util;

import dev.layerlab.shell.ProgramContext;

/** Utilities too small for a class of their own: true, false, pwd, clear, sleep. */
final class Simple {
  private Simple() {}

  static int trueProgram(ProgramContext ctx) {
    return 0;
  }

  static int falseProgram(ProgramContext ctx) {
    return 1;
  }

  /** {@code pwd [-L|-P]}: the logical directory, or with -P the one with every symlink resolved. */
  static int pwd(ProgramContext ctx) {
    boolean physical = false;
    for (String a : ctx.operands()) {
      if (a.equals("-P")) {
        physical = true;
      } else if (a.equals("-L")) {
        physical = false;
      } else {
        ctx.err().print("bash: pwd: " + a + ": invalid option\npwd: usage: pwd [-LP]\n");
        return 2;
      }
    }
    ctx.out().print((physical ? Names.canonical(ctx, ctx.cwd(), true) : ctx.cwd()) + "\n");
    return 0;
  }

  static int clear(ProgramContext ctx) {
    if (ctx.tty()) {
      ctx.out().print("\033[H\033[2J\033[3J");
    }
    return 0;
  }

  /** Sleeps for real only briefly: the simulation has nothing to wait for. */
  static int sleep(ProgramContext ctx) {
    if (ctx.operands().isEmpty()) {
      ctx.error("missing operand\nTry 'sleep --help' for more information.");
      return 1;
    }
    for (String a : ctx.operands()) {
      if (!a.matches("[0-9]*\\.?[0-9]+[smhd]?")) {
        ctx.error("invalid time interval '" + a + "'\nTry 'sleep --help' for more information.");
        return 1;
      }
    }
    return 0;
  }
}
