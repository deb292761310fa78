package dev.layerlab.shell.lang;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command runs with after its redirections, and whether its standard output is
 * still the terminal.
 */
public record Io(InputStream in, PrintStream out, PrintStream err, boolean tty, boolean colour, int width) {

  Io withIn(InputStream newIn) {
    return new Io(newIn, out, err, tty, colour, width);
  }

  Io withOut(PrintStream newOut, boolean stillTty) {
    return new Io(in, newOut, err, stillTty, colour, width);
  }

  Io withErr(PrintStream newErr) {
    return new Io(in, out, newErr, tty, colour, width);
  }
}
