package dev.layerlab.ui;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** Runs the {@code layerlab} command line on given streams; returns the process exit status. */
public final class Launcher {

  private Launcher() {}

  /** Parses {@code args} and runs a script or the REPL; usage errors give status 2 and no stack trace. */
  public static int run(String[] args, Stdio stdio) {
    return run(args, stdio, new Wiring());
  }

  static int run(String[] args, Stdio stdio, Wiring wiring) {
    if (args.length == 0) {
      // Nothing to parse: skip picocli, whose classes predate Java 6 and so cannot be put in a
      // class-data archive. Piped scripts and the REPL start about a tenth of a second sooner.
      try {
        return finish(stdio, new LayerlabCommand(stdio, wiring).call());
      } catch (Exception | LinkageError e) {
        return finish(stdio, internalError(e, stdio));
      }
    }
    return parseAndRun(args, stdio, wiring);
  }

  private static int parseAndRun(String[] args, Stdio stdio, Wiring wiring) {
    // The usage text is printed while parsing, so its language and colour come from a look ahead.
    Locale locale = Locales.choose(peek(args, "--lang"), stdio.env());
    boolean noColor = has(args, "--no-color") || !isEmpty(stdio.env().get("NO_COLOR"));
    CommandLine cli = new CommandLine(new LayerlabCommand(stdio, wiring));
    cli.setResourceBundle(Messages.of(locale).bundle());
    cli.addSubcommand(new LessonsCommand()); // after the bundle: its own descriptions are not the REPL's
    cli.getSubcommands().get("lessons").setResourceBundle(Messages.bundle(LessonsCommand.BUNDLE, locale));
    cli.setOut(new PrintWriter(new OutputStreamWriter(stdio.out(), StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(stdio.err(), StandardCharsets.UTF_8), true));
    cli.setColorScheme(Help.defaultColorScheme(noColor ? Help.Ansi.OFF : Help.Ansi.AUTO));
    cli.setExecutionExceptionHandler(new CommandLine.IExecutionExceptionHandler() {
      @Override
      public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        return internalError(e, stdio);
      }
    });
    return finish(stdio, cli.execute(args));
  }

  /** A bug of ours: one line for the learner, the stack trace only when LAYERLAB_DEBUG is set. */
  private static int internalError(Throwable e, Stdio stdio) {
    stdio.err().println(Messages.of(Locales.choose(null, stdio.env())).get("internal.error", String.valueOf(e)));
    if (!isEmpty(stdio.env().get("LAYERLAB_DEBUG"))) {
      e.printStackTrace(stdio.err());
    }
    return LineRunner.INTERNAL_ERROR;
  }

  private static int finish(Stdio stdio, int status) {
    stdio.out().flush();
    stdio.err().flush();
    return status;
  }

  /** The value of {@code --name VALUE} or {@code --name=VALUE}, if given before a {@code --}. */
  private static String peek(String[] args, String name) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        break;
      }
      if (args[i].equals(name) && i + 1 < args.length) {
        return args[i + 1];
      }
      if (args[i].startsWith(name + "=")) {
        return args[i].substring(name.length() + 1);
      }
    }
    return null;
  }

  private static boolean has(String[] args, String name) {
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      if (arg.equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
