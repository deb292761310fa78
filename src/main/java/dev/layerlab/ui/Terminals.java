package dev.layerlab.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp;

/** Opens the learner's terminal; only the interactive path ever loads JLine's terminal code. */
final class Terminals {

  // Held for the life of the process: java.util.logging forgets the level of a collected logger.
  private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

  private Terminals() {}

  /**
   * The system terminal, UTF-8, with Ctrl-C ignored unless someone handles it: the line reader
   * while editing, {@link ForegroundJob} while a command runs. JLine would start two processes to
   * open it, {@code test -t 1} to probe its stty-based provider and {@code infocmp} for the
   * terminal's capabilities, each costing tens of milliseconds: the native provider goes first,
   * and the capabilities JLine ships for common terminals (xterm, screen, rxvt) are used as they are.
   */
  static Terminal system() throws IOException {
    JLINE_LOG.setLevel(Level.OFF); // JLine reports recoverable trouble on stderr through JUL
    String type = System.getenv("TERM");
    if (type != null && InfoCmp.getLoadedInfoCmp(type) == null) {
      String shipped = InfoCmp.getDefaultInfoCmp(type);
      if (shipped != null) {
        InfoCmp.setLoadedInfoCmp(type, shipped);
      }
    }
    Terminal terminal = builder().exec(false).build();
    if (Terminal.TYPE_DUMB.equals(terminal.getType()) && type != null && !type.startsWith(Terminal.TYPE_DUMB)) {
      // The native library could not load (a noexec /tmp, say): stty in child processes will do.
      terminal.close();
      terminal = builder().build();
    }
    return terminal;
  }

  private static TerminalBuilder builder() {
    return TerminalBuilder.builder()
        .name("layerlab")
        .system(true)
        .encoding(StandardCharsets.UTF_8)
        .nativeSignals(true)
        .signalHandler(Terminal.SignalHandler.SIG_IGN);
  }
}
