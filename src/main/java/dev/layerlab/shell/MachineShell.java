package dev.layerlab.shell;

import dev.layerlab.shell.lang.Interpreter;
import dev.layerlab.shell.lang.Io;
import dev.layerlab.shell.lang.ParseException;
import dev.layerlab.shell.lang.Parser;
import dev.layerlab.shell.lang.ShellState;
import dev.layerlab.vfs.DirEntry;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** An interactive bash on one machine: the learner's shell on the host or inside a container. */
final class MachineShell implements Shell {
  private final Machine machine;
  private final Interpreter interpreter;
  private final ShellState state;
  private boolean exited;

  MachineShell(Machine machine) {
    this.machine = machine;
    this.interpreter = new Interpreter(machine);
    this.state = new ShellState(machine.environment(), machine.home());
  }

  @Override
  public int run(String line, ShellIo io) {
    Io streams = new Io(io.in(), io.out(), io.err(), true, io.colour(), io.width());
    try {
      return interpreter.run(line, state, streams);
    } catch (Interpreter.ExitRequest e) {
      if (io.interactive()) {
        io.err().print("exit\n"); // bash says so only to a terminal
      }
      exited = true;
      return e.status();
    } finally {
      io.out().flush();
      io.err().flush();
    }
  }

  @Override
  public String prompt() {
    String home = state.get("HOME");
    String cwd = state.cwd();
    String shown = cwd;
    if (home != null && !home.equals("/") && (cwd.equals(home) || cwd.startsWith(home + "/"))) {
      shown = "~" + cwd.substring(home.length());
    }
    dev.layerlab.vfs.Credentials cred = machine.credentials();
    return (cred.isRoot() ? "root" : userName(cred.uid())) + "@" + machine.hostname() + ":" + shown
        + (cred.isRoot() ? "# " : "$ ");
  }

  /** bash's \\u: the passwd name of the uid, or its words for a uid without one. */
  private String userName(int uid) {
    try {
      for (String line : new String(machine.vfs().read("/etc/passwd"), java.nio.charset.StandardCharsets.UTF_8)
          .split("\n")) {
        String[] f = line.split(":");
        if (f.length > 2 && f[2].equals(Integer.toString(uid))) {
          return f[0];
        }
      }
    } catch (VfsException e) {
      // no passwd file: no name
    }
    return "I have no name!";
  }

  @Override
  public String continuationPrompt(String line) {
    int backslashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    if (backslashes % 2 == 1) {
      return "> ";
    }
    try {
      return Parser.parse(line).hereDocOpen() ? "> " : null;
    } catch (ParseException e) {
      return e.incomplete() ? "> " : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public List<String> commandNames() {
    TreeSet<String> names = new TreeSet<>(List.of("cd", "export", "exit", "unset", "set", "read", "source", "type"));
    String path = state.get("PATH");
    for (String dir : (path == null ? "" : path).split(":")) {
      try {
        for (DirEntry e : machine.vfs().readDir(dir.isEmpty() ? state.cwd() : dir)) {
          if (e.type() == FileType.REGULAR || e.type() == FileType.SYMLINK) {
            names.add(e.name());
          }
        }
      } catch (VfsException e) {
        // a PATH entry that does not exist
      }
    }
    return new ArrayList<>(names);
  }

  @Override
  public List<String> complete(List<String> wordsBefore, String word) {
    List<String> out = new ArrayList<>();
    if (wordsBefore.isEmpty() && !word.contains("/")) {
      for (String name : commandNames()) {
        if (name.startsWith(word)) {
          out.add(name);
        }
      }
      return out;
    }
    int slash = word.lastIndexOf('/');
    String dirPart = slash < 0 ? "" : word.substring(0, slash + 1);
    String prefix = word.substring(slash + 1);
    String dir = dirPart.isEmpty() ? state.cwd() : VPaths.absolute(state.cwd(), dirPart);
    try {
      for (DirEntry e : machine.vfs().readDir(dir)) {
        if (e.name().startsWith(prefix) && (prefix.startsWith(".") || !e.name().startsWith("."))) {
          boolean isDir = e.type() == FileType.DIRECTORY
              || (e.type() == FileType.SYMLINK && isDirectory(VPaths.child(dir, e.name())));
          out.add(dirPart + e.name() + (isDir ? "/" : ""));
        }
      }
    } catch (VfsException e) {
      return out;
    }
    return out;
  }

  private boolean isDirectory(String path) {
    try {
      return machine.vfs().stat(path).isDirectory();
    } catch (VfsException e) {
      return false;
    }
  }

  @Override
  public boolean exitRequested() {
    return exited;
  }

  /** The working directory, for the REPL's title or tests. */
  String cwd() {
    return state.cwd();
  }
}
