package dev.layerlab.shell.docker;

/** One docker subcommand: its command line and what it does. */
interface Subcommand {
  Spec spec();

  /** Runs with parsed flags; returns the exit status or throws {@link CliError}. */
  int run(Cli cli, Flags flags);
}
