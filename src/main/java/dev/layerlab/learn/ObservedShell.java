package dev.layerlab.learn;

import dev.layerlab.shell.Shell;
import dev.layerlab.shell.ShellIo;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The learner's shell with the learning layer listening: every line and what it printed go to
 * the tutor (so lesson steps complete by themselves), overlay events are traced while the line
 * runs, and the prompt shows the lesson and step while one runs.
 */
final class ObservedShell implements Shell {
  private final Shell shell;
  private final Learning learning;

  ObservedShell(Shell shell, Learning learning) {
    this.shell = shell;
    this.learning = learning;
  }

  @Override
  public int run(String line, ShellIo io) {
    Capture capture = new Capture();
    PrintStream out = new PrintStream(new Tee(io.out(), capture), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new Tee(io.err(), capture), true, StandardCharsets.UTF_8);
    int status;
    String prompt = shell.prompt();
    learning.beginCommand(io.out());
    try {
      status = shell.run(line, new ShellIo(io.in(), out, err, io.colour(), io.interactive(), io.width()));
    } finally {
      out.flush();
      err.flush();
      learning.endCommand();
    }
    String said = learning.commandRan(prompt, line, capture.text());
    if (!said.isEmpty()) {
      io.out().print(said);
      io.out().flush();
    }
    return status;
  }

  /** The hostname in a {@code user@host:dir# } prompt: a container's is its short ID. */
  String hostname() {
    String p = shell.prompt();
    int at = p.indexOf('@');
    int colon = p.indexOf(':', at + 1);
    return at < 0 || colon < 0 ? "" : p.substring(at + 1, colon);
  }

  @Override
  public String prompt() {
    String status = learning.promptPrefix();
    return status.isEmpty() ? shell.prompt() : status + " " + shell.prompt();
  }

  @Override
  public String continuationPrompt(String line) {
    return shell.continuationPrompt(line);
  }

  @Override
  public List<String> commandNames() {
    return shell.commandNames();
  }

  @Override
  public List<String> complete(List<String> wordsBefore, String word) {
    return shell.complete(wordsBefore, word);
  }

  @Override
  public boolean exitRequested() {
    return shell.exitRequested();
  }

  /** What a command printed, kept up to a bound so a runaway loop cannot fill the memory. */
  private static final class Capture extends ByteArrayOutputStream {
    @Override
    public synchronized void write(byte[] b, int off, int len) {
      int room = StepLog.MAX_OUTPUT - count;
      if (room > 0) {
        super.write(b, off, Math.min(len, room));
      }
    }

    @Override
    public synchronized void write(int b) {
      if (count < StepLog.MAX_OUTPUT) {
        super.write(b);
      }
    }

    String text() {
      return toString(StandardCharsets.UTF_8);
    }
  }

  /** Writes to the terminal and to the capture. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    Tee(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int x) throws java.io.IOException {
      a.write(x);
      b.write(x);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws java.io.IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }

    @Override
    public void flush() throws java.io.IOException {
      a.flush();
    }
  }
}
