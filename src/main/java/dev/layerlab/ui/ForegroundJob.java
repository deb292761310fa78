package dev.layerlab.ui;

import dev.layerlab.shell.ShellIo;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.ToIntFunction;
import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal.SignalHandler;

/**
 * One accepted line run the way bash runs a foreground job on its terminal.
 *
 * <p>Ctrl-C interrupts it: the tty sends SIGINT, the thread running the line is interrupted, the
 * shell abandons the line with status 130, and nothing the command writes after the signal
 * reaches the screen (a process killed by SIGINT writes nothing more); then {@code ^C} and a new
 * line show, as under bash.
 *
 * <p>The tty does not echo keys typed ahead while the command runs: progress that redraws lines
 * in place (the layers of {@code docker pull}) counts on the cursor staying where it left it, and
 * an echoed {@code ls⏎} in the middle would push every later redraw one line off. The keys wait
 * in the tty and the line editor shows them at the next prompt. While the command itself reads
 * the terminal ({@code read}, an apt-get question) the keys are echoed as usual, see {@link Keyboard}.
 */
final class ForegroundJob {

  private final Terminal terminal;
  private final PrintStream screen;
  private Thread thread;
  private volatile boolean interrupted;
  private volatile boolean ttyEchoedIt;

  ForegroundJob(Terminal terminal, PrintStream screen) {
    this.terminal = terminal;
    this.screen = screen;
  }

  /** Runs {@code line} with the terminal's streams; returns its status. */
  int run(ToIntFunction<ShellIo> line, boolean colour, int width) {
    thread = Thread.currentThread();
    Attributes cooked = terminal.getAttributes();
    Attributes quiet = new Attributes(cooked);
    quiet.setLocalFlag(LocalFlag.ECHO, false);
    terminal.setAttributes(quiet);
    SignalHandler previous = terminal.handle(Signal.INT, this::interrupt);
    try {
      PrintStream out = new PrintStream(new UntilInterrupted(), true, terminal.encoding());
      Keyboard keyboard = new Keyboard(terminal, cooked, screen, () -> interrupted);
      return line.applyAsInt(new ShellIo(keyboard, out, out, colour, true, width));
    } finally {
      terminal.handle(Signal.INT, previous);
      Thread.interrupted(); // a Ctrl-C that came just as the line ended is spent
      terminal.setAttributes(cooked);
      if (interrupted) {
        screen.print(ttyEchoedIt ? "\n" : "^C\n");
        screen.flush();
      }
    }
  }

  private void interrupt(Signal signal) {
    Attributes now = terminal.getAttributes();
    // With ECHO and ECHOCTL the tty showed ^C itself when the key was pressed.
    ttyEchoedIt = now.getLocalFlag(LocalFlag.ECHO) && now.getLocalFlag(LocalFlag.ECHOCTL);
    interrupted = true;
    thread.interrupt();
  }

  /** The screen, until Ctrl-C. */
  private final class UntilInterrupted extends OutputStream {
    @Override
    public void write(int b) {
      if (!interrupted) {
        screen.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (!interrupted) {
        screen.write(b, off, len);
      }
    }

    @Override
    public void flush() {
      screen.flush();
    }
  }
}
