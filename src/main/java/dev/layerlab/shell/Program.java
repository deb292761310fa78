package dev.layerlab.shell;

/** A runnable program: a built-in utility such as {@code ls}, or {@code docker}. */
@FunctionalInterface
public interface Program {

  /** Runs with {@code context.args()} (the program name first) and returns the exit status. */
  int run(ProgramContext context);
}
