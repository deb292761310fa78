package dev.layerlab.ui;

import dev.layerlab.shell.Shell;
import java.io.IOException;
import java.util.function.Supplier;
import org.jline.terminal.Terminal;

/**
 * The parts the {@code layerlab} command is assembled from. The program uses {@link #standard};
 * tests swap the terminal for one over byte streams, or the shell for a scripted one.
 */
record Wiring(
    Supplier<Shell> shell, Supplier<MetaCommands> metaCommands, TerminalOpener terminal, boolean history) {

  /** Opens the terminal the REPL runs on; called only when there is a REPL. */
  @FunctionalInterface
  interface TerminalOpener {
    Terminal open() throws IOException;
  }

  static Wiring standard() {
    return new Wiring(Shells::host, MetaCommands::standard, Terminals::system, true);
  }

  /** The same parts, keeping the REPL's history in memory instead of the history file. */
  Wiring withoutHistory() {
    return new Wiring(shell, metaCommands, terminal, false);
  }
}
