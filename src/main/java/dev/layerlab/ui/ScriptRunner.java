package dev.layerlab.ui;

import dev.layerlab.shell.ShellIo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Runs lines that come from {@code -c}, a script file or a pipe: no prompt, no terminal, no colour.
 * Lines the shell calls incomplete are joined with the next ones, as {@code bash script} does.
 */
final class ScriptRunner {

  private final LineRunner runner;
  private final ShellIo io;

  ScriptRunner(LineRunner runner, ShellIo io) {
    this.runner = runner;
    this.io = io;
  }

  /** Runs every line {@code reader} yields until the end or {@code exit}; returns the last status. */
  int run(BufferedReader reader) {
    try {
      String pending = null;
      for (String line; !runner.finished() && (line = reader.readLine()) != null; ) {
        pending = pending == null ? line : pending + "\n" + line;
        if (runner.shell().continuationPrompt(pending) == null) {
          runner.run(pending, io);
          pending = null;
        }
      }
      if (pending != null && !runner.finished()) {
        runner.run(pending, io); // the shell reports the unexpected end of file in its own words
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return runner.status();
  }

  /** Runs one {@code -c} argument, which may hold several lines. */
  int runText(String text) {
    return run(new BufferedReader(new java.io.StringReader(text)));
  }
}
