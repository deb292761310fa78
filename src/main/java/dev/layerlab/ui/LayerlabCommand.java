package dev.layerlab.ui;

import dev.layerlab.learn.Learning;

import dev.layerlab.shell.ShellIo;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The {@code layerlab} command line: options, then either a script run or the REPL. */
@Command(
    name = "layerlab",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = false)
final class LayerlabCommand implements Callable<Integer> {

  /** The languages layerlab speaks. */
  enum Lang { en, zh }

  @Option(names = "-c", paramLabel = "LINE", descriptionKey = "option.c")
  List<String> lines = new ArrayList<>();

  @Option(names = "--script", paramLabel = "FILE", descriptionKey = "option.script")
  Path script;

  @Option(names = "--no-color", descriptionKey = "option.no-color")
  boolean noColor;

  @Option(names = "--lang", paramLabel = "LANG", descriptionKey = "option.lang")
  Lang lang;

  @Mixin
  LearnOptions learn = new LearnOptions();

  private final Stdio stdio;
  private final Wiring wiring;

  LayerlabCommand(Stdio stdio, Wiring wiring) {
    this.stdio = stdio;
    this.wiring = wiring;
  }

  @Override
  public Integer call() throws IOException {
    Messages messages = Messages.of(Locales.choose(lang == null ? null : lang.name(), stdio.env()));
    wiring.learning(LessonCommands.learning(stdio.env(), learn, wiring.lab(), stdio.err()));
    LineRunner runner = new LineRunner(wiring.shell(), wiring.metaCommands(), messages);
    boolean scripted = !lines.isEmpty() || script != null;
    if (scripted || !stdio.terminal()) {
      return runScript(runner, messages, scripted);
    }
    boolean colour = !noColor && isEmpty(stdio.env().get("NO_COLOR"));
    try (var terminal = wiring.terminal()) {
      Learning learning = wiring.learning();
      return new Repl(terminal, runner, colour, wiring.history() ? historyFile() : null)
          .statusLine(learning::statusLine)
          .run();
    }
  }

  private int runScript(LineRunner runner, Messages messages, boolean scripted) throws IOException {
    // A script piped in is the shell's own input: commands must not eat its next lines.
    var in = scripted ? stdio.in() : new ByteArrayInputStream(new byte[0]);
    ShellIo io = new ShellIo(in, stdio.out(), stdio.err(), false, false, columns());
    ScriptRunner scripts = new ScriptRunner(runner, io);
    for (String line : lines) {
      if (runner.finished()) {
        return runner.status();
      }
      scripts.runText(line);
    }
    if (script != null && !runner.finished()) {
      return runFile(scripts, runner, messages);
    }
    if (!scripted) {
      scripts.run(new BufferedReader(new InputStreamReader(stdio.in(), StandardCharsets.UTF_8)));
    }
    return runner.status();
  }

  private int runFile(ScriptRunner scripts, LineRunner runner, Messages messages) throws IOException {
    String name = script.toString();
    if (Files.isDirectory(script)) {
      stdio.err().println(messages.get("script.directory", name));
      return 126; // bash's status for a script it found but cannot run
    }
    try (BufferedReader reader = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
      return scripts.run(reader);
    } catch (NoSuchFileException e) {
      stdio.err().println(messages.get("script.missing", name));
      return 127;
    } catch (AccessDeniedException e) {
      stdio.err().println(messages.get("script.denied", name));
      return 126;
    }
  }

  private Path historyFile() {
    Path file = HistoryFile.locate(stdio.env());
    try {
      Files.createDirectories(file.getParent());
      return file;
    } catch (IOException | SecurityException e) {
      return null; // a read-only home still gets a REPL, with history in memory only
    }
  }

  private int columns() {
    String value = stdio.env().get("COLUMNS");
    if (value != null && value.matches("[1-9][0-9]{0,4}")) {
      return Integer.parseInt(value);
    }
    return 80;
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
