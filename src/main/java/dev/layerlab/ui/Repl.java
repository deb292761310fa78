package dev.layerlab.ui;

import java.io.PrintStream;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * The interactive loop on a JLine terminal: prompt, line editing, history, completion. The same
 * code runs on the learner's terminal and, in tests, on a dumb terminal over byte streams.
 */
final class Repl {

  private final Terminal terminal;
  private final LineRunner runner;
  private final boolean colour;
  private final Path history;
  private java.util.function.Supplier<String> statusLine = () -> "";

  /**
   * @param colour whether colour is allowed at all (false for --no-color or NO_COLOR); the terminal
   *     must also support it
   * @param history the history file, or null to keep history in memory only
   */
  Repl(Terminal terminal, LineRunner runner, boolean colour, Path history) {
    this.terminal = terminal;
    this.runner = runner;
    this.colour = colour && supportsColour(terminal);
    this.history = history;
  }

  static boolean supportsColour(Terminal terminal) {
    Integer colours = terminal.getNumericCapability(Capability.max_colors);
    // "dumb-color" is what JLine makes of TERM=dumb inside some editors: TERM=dumb still means plain.
    return !terminal.getType().startsWith(Terminal.TYPE_DUMB) && colours != null && colours >= 8;
  }

  /** What the bottom line of the screen shows while a lesson runs (lesson, step, keys); "" for nothing. */
  Repl statusLine(java.util.function.Supplier<String> text) {
    this.statusLine = text;
    return this;
  }

  /** Reads and runs lines until Ctrl-D, {@code exit} or {@code :quit}; returns the last status. */
  int run() {
    LineReader reader = buildReader();
    PrintStream out = new PrintStream(terminal.output(), true, terminal.encoding());
    org.jline.utils.Status status = org.jline.utils.Status.getStatus(terminal, true);
    boolean dumb = terminal.getType().startsWith(Terminal.TYPE_DUMB);
    if (!dumb) {
      dev.layerlab.shell.Editor.CURRENT.set(new TerminalEditor(terminal)); // nano FILE edits here
    }
    while (!runner.finished()) {
      showStatus(status);
      String line;
      try {
        line = readLogicalLine(reader);
      } catch (UserInterruptException e) {
        continue; // Ctrl-C at the prompt: drop what was typed, fresh prompt
      } catch (EndOfFileException e) {
        out.println("exit"); // bash says so when Ctrl-D leaves it
        break;
      }
      int width = terminal.getWidth() > 0 ? terminal.getWidth() : 80;
      String accepted = line;
      new ForegroundJob(terminal, out).run(io -> runner.run(accepted, io), colour, width);
    }
    if (status != null) {
      status.update(java.util.List.of()); // leave the terminal as it was found
    }
    dev.layerlab.shell.Editor.CURRENT.set(null);
    out.flush();
    return runner.status();
  }

  /** A line plus its continuation lines while the shell reports it incomplete. */
  private String readLogicalLine(LineReader reader) {
    String line = reader.readLine(PromptStyle.render(runner.shell().prompt(), colour));
    if (MetaCommands.isMeta(line)) {
      return line;
    }
    for (String more; (more = runner.shell().continuationPrompt(line)) != null; ) {
      try {
        line = line + "\n" + reader.readLine(more);
      } catch (EndOfFileException e) {
        return line; // the shell reports the unexpected end of file itself
      }
    }
    return line;
  }

  private LineReader buildReader() {
    DefaultParser parser = new DefaultParser();
    parser.setEofOnUnclosedQuote(false);
    parser.setEofOnEscapedNewLine(false);
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("layerlab")
        .parser(parser)
        .completer(new ShellCompleter(runner::shell, runner.commands()))
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // `echo hi!` must reach the shell as typed
        .option(LineReader.Option.INSERT_TAB, false)
        .variable(LineReader.HISTORY_SIZE, 1000)
        .variable(LineReader.HISTORY_FILE_SIZE, 10000);
    if (history != null) {
      builder.variable(LineReader.HISTORY_FILE, history);
    }
    return builder.build();
  }

  /** The lesson's status line at the bottom of a real terminal; nothing on a dumb one. */
  private void showStatus(org.jline.utils.Status status) {
    if (status == null) {
      return;
    }
    String text = statusLine.get();
    status.update(text.isEmpty() ? java.util.List.of()
        : java.util.List.of(new org.jline.utils.AttributedString(text,
            colour ? org.jline.utils.AttributedStyle.INVERSE : org.jline.utils.AttributedStyle.DEFAULT)));
  }
}
