package dev.layerlab.ui;

import dev.layerlab.shell.Shell;
import dev.layerlab.shell.ShellIo;

/** What a {@link MetaCommand} may use: the streams, the learner's language, the shell, the registry. */
public final class MetaContext {

  private final ShellIo io;
  private final Messages messages;
  private final Shell shell;
  private final MetaCommands commands;
  private final int lastStatus;
  private boolean quitRequested;

  MetaContext(ShellIo io, Messages messages, Shell shell, MetaCommands commands, int lastStatus) {
    this.io = io;
    this.messages = messages;
    this.shell = shell;
    this.commands = commands;
    this.lastStatus = lastStatus;
  }

  public ShellIo io() {
    return io;
  }

  public Messages messages() {
    return messages;
  }

  /** The shell of the machine the learner is on right now. */
  public Shell shell() {
    return shell;
  }

  public MetaCommands commands() {
    return commands;
  }

  /** The exit status of the last command, the shell's {@code $?}. */
  public int lastStatus() {
    return lastStatus;
  }

  /** Ends the REPL after this command, with the status of the last shell command. */
  public void requestQuit() {
    quitRequested = true;
  }

  boolean quitRequested() {
    return quitRequested;
  }
}
