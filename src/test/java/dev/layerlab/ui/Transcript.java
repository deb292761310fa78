package dev.layerlab.ui;

import dev.layerlab.shell.Shell;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.function.Supplier;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Assertions;
import org.opentest4j.AssertionFailedError;

/**
 * Drives the real {@code layerlab} command, REPL included, on byte streams and compares the whole
 * session with an expected transcript.
 *
 * <pre>{@code
 * Transcript.repl().check("foo\n", """
 *     root@host:~# foo
 *     bash: foo: command not found
 *     root@host:~#
 *     exit
 *     """);
 * }</pre>
 *
 * <p>{@link #repl()} types the input into the interactive REPL on an ANSI terminal of fixed size
 * (keys as characters: {@code \t} completes, {@code \u0003} is Ctrl-C, {@code \u0004} Ctrl-D; the end
 * of the input is Ctrl-D) and compares what the screen shows. {@link #script()} pipes the input
 * to standard input as {@code layerlab < file} does and compares standard output and error
 * interleaved. Trailing blanks at line ends are ignored on both sides, as a screen shows none.
 */
public final class Transcript {

  private final boolean interactive;
  private final List<String> args = new ArrayList<>();
  private final Map<String, String> env = new HashMap<>();
  private Supplier<Shell> shell = Shells::host;
  private Supplier<MetaCommands> metaCommands = MetaCommands::standard;
  private int width = 80;
  private int height = 24;
  private boolean colour;
  private final List<String[]> typedLater = new ArrayList<>();

  private Transcript(boolean interactive) {
    this.interactive = interactive;
    env.put("LANG", "C.UTF-8");
  }

  /** The interactive REPL on a terminal over byte streams. */
  public static Transcript repl() {
    return new Transcript(true);
  }

  /** The command with standard input not a terminal: no prompt, no colour. */
  public static Transcript script() {
    return new Transcript(false);
  }

  /** Command-line arguments, e.g. {@code "--lang", "zh"}. */
  public Transcript args(String... more) {
    args.addAll(List.of(more));
    return this;
  }

  /** An environment variable (the environment starts with just LANG=C.UTF-8). */
  public Transcript env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** The shell to run lines with, instead of the host shell. */
  public Transcript shell(Supplier<Shell> shell) {
    this.shell = shell;
    return this;
  }

  /** The meta commands, instead of the standard registry. */
  public Transcript metaCommands(Supplier<MetaCommands> metaCommands) {
    this.metaCommands = metaCommands;
    return this;
  }

  /** The terminal's size; 80x24 unless set. */
  public Transcript size(int columns, int rows) {
    this.width = columns;
    this.height = rows;
    return this;
  }

  /** Lets the REPL colour its output (the terminal supports 8 colours); off unless set. */
  public Transcript colour(boolean colour) {
    this.colour = colour;
    return this;
  }

  /**
   * Keys typed while a command runs, once the screen shows {@code shown} (after the text of the
   * keys typed before): the test terminal treats them as a Linux tty would at that moment, see
   * {@link TypeAhead}. {@code \u0003} is Ctrl-C.
   */
  public Transcript typeWhen(String shown, String keys) {
    typedLater.add(new String[] {shown, keys});
    return this;
  }

  /** What a run printed and returned. {@code raw} keeps the escape sequences. */
  public record Result(int status, String text, String raw) {}

  /** Runs the command with {@code input}. */
  public Result run(String input) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TypeAhead later = new TypeAhead(bytes);
    typedLater.forEach(each -> later.when(each[0], each[1]));
    PrintStream out = new PrintStream(later, true, StandardCharsets.UTF_8);
    byte[] keys = input.getBytes(StandardCharsets.UTF_8);
    var in = interactive ? new TypedKeys(keys) : new ByteArrayInputStream(keys);
    Map<String, String> environment = new HashMap<>(env);
    if (!colour) {
      environment.putIfAbsent("NO_COLOR", "1");
    }
    Wiring wiring = new Wiring() {
      @Override
      Shell shell() {
        return shell.get();
      }

      @Override
      MetaCommands metaCommands() {
        return metaCommands.get();
      }

      @Override
      Terminal terminal() throws IOException {
        Terminal terminal = Transcript.this.terminal(in, out);
        later.attach(terminal, (TypedKeys) in);
        return terminal;
      }

      @Override
      boolean history() {
        return false; // tests must not write into the learner's home
      }
    };
    Stdio stdio = new Stdio(in, out, out, environment, interactive);
    // A REPL waiting for input it will never get must fail the test, not hang the build.
    int status = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> Launcher.run(args.toArray(String[]::new), stdio, wiring), "the command did not finish");
    String raw = bytes.toString(StandardCharsets.UTF_8);
    String text = interactive ? Screen.render(raw, width) : raw;
    return new Result(status, text, raw);
  }

  /** Runs the command with {@code input} and fails with a line diff unless it shows {@code expected}. */
  public Result check(String input, String expected) {
    Result result = run(input);
    String want = normalise(expected);
    String got = normalise(result.text());
    if (!want.equals(got)) {
      throw new AssertionFailedError("transcript differs (- expected, + actual):\n" + Diff.lines(want, got), want, got);
    }
    return result;
  }

  private DumbTerminal terminal(java.io.InputStream in, PrintStream out) throws IOException {
    // "ansi" rather than "dumb": JLine only completes and redraws on a terminal with a cursor.
    DumbTerminal terminal = new DumbTerminal("transcript", "ansi", in, out, StandardCharsets.UTF_8);
    terminal.setSize(new Size(width, height));
    // Like a Linux tty: Ctrl-C raises SIGINT instead of arriving as a character. Every signal key
    // needs a value, or JLine takes the end of input (-1) for the unset one and loops forever.
    Attributes attributes = terminal.getAttributes();
    attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true);
    attributes.setControlChar(Attributes.ControlChar.VINTR, 3); // ^C
    attributes.setControlChar(Attributes.ControlChar.VQUIT, 28); // ^\
    attributes.setControlChar(Attributes.ControlChar.VSUSP, 26); // ^Z
    attributes.setControlChar(Attributes.ControlChar.VSTATUS, 20); // ^T, BSD's; harmless here
    attributes.setControlChar(Attributes.ControlChar.VEOF, 4); // ^D ends the input of a command reading it
    // Cooked, as the line editor finds a tty and leaves it: the tty echoes keys, control keys as ^X.
    attributes.setLocalFlag(Attributes.LocalFlag.ICANON, true);
    attributes.setLocalFlag(Attributes.LocalFlag.ECHO, true);
    attributes.setLocalFlag(Attributes.LocalFlag.ECHOCTL, true);
    terminal.setAttributes(attributes);
    return terminal;
  }

  static String normalise(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      sb.append(line.stripTrailing()).append('\n');
    }
    String s = sb.toString();
    while (s.endsWith("\n\n")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
