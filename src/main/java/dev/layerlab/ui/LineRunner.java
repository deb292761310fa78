package dev.layerlab.ui;

import dev.layerlab.shell.Shell;
import dev.layerlab.shell.ShellIo;

/**
 * Runs one complete input line, the same way for the REPL and for scripts: {@code :meta} lines go to
 * the registry, everything else to the shell. Keeps {@code $?} and whether the session is over.
 */
final class LineRunner {

  /** EX_SOFTWARE from sysexits.h: the status of a line that failed through a bug of ours. */
  static final int INTERNAL_ERROR = 70;

  private final Shell shell;
  private final MetaCommands commands;
  private final Messages messages;
  private int status;
  private boolean quit;

  LineRunner(Shell shell, MetaCommands commands, Messages messages) {
    this.shell = shell;
    this.commands = commands;
    this.messages = messages;
  }

  /** Runs {@code line} and returns its exit status. */
  int run(String line, ShellIo io) {
    try {
      if (MetaCommands.isMeta(line)) {
        status = runMeta(line.strip(), io);
      } else {
        status = shell.run(line, io);
        quit = shell.exitRequested();
      }
    } catch (RuntimeException e) {
      // A bug below must not end the learner's session: say so and take the next line.
      io.out().flush();
      io.err().println(messages.get("internal.error", String.valueOf(e)));
      status = INTERNAL_ERROR;
    }
    io.out().flush();
    io.err().flush();
    return status;
  }

  private int runMeta(String line, ShellIo io) {
    int space = indexOfWhitespace(line);
    String name = space < 0 ? line : line.substring(0, space);
    String args = space < 0 ? "" : line.substring(space).strip();
    MetaCommand command = commands.find(name);
    if (command == null) {
      io.err().println(messages.get("meta.unknown", name));
      return 1;
    }
    MetaContext context = new MetaContext(io, messages, shell, commands, status);
    int result = command.run(args, context);
    quit |= context.quitRequested();
    return result;
  }

  static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /** The status of the last line, {@code $?}. */
  int status() {
    return status;
  }

  /** True once {@code exit} or {@code :quit} ended the session. */
  boolean finished() {
    return quit;
  }

  Shell shell() {
    return shell;
  }

  MetaCommands commands() {
    return commands;
  }

  Messages messages() {
    return messages;
  }
}
