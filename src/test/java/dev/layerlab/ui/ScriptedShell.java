package dev.layerlab.ui;

import dev.layerlab.shell.Shell;
import dev.layerlab.shell.ShellIo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A shell for testing the REPL itself: it records every line it is given with the streams'
 * facts, prints {@code ran: LINE}, and answers completion from fixed tables.
 */
class ScriptedShell implements Shell {

  final List<String> lines = new ArrayList<>();
  final List<ShellIo> ios = new ArrayList<>();
  final List<List<String>> completed = new ArrayList<>();
  private final List<String> commandNames;
  private final Map<String, List<String>> completions;
  private boolean exit;

  ScriptedShell(List<String> commandNames, Map<String, List<String>> completions) {
    this.commandNames = commandNames;
    this.completions = completions;
  }

  ScriptedShell() {
    this(List.of("ls", "docker", "zzz-undescribed"), Map.of());
  }

  @Override
  public int run(String line, ShellIo io) {
    lines.add(line);
    ios.add(io);
    io.out().println("ran: " + line.replace("\n", "\\n"));
    if (line.startsWith("status ")) {
      return Integer.parseInt(line.substring(7).strip());
    }
    if (line.equals("bye")) {
      exit = true;
    }
    return 0;
  }

  @Override
  public String prompt() {
    return "user@box:/tmp$ ";
  }

  @Override
  public String continuationPrompt(String line) {
    return line.chars().filter(c -> c == '\'').count() % 2 == 1 ? "quote> " : null;
  }

  @Override
  public List<String> commandNames() {
    return commandNames;
  }

  @Override
  public List<String> complete(List<String> wordsBefore, String word) {
    completed.add(new ArrayList<>(wordsBefore));
    return completions.getOrDefault(word, List.of());
  }

  @Override
  public boolean exitRequested() {
    return exit;
  }
}
