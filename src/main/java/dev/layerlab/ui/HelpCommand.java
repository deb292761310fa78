package dev.layerlab.ui;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** {@code :help}: one line for every meta command and every command the current machine can run. */
final class HelpCommand implements MetaCommand {

  @Override
  public String name() {
    return ":help";
  }

  @Override
  public String summary(Messages messages) {
    return messages.get("meta.help");
  }

  @Override
  public int run(String args, MetaContext context) {
    Messages messages = context.messages();
    PrintStream out = context.io().out();
    List<String[]> meta = new ArrayList<>();
    for (MetaCommand command : context.commands().all()) {
      meta.add(new String[] {command.name(), command.summary(messages)});
    }
    List<String[]> shell = new ArrayList<>();
    for (String name : new TreeSet<>(context.shell().commandNames())) {
      // Describing a machine's commands to the learner is the UI's job: the words live in our bundle.
      String summary = messages.find("command." + name);
      shell.add(new String[] {name, summary == null ? "" : summary});
    }
    int width = 0;
    for (List<String[]> rows : List.of(meta, shell)) {
      for (String[] row : rows) {
        width = Math.max(width, row[0].length());
      }
    }
    out.println(messages.get("help.meta"));
    print(out, meta, width);
    out.println(messages.get("help.shell"));
    print(out, shell, width);
    return 0;
  }

  private static void print(PrintStream out, List<String[]> rows, int width) {
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder("  ").append(row[0]);
      if (!row[1].isEmpty()) {
        line.append(" ".repeat(width - row[0].length() + 2)).append(row[1]);
      }
      out.println(line);
    }
  }
}
