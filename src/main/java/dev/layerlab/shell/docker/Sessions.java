package dev.layerlab.shell.docker;

import dev.layerlab.shell.Machine;
import java.util.function.IntConsumer;

/**
 * How {@code docker run -it}/{@code exec -it}/{@code start -ai} put the learner into a
 * container: the REPL's shell switches to an interactive shell on {@code machine} once the
 * current line has run, and back to the host when that shell exits.
 */
@FunctionalInterface
public interface Sessions {
  /** Enters an interactive shell on {@code machine}; {@code onExit} gets its exit status when it leaves. */
  void enter(Machine machine, IntConsumer onExit);

  /** Whether a real terminal is attached to the line being run (progress bars animate only then). */
  default boolean interactive() {
    return false;
  }

  /** For non-interactive use (scripts, tests without a REPL): sessions are refused. */
  Sessions NONE = (machine, onExit) -> {
    throw new CliError("the input device is not a TTY", 1);
  };
}
