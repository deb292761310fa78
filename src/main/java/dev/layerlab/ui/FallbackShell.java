package dev.layerlab.ui;

import dev.layerlab.shell.Shell;
import dev.layerlab.shell.ShellIo;
import java.util.List;

/**
 * A stand-in host shell that knows no programs: every command is {@code command not found}. It
 * exists only until the real shell is wired into {@link Shells#host}; delete it then.
 */
final class FallbackShell implements Shell {

  private int status;
  private boolean exitRequested;

  @Override
  public int run(String line, ShellIo io) {
    String[] words = line.strip().split("\\s+");
    if (words[0].isEmpty() || words[0].startsWith("#")) {
      return status; // bash leaves $? alone for a blank line or a comment
    }
    if (words[0].equals("exit")) {
      return exit(words, io);
    }
    io.err().println("bash: " + words[0] + ": command not found");
    status = 127;
    return status;
  }

  private int exit(String[] words, ShellIo io) {
    if (io.interactive()) {
      io.err().println("exit"); // an interactive bash says so when it leaves
    }
    if (words.length > 2) {
      io.err().println("bash: exit: too many arguments");
      status = 1;
      return status;
    }
    exitRequested = true;
    if (words.length == 2) {
      if (!words[1].matches("[+-]?[0-9]{1,18}")) {
        io.err().println("bash: exit: " + words[1] + ": numeric argument required");
        status = 2;
      } else {
        status = (int) (Long.parseLong(words[1]) & 0xFF);
      }
    }
    return status;
  }

  @Override
  public String prompt() {
    return "root@host:~# ";
  }

  @Override
  public String continuationPrompt(String line) {
    // bash keeps reading after a trailing backslash; quotes and keywords are the real shell's job.
    return line.endsWith("\\") ? "> " : null;
  }

  @Override
  public List<String> commandNames() {
    return List.of("exit");
  }

  @Override
  public List<String> complete(List<String> wordsBefore, String word) {
    return List.of();
  }

  @Override
  public boolean exitRequested() {
    return exitRequested;
  }
}
