package dev.layerlab.shell.lang;

import dev.layerlab.image.BuiltinStub;
import dev.layerlab.shell.Machine;
import dev.layerlab.shell.Program;
import dev.layerlab.shell.ProgramContext;
import dev.layerlab.vfs.FileType;
import dev.layerlab.vfs.Stat;
import dev.layerlab.vfs.VPaths;
import dev.layerlab.vfs.VfsException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and runs the program a command names: a function, a shell builtin, or an executable
 * file found through {@code PATH} in the machine's own filesystem.
 */
final class Commands {
  /** Utilities bash has as builtins: they run without a file on PATH. */
  static final Set<String> BUILTIN_PROGRAMS = Set.of("echo", "printf", "test", "[", "true", "false", "pwd");
  private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "ash");

  private final Interpreter interpreter;
  private final Machine machine;

  Commands(Interpreter interpreter, Machine machine) {
    this.interpreter = interpreter;
    this.machine = machine;
  }

  int invoke(List<String> argv, List<String[]> prefix, ShellState st, Io io) {
    return invoke(argv, prefix, Map.of(), st, io);
  }

  /** Runs a command; {@code declared} holds the assignment words of a declaration builtin, by position. */
  int invoke(List<String> argv, List<String[]> prefix, Map<Integer, Node.Assignment> declared, ShellState st, Io io) {
    String name = argv.get(0);
    Node function = st.functions.get(name);
    if (function != null) {
      return callFunction(function, argv, st, io);
    }
    if (Builtins.has(name)) {
      for (String[] a : prefix) {
        st.set(a[0], a[1]);
      }
      return new Builtins(interpreter, st, io).run(argv, declared);
    }
    Map<String, String> env = st.environment();
    for (String[] a : prefix) {
      env.put(a[0], a[1]);
    }
    if (BUILTIN_PROGRAMS.contains(name)) {
      Optional<Program> program = machine.programs().find(name);
      if (program.isPresent()) {
        return runProgram(program.get(), argv, env, st, io);
      }
    }
    String path;
    if (name.contains("/")) {
      path = VPaths.absolute(st.cwd, name);
      Stat stat;
      try {
        stat = machine.vfs().stat(path);
      } catch (VfsException e) {
        return fail(io, name, e.reason(), 127);
      }
      if (stat.isDirectory()) {
        return fail(io, name, "Is a directory", 126);
      }
      if ((stat.mode() & 0111) == 0) {
        return fail(io, name, "Permission denied", 126);
      }
    } else {
      path = search(name, env.getOrDefault("PATH", ""), st.cwd);
      if (path == null) {
        return fail(io, name, "command not found", 127);
      }
    }
    return execFile(path, argv, env, st, io);
  }

  /** The first executable regular file called {@code name} in a {@code PATH} directory, or null. */
  String search(String name, String pathVar, String cwd) {
    for (String dir : pathVar.split(":", -1)) {
      String candidate = VPaths.absolute(cwd, VPaths.child(dir.isEmpty() ? "." : dir, name));
      try {
        Stat stat = machine.vfs().stat(candidate);
        if (stat.type() == FileType.REGULAR && (stat.mode() & 0111) != 0) {
          return candidate;
        }
      } catch (VfsException e) {
        // not in this directory
      }
    }
    return null;
  }

  private int execFile(String path, List<String> argv, Map<String, String> env, ShellState st, Io io) {
    String name = argv.get(0);
    byte[] content;
    try {
      content = machine.vfs().read(path);
    } catch (VfsException e) {
      return fail(io, name, e.reason(), 126);
    }
    Optional<String> utility = BuiltinStub.utility(content);
    if (utility.isPresent()) {
      Optional<Program> program = machine.programs().find(utility.get());
      if (program.isEmpty()) {
        return fail(io, name, "cannot execute binary file: Exec format error", 126);
      }
      return runProgram(program.get(), argv, env, st, io);
    }
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.startsWith("#!")) {
      return runShebang(path, text, argv, env, st, io);
    }
    String fileName = VPaths.name(path);
    Optional<Program> byName = machine.programs().find(fileName);
    if (fileName.equals("busybox") && argv.size() > 1) {
      byName = machine.programs().find(argv.get(1));
      argv = argv.subList(1, argv.size());
    }
    if (byName.isPresent()) {
      return runProgram(byName.get(), argv, env, st, io);
    }
    if (text.startsWith("\u007fELF") || text.indexOf('\0') >= 0) {
      return fail(io, name, "cannot execute binary file: Exec format error", 126);
    }
    return interpreter.runScript(text, name, argv.subList(1, argv.size()), context(argv, env, st, io));
  }

  private int runShebang(String path, String text, List<String> argv, Map<String, String> env, ShellState st, Io io) {
    String name = argv.get(0);
    int eol = text.indexOf('\n');
    String[] line = (eol < 0 ? text.substring(2) : text.substring(2, eol)).trim().split("\\s+");
    String interp = line[0];
    List<String> interpArgs = new ArrayList<>(List.of(line).subList(1, line.length));
    String interpPath = interp;
    if (VPaths.name(interp).equals("env") && !interpArgs.isEmpty()) {
      interpPath = search(interpArgs.remove(0), env.getOrDefault("PATH", ""), st.cwd);
    }
    String program = interpPath == null ? null : programOf(interpPath);
    if (program == null) {
      return fail(io, name, interp + ": bad interpreter: No such file or directory", 126);
    }
    List<String> args = argv.subList(1, argv.size());
    if (SHELLS.contains(program)) {
      return interpreter.runScript(text, name, args, context(argv, env, st, io));
    }
    List<String> full = new ArrayList<>();
    full.add(interpPath);
    full.addAll(interpArgs);
    full.add(name);
    full.addAll(args);
    Optional<Program> p = machine.programs().find(program);
    return p.map(value -> runProgram(value, full, env, st, io))
        .orElseGet(() -> fail(io, name, interp + ": bad interpreter: No such file or directory", 126));
  }

  /** The built-in utility an executable file stands for, or null when it is missing. */
  private String programOf(String path) {
    try {
      byte[] content = machine.vfs().read(path);
      return BuiltinStub.utility(content).orElse(VPaths.name(path));
    } catch (VfsException e) {
      return null;
    }
  }

  private int callFunction(Node body, List<String> argv, ShellState st, Io io) {
    List<String> saved = st.positional;
    st.positional = new ArrayList<>(argv.subList(1, argv.size()));
    st.enterFunction();
    try {
      return interpreter.execute(body, st, io);
    } catch (Jump j) {
      if (j.kind == Jump.Kind.RETURN) {
        return j.value;
      }
      throw j;
    } finally {
      st.leaveFunction();
      st.positional = saved;
    }
  }

  int runProgram(Program program, List<String> argv, Map<String, String> env, ShellState st, Io io) {
    ProgramContext ctx = context(argv, env, st, io);
    try {
      int status = program.run(ctx);
      ctx.out().flush();
      return status;
    } catch (VfsException e) {
      ctx.error(e.path() + ": " + e.reason());
      return 1;
    }
  }

  private ProgramContext context(List<String> argv, Map<String, String> env, ShellState st, Io io) {
    return new ProgramContext(List.copyOf(argv), machine, st.cwd, Map.copyOf(env), io.in(), io.out(), io.err(),
        io.tty(), io.colour(), io.width(), interpreter::runScript);
  }

  private static int fail(Io io, String name, String reason, int status) {
    io.err().print("bash: " + name + ": " + reason + "\n");
    return status;
  }
}
