package dev.layerlab.shell;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A full-screen text editor the terminal can lend the shell ({@code nano FILE}). The shell knows
 * nothing about terminals: the REPL installs one while a real terminal is attached.
 */
@FunctionalInterface
public interface Editor {

  /** Edits {@code content} shown under {@code name}; returns what was saved, or null if nothing was. */
  byte[] edit(String name, byte[] content);

  /** The editor of the terminal the learner is at, if any. */
  AtomicReference<Editor> CURRENT = new AtomicReference<>();
}
