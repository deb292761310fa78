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
    String[] words = words(line);
    if (words.length == 0 || words[0].startsWith("#")) {
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
      if (!isNumber(words[1])) {
        io.err().println("bash: exit: " + words[1] + ": numeric argument required");
        status = 2;
      } else {
        status = (int) (Long.parseLong(words[1]) & 0xFF);
      }
    }
    return status;
  }

  /** The line split at blanks; quoting is the real shell's business. */
  private static String[] words(String line) {
    java.util.ArrayList<String> words = new java.util.ArrayList<>();
    int start = -1;
    for (int i = 0; i <= line.length(); i++) {
      boolean blank = i == line.length() || Character.isWhitespace(line.charAt(i));
      if (blank && start >= 0) {
        words.add(line.substring(start, i));
        start = -1;
      } else if (!blank && start < 0) {
        start = i;
      }
    }
    return words.toArray(new String[0]);
  }

  private static boolean isNumber(String word) {
    int digits = word.startsWith("+") || word.startsWith("-") ? 1 : 0;
    if (word.length() == digits || word.length() - digits > 18) {
      return false;
    }
    for (int i = digits; i < word.length(); i++) {
      if (word.charAt(i) < '0' || word.charAt(i) > '9') {
        return false;
      }
    }
    return true;
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
