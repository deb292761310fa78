package dev.layerlab.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Opens the learner's terminal; only the interactive path ever loads JLine's terminal code. */
final class Terminals {

  // Held for the life of the process: java.util.logging forgets the level of a collected logger.
  private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

  private Terminals() {}

  /** The system terminal, UTF-8, with Ctrl-C ignored while a command runs (the reader handles it while editing). */
  static Terminal system() throws IOException {
    JLINE_LOG.setLevel(Level.OFF); // JLine reports recoverable trouble on stderr through JUL
    return TerminalBuilder.builder()
        .name("layerlab")
        .system(true)
        .encoding(StandardCharsets.UTF_8)
        .nativeSignals(true)
        .signalHandler(Terminal.SignalHandler.SIG_IGN)
        .build();
  }
}
