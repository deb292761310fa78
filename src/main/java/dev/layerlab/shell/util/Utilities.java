package dev.layerlab.shell.util;

import dev.layerlab.shell.Programs;

/** Registers every built-in utility under the names it answers to. */
public final class Utilities {
  private Utilities() {}

  public static void registerAll(Programs programs) {
    programs.register("echo", new Echo());
    programs.register("printf", new Printf());
    TestCommand test = new TestCommand();
    programs.register("test", test);
    programs.register("[", test);
    programs.register("true", Simple::trueProgram);
    programs.register("false", Simple::falseProgram);
    programs.register("pwd", Simple::pwd);
    programs.register("clear", Simple::clear);
    programs.register("sleep", Simple::sleep);
  }
}
