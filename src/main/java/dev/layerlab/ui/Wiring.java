package dev.layerlab.ui;

import dev.layerlab.shell.Shell;
import java.io.IOException;
import org.jline.terminal.Terminal;

/**
 * The parts the {@code layerlab} command is assembled from. The program uses this class as is;
 * tests override a method to run on a terminal over byte streams or with a scripted shell.
 * Plain methods rather than lambdas: linking the first lambda costs milliseconds at startup.
 */
class Wiring {

  /** The shell of the simulated host. */
  Shell shell() {
    return Shells.host();
  }

  /** The {@code :meta} commands. */
  MetaCommands metaCommands() {
    return MetaCommands.standard();
  }

  /** The terminal the REPL runs on; opened only when there is a REPL. */
  Terminal terminal() throws IOException {
    return Terminals.system();
  }

  /** Whether the REPL keeps its history in the history file (else in memory only). */
  boolean history() {
    return true;
  }
}
