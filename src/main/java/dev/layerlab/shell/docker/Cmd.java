package dev.layerlab.shell.docker;

import java.util.function.ToIntBiFunction;

/** A subcommand made of its spec and a function. */
record Cmd(Spec spec, ToIntBiFunction<Cli, Flags> body) implements Subcommand {
  @Override
  public int run(Cli cli, Flags flags) {
    return body.applyAsInt(cli, flags);
  }
}
